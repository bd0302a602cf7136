package cn.landbalance.api.error;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;

/** Builds problem+json responses. */
public final class Problems {
    private Problems() {
    }

    /** The response of a code whose detail is the code's own message. */
    public static MutableHttpResponse<Problem> response(ErrorCode code, String field) {
        return response(Problem.of(code, field));
    }

    /** The response of a refusal, its detail in both languages. */
    public static MutableHttpResponse<Problem> response(DomainException refusal) {
        return response(Problem.of(refusal));
    }

    private static MutableHttpResponse<Problem> response(Problem problem) {
        return HttpResponse.<Problem>status(ProblemStatus.of(ErrorCode.valueOf(problem.code()))).body(problem)
                .contentType(Problem.MEDIA_TYPE);
    }
}
