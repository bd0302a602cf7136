package cn.landbalance.ledger.common;

import java.util.Objects;

/**
 * A named refusal: a code from {@link ErrorCode}, optionally the field it is about and a detail for
 * the client. Thrown by domain code and use cases; the api module turns it into problem+json.
 */
public class DomainException extends RuntimeException {
    private final ErrorCode code;
    private final String field;

    public DomainException(ErrorCode code, String field, String detail) {
        super(detail == null ? code.messageEn() : detail);
        this.code = Objects.requireNonNull(code);
        this.field = field;
    }

    public DomainException(ErrorCode code, String detail) {
        this(code, null, detail);
    }

    public DomainException(ErrorCode code) {
        this(code, null, null);
    }

    public static DomainException field(ErrorCode code, String field, String detail) {
        return new DomainException(code, field, detail);
    }

    /** A refusal about one request field, with its detail in Chinese and in English. */
    public static DomainException field(ErrorCode code, String field, String detailZh, String detailEn) {
        return new DomainException(code, field, detailZh + " / " + detailEn);
    }

    public ErrorCode code() {
        return code;
    }

    /** The request field the refusal is about, as a JSON path ("areaM2", "declarationWindows[0].from"), or null. */
    public String field() {
        return field;
    }
}
