package cn.landbalance.settlement.payment;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The remittance code (缴款识别码) a payer quotes in the transfer's memo (附言/用途): 14 digits, the year of issue, the
 * notice's number in 8 digits, and two check digits (ISO 7064 MOD 97-10, as IBANs use), so that a mistyped digit or two
 * swapped digits are never taken for another notice. Only digits, because bank memos lose letters' case and turn
 * characters full-width.
 */
public final class RemittanceCode {
    public static final int LENGTH = 14;
    private static final long MAX_NUMBER = 99_999_999L;

    private RemittanceCode() {
    }

    /** The code of notice {@code number} issued in {@code year}. */
    public static String of(int year, long number) {
        if (year < 2000 || year > 9999 || number < 1 || number > MAX_NUMBER) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    year + " 年第 " + number + " 号缴款通知书无法生成缴款识别码",
                    "no remittance code for notice " + number + " of " + year);
        }
        String body = String.format("%04d%08d", year, number);
        return body + String.format("%02d", 98 - mod97(body + "00"));
    }

    public static boolean valid(String code) {
        return code != null && code.length() == LENGTH && code.chars().allMatch(c -> c >= '0' && c <= '9')
                && mod97(code) == 1;
    }

    /**
     * The valid codes quoted in a bank line's text, in order. Full-width digits count as digits, and spaces or hyphens
     * inside a run of digits are read through ("2026 0000 0012 34"); a run of digits longer than a code is no code.
     */
    public static Set<String> findIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text == null) {
            return found;
        }
        StringBuilder run = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? halfWidth(text.charAt(i)) : '\n';
            if (c >= '0' && c <= '9') {
                run.append(c);
            } else if ((c == ' ' || c == '-') && run.length() > 0 && i + 1 < text.length()
                    && Character.isDigit(halfWidth(text.charAt(i + 1)))) {
                continue;
            } else {
                if (run.length() == LENGTH && valid(run.toString())) {
                    found.add(run.toString());
                }
                run.setLength(0);
            }
        }
        return found;
    }

    private static char halfWidth(char c) {
        return c >= '０' && c <= '９' ? (char) ('0' + (c - '０')) : c;
    }

    private static int mod97(String digits) {
        int rest = 0;
        for (int i = 0; i < digits.length(); i++) {
            rest = (rest * 10 + (digits.charAt(i) - '0')) % 97;
        }
        return rest;
    }
}
