package cn.landbalance.api.error;

import cn.landbalance.ledger.common.ErrorCode;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem document ({@code application/problem+json}) with the stable {@code code}, the field
 * it is about (if any) and the message in Chinese. Never carries a stack trace or SQL.
 *
 * <p>{@code detail} says what exactly was wrong; details are written "中文 / English" and given apart as
 * {@code detailZh} and {@code detailEn} so that a screen shows the user's language (a detail written in English only has
 * no {@code detailZh}).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, String field,
                      String messageZh, String detailZh, String detailEn) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ErrorCode code, String field, String detail) {
        String text = detail == null ? code.messageEn() : detail;
        String[] parts = split(text);
        return new Problem("urn:landbalance:error:" + code.name(), code.messageEn(), ProblemStatus.of(code).getCode(),
                text, code.name(), field, code.messageZh(), detail == null ? code.messageZh() : parts[0], parts[1]);
    }

    /**
     * "中文 / English" → both, split at the first separator with no Chinese after it (so a name holding " / " stays
     * whole on either side); a detail without Chinese before that separator is English only.
     */
    static String[] split(String detail) {
        for (int at = detail.indexOf(" / "); at > 0; at = detail.indexOf(" / ", at + 3)) {
            String en = detail.substring(at + 3);
            if (!hasChinese(en)) {
                String zh = detail.substring(0, at);
                return hasChinese(zh) ? new String[]{zh.strip(), en.strip()} : new String[]{null, detail};
            }
        }
        return hasChinese(detail) && !detail.matches(".*[A-Za-z]{4,}.*") ? new String[]{detail, null} : new String[]{null, detail};
    }

    private static boolean hasChinese(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
