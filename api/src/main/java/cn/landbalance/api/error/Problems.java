package cn.landbalance.api.error;

import cn.landbalance.ledger.common.ErrorCode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;

/** Builds problem+json responses. */
public final class Problems {
    private Problems() {
    }

    public static MutableHttpResponse<Problem> response(ErrorCode code, String field, String detail) {
        Problem problem = Problem.of(code, field, detail);
        return HttpResponse.<Problem>status(ProblemStatus.of(code)).body(problem).contentType(Problem.MEDIA_TYPE);
    }
}
