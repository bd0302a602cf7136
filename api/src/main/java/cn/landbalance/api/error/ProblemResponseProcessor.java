package cn.landbalance.api.error;

import cn.landbalance.api.json.StrictJsonMapper;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.constraints.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.Optional;

/**
 * Every error response Micronaut makes itself (bad JSON, wrong types, failed validation, unknown routes,
 * wrong methods or media types) comes out as our problem+json, with a code from the one list and the
 * field named when one is at fault. Nothing from the exception's internals reaches the client.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponseProcessor.class);

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        Problem problem = toProblem(context, base.getStatus());
        return base.status(ProblemStatus.of(ErrorCode.valueOf(problem.code())))
                .contentType(Problem.MEDIA_TYPE)
                .body(problem);
    }

    private Problem toProblem(ErrorContext context, HttpStatus status) {
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof DomainException e) {
            return Problem.of(e);
        }
        if (cause instanceof ConstraintViolationException e) {
            return fromViolations(e);
        }
        if (cause instanceof ConversionErrorException e) {
            return fromConversionError(e);
        }
        if (cause instanceof UnsatisfiedRouteException e) {
            String name = e.getArgument().getName();
            return Problem.of(ErrorCode.MISSING_FIELD, name, "缺少必填的“" + name + "”", "required " + name + " is missing");
        }
        Optional<String> field = context.getErrors().stream().map(Error::getPath).flatMap(Optional::stream).findFirst();
        String message = context.getErrors().stream().map(Error::getMessage).findFirst().orElse(null);
        return switch (status) {
            case BAD_REQUEST -> badRequest(cause, field.orElse(null), message);
            case NOT_FOUND -> Problem.of(ErrorCode.NOT_FOUND, null);
            case METHOD_NOT_ALLOWED -> Problem.of(ErrorCode.METHOD_NOT_ALLOWED, null);
            case UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE -> Problem.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, null);
            case REQUEST_ENTITY_TOO_LARGE -> Problem.of(ErrorCode.PAYLOAD_TOO_LARGE, null);
            case UNAUTHORIZED -> Problem.of(ErrorCode.UNAUTHENTICATED, null);
            case FORBIDDEN -> Problem.of(ErrorCode.FORBIDDEN, null);
            case SERVICE_UNAVAILABLE -> Problem.of(ErrorCode.SERVICE_UNAVAILABLE, null);
            default -> {
                if (status.getCode() >= 500) {
                    LOG.error("unexpected error on {} {}", context.getRequest().getMethod(), context.getRequest().getPath(), cause);
                    yield Problem.of(ErrorCode.INTERNAL_ERROR, null);
                }
                yield Problem.of(ErrorCode.MALFORMED_REQUEST, field.orElse(null));
            }
        };
    }

    private static Problem badRequest(Throwable cause, String field, String message) {
        String text = message == null ? "" : message;
        StrictJsonMapper.NotOneValue notOne = notOneValue(cause);
        if (notOne != null) {
            return Problem.of(ErrorCode.MALFORMED_JSON, notOne.field(), notOne.detailZh(), notOne.detailEn());
        }
        if (cause != null && isJsonSyntax(cause)) {
            return Problem.of(ErrorCode.MALFORMED_JSON, null, "请求体不是有效的 JSON", "the body is not valid JSON");
        }
        String named = field != null ? field : JsonFieldNames.fromMessage(text);
        if (named != null) {
            return Problem.of(ErrorCode.INVALID_FIELD, named, "字段“" + named + "”的类型或取值无效",
                    "'" + named + "' has a value of the wrong type or outside the allowed set");
        }
        if (text.contains("Required") || text.contains("missing")) {
            return Problem.of(ErrorCode.MISSING_FIELD, null, "缺少必填的值", "a required value is missing");
        }
        return Problem.of(ErrorCode.MALFORMED_REQUEST, null, "无法读取该请求", "the request could not be read");
    }

    private static StrictJsonMapper.NotOneValue notOneValue(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof StrictJsonMapper.NotOneValue notOne) {
                return notOne;
            }
            if (t instanceof ConversionErrorException c && c.getConversionError().getCause() != null
                    && c.getConversionError().getCause() != t) {
                StrictJsonMapper.NotOneValue inner = notOneValue(c.getConversionError().getCause());
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static boolean isJsonSyntax(Throwable cause) {
        String name = cause.getClass().getName();
        String message = String.valueOf(cause.getMessage());
        return name.contains("JsonParseException") || name.contains("JsonEOFException")
                || message.contains("Unexpected character") || message.contains("Unexpected end-of-input")
                || message.contains("Unrecognized token") || message.contains("Unexpected close marker")
                || message.contains("No content to map") || message.contains("Invalid UTF-8")
                || message.contains("Illegal unquoted character") || message.contains("Unexpected end of");
    }

    private static Problem fromConversionError(ConversionErrorException e) {
        String argument = e.getArgument().getName();
        String field = null;
        StrictJsonMapper.NotOneValue notOne = notOneValue(e);
        if (notOne != null) {
            return Problem.of(ErrorCode.MALFORMED_JSON, notOne.field(), notOne.detailZh(), notOne.detailEn());
        }
        for (Throwable t = e.getConversionError().getCause(); t != null && field == null; t = t.getCause()) {
            if (isJsonSyntax(t)) {
                return Problem.of(ErrorCode.MALFORMED_JSON, null, "请求体不是有效的 JSON", "the body is not valid JSON");
            }
            field = JsonFieldNames.fromSerdeException(t);
            if (field == null && t.getMessage() != null) {
                field = JsonFieldNames.fromMessage(t.getMessage());
            }
            LOG.debug("conversion error {} -> field {}: {}", t.getClass().getName(), field, t.getMessage());
        }
        if (field == null && !"body".equals(argument)) {
            field = argument;
        }
        if (field == null) {
            return Problem.of(ErrorCode.INVALID_FIELD, null, "请求中有字段的类型或取值无效",
                    "a value in the body has the wrong type or is outside the allowed set");
        }
        return Problem.of(ErrorCode.INVALID_FIELD, field, "字段“" + field + "”的类型或取值无效",
                "'" + field + "' has a value of the wrong type or outside the allowed set");
    }

    private static Problem fromViolations(ConstraintViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().stream()
                .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .orElse(null);
        if (first == null) {
            return Problem.of(ErrorCode.VALIDATION_FAILED, null);
        }
        String field = JsonFieldNames.fromPropertyPath(first.getPropertyPath().toString());
        boolean missing = first.getConstraintDescriptor().getAnnotation() instanceof NotNull
                || first.getInvalidValue() == null;
        return Problem.of(missing ? ErrorCode.MISSING_FIELD : ErrorCode.VALIDATION_FAILED, field,
                "字段“" + field + "”" + chinese(first, missing), "'" + field + "' " + first.getMessage());
    }

    /** What the constraint asks, in Chinese (the English is the validator's own message). */
    private static String chinese(ConstraintViolation<?> v, boolean missing) {
        if (missing) {
            return "不能为空";
        }
        java.lang.annotation.Annotation a = v.getConstraintDescriptor().getAnnotation();
        java.util.Map<String, Object> at = v.getConstraintDescriptor().getAttributes();
        return switch (a.annotationType().getSimpleName()) {
            case "NotBlank", "NotEmpty" -> "不能为空";
            case "Size" -> Integer.valueOf(0).equals(at.get("min")) ? "的长度不能超过 " + at.get("max")
                    : "的长度须在 " + at.get("min") + " 到 " + at.get("max") + " 之间";
            case "Min", "DecimalMin" -> "不能小于 " + at.get("value");
            case "Max", "DecimalMax" -> "不能大于 " + at.get("value");
            case "Positive" -> "须为正数";
            case "PositiveOrZero" -> "不能为负数";
            case "Pattern" -> "的格式不正确";
            case "Digits" -> "的位数不符合要求";
            case "Past", "PastOrPresent" -> "不能是将来的日期";
            case "Future", "FutureOrPresent" -> "不能是过去的日期";
            default -> "的取值无效";
        };
    }
}
