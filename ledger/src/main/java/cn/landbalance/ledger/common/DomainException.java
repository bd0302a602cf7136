package cn.landbalance.ledger.common;

import java.util.Objects;

/**
 * A named refusal: a code from {@link ErrorCode}, optionally the field it is about, and its detail in Chinese and in
 * English. Thrown by domain code and use cases; the api module turns it into problem+json.
 *
 * <p>The detail is always given in both languages, or not at all (then the code's own {@link ErrorCode#messageZh()} and
 * {@link ErrorCode#messageEn()} are the detail). There is deliberately no constructor taking a single detail string, so
 * a refusal worded in one language only does not compile. {@link #getMessage()} is the English detail, for logs.
 */
public class DomainException extends RuntimeException {
    private final ErrorCode code;
    private final String field;
    private final String detailZh;
    private final String detailEn;

    private DomainException(ErrorCode code, String field, String detailZh, String detailEn) {
        super(detailEn != null ? detailEn : Objects.requireNonNull(code).messageEn());
        this.code = Objects.requireNonNull(code);
        this.field = field;
        this.detailZh = detailZh != null ? detailZh : code.messageZh();
        this.detailEn = detailEn != null ? detailEn : code.messageEn();
    }

    /** A refusal whose detail is the code's own message. */
    public DomainException(ErrorCode code) {
        this(code, null, null, null);
    }

    /** A refusal with its detail in Chinese and in English. */
    public DomainException(ErrorCode code, String detailZh, String detailEn) {
        this(code, null, detailZh, detailEn);
    }

    /** A refusal about one request field (a JSON path such as "areaM2"), with its detail in Chinese and in English. */
    public static DomainException field(ErrorCode code, String field, String detailZh, String detailEn) {
        return new DomainException(code, field, detailZh, detailEn);
    }

    /** A refusal about one request field whose detail is the code's own message. */
    public static DomainException field(ErrorCode code, String field) {
        return new DomainException(code, field, null, null);
    }

    /**
     * The first of several refusals of one request (a rule table's answer, in its order of precedence), naming the
     * others in its detail; null when there is none.
     */
    public static DomainException firstOf(java.util.List<ErrorCode> refusals) {
        if (refusals.isEmpty()) {
            return null;
        }
        ErrorCode first = refusals.get(0);
        if (refusals.size() == 1) {
            return new DomainException(first);
        }
        java.util.List<ErrorCode> others = refusals.subList(1, refusals.size());
        return new DomainException(first, first.messageZh() + "另外："
                + others.stream().map(ErrorCode::messageZh).collect(java.util.stream.Collectors.joining()),
                first.messageEn() + " (also: " + others + ")");
    }

    public ErrorCode code() {
        return code;
    }

    /** The request field the refusal is about, as a JSON path ("areaM2", "declarationWindows[0].from"), or null. */
    public String field() {
        return field;
    }

    /** What exactly was wrong, in Chinese (the code's own Chinese message when no detail was given). */
    public String detailZh() {
        return detailZh;
    }

    /** What exactly was wrong, in English (the code's own English message when no detail was given). */
    public String detailEn() {
        return detailEn;
    }
}
