package cn.landbalance.api.error;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem document ({@code application/problem+json}) with the stable {@code code}, the field
 * it is about (if any) and the message in Chinese. Never carries a stack trace or SQL.
 *
 * <p>{@code detail} says what exactly was wrong. Every detail is given in both languages, apart as {@code detailZh} and
 * {@code detailEn} (so that a screen shows the user's language) and together in {@code detail} as "中文 / English".
 * Without a detail of its own a problem's detail is its code's message.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, String field,
                      String messageZh, String detailZh, String detailEn) {
    public static final String MEDIA_TYPE = "application/problem+json";

    /** The problem of a code with its detail in both languages; a null part is the code's own message. */
    public static Problem of(ErrorCode code, String field, String detailZh, String detailEn) {
        String zh = detailZh == null ? code.messageZh() : detailZh;
        String en = detailEn == null ? code.messageEn() : detailEn;
        return new Problem("urn:landbalance:error:" + code.name(), code.messageEn(), ProblemStatus.of(code).getCode(),
                zh + " / " + en, code.name(), field, code.messageZh(), zh, en);
    }

    /** The problem of a code whose detail is the code's own message. */
    public static Problem of(ErrorCode code, String field) {
        return of(code, field, null, null);
    }

    /** The problem of a refusal, its detail as the refusal gives it in both languages. */
    public static Problem of(DomainException e) {
        return of(e.code(), e.field(), e.detailZh(), e.detailEn());
    }
}
