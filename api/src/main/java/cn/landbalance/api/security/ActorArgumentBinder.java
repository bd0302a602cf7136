package cn.landbalance.api.security;

import cn.landbalance.settlement.identity.Actor;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Lets a controller method take the acting user as an {@link Actor} parameter. */
@Singleton
public class ActorArgumentBinder implements TypedRequestArgumentBinder<Actor> {
    @Override
    public Argument<Actor> argumentType() {
        return Argument.of(Actor.class);
    }

    @Override
    public BindingResult<Actor> bind(ArgumentConversionContext<Actor> context, HttpRequest<?> source) {
        Optional<Authentication> authentication = source.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty()) {
            return BindingResult.unsatisfied();
        }
        Actor actor = ActorClaims.fromAuthentication(authentication.get());
        return () -> Optional.of(actor);
    }
}
