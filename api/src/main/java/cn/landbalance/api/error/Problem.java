package cn.landbalance.api.error;

import cn.landbalance.ledger.common.ErrorCode;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem document ({@code application/problem+json}) with the stable {@code code}, the field
 * it is about (if any) and the message in Chinese. Never carries a stack trace or SQL.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, String field,
                      String messageZh) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ErrorCode code, String field, String detail) {
        return new Problem("urn:landbalance:error:" + code.name(), code.messageEn(), ProblemStatus.of(code).getCode(),
                detail == null ? code.messageEn() : detail, code.name(), field, code.messageZh());
    }
}
