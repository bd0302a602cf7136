package cn.landbalance.api.error;

import cn.landbalance.ledger.common.ErrorCode;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/** 401 when no valid token came with the request, 403 when the role may not act; both problem+json. */
@Produces
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class AuthorizationProblemHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<Problem>> {
    @Override
    public MutableHttpResponse<Problem> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return Problems.response(ErrorCode.FORBIDDEN, null);
        }
        return Problems.response(ErrorCode.UNAUTHENTICATED, null)
                .header("WWW-Authenticate", "Bearer");
    }
}
