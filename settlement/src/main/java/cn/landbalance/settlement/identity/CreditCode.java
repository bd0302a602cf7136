package cn.landbalance.settlement.identity;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

/**
 * 统一社会信用代码 (GB 32100-2015): eighteen characters of digits and capitals without I, O, Z, S and V; the last is a
 * check character computed from the first seventeen (weights 3^i mod 31).
 */
public final class CreditCode {
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** The code as stored (spaces removed, capitals), refused naming {@code field} when it is not a valid code. */
    public static String require(String typed, String field) {
        String code = typed == null ? "" : typed.replace(" ", "").replace("\u3000", "").toUpperCase(java.util.Locale.ROOT);
        if (code.length() != 18 || code.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, field,
                    "统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）",
                    "a unified social credit code is 18 digits or capitals (no I, O, Z, S, V)");
        }
        if (ALPHABET.charAt(check(code)) != code.charAt(17)) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, field,
                    "统一社会信用代码校验位不符，请核对", "the code's check character does not match: check it");
        }
        return code;
    }

    static int check(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        int r = 31 - sum % 31;
        return r == 31 ? 0 : r;
    }
}
