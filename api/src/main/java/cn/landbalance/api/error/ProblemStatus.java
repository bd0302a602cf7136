package cn.landbalance.api.error;

import cn.landbalance.ledger.common.ErrorCode;
import io.micronaut.http.HttpStatus;

/** The one mapping from a code's kind to its HTTP status. */
public final class ProblemStatus {
    private ProblemStatus() {
    }

    public static HttpStatus of(ErrorCode code) {
        return switch (code) {
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
            case PAYLOAD_TOO_LARGE -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            default -> switch (code.kind()) {
                case MALFORMED -> HttpStatus.BAD_REQUEST;
                case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case CONFLICT -> HttpStatus.CONFLICT;
                case RULE -> HttpStatus.UNPROCESSABLE_ENTITY;
                case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
                case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
                case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
            };
        };
    }
}
