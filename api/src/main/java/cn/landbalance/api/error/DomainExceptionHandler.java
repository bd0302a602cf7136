package cn.landbalance.api.error;

import cn.landbalance.ledger.common.DomainException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A named refusal from the domain becomes its problem+json with the status of its kind. */
@Produces
@Singleton
@Requires(classes = {DomainException.class, ExceptionHandler.class})
public class DomainExceptionHandler implements ExceptionHandler<DomainException, MutableHttpResponse<Problem>> {
    @Override
    public MutableHttpResponse<Problem> handle(HttpRequest request, DomainException exception) {
        return Problems.response(exception);
    }
}
