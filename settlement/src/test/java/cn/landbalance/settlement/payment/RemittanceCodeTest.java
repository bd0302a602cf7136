package cn.landbalance.settlement.payment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RemittanceCodeTest {
    @Test
    void aCodeIsTheYearTheNumberAndTwoCheckDigits() {
        String code = RemittanceCode.of(2026, 123);
        assertEquals(14, code.length());
        assertTrue(code.startsWith("202600000123"), code);
        assertTrue(RemittanceCode.valid(code));
    }

    @Test
    void anyOneWrongDigitOrTwoSwappedDigitsAreNoCode() {
        String code = RemittanceCode.of(2026, 4_567_891);
        for (int i = 0; i < code.length(); i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != code.charAt(i)) {
                    String typo = code.substring(0, i) + d + code.substring(i + 1);
                    assertFalse(RemittanceCode.valid(typo), typo);
                }
            }
            if (i + 1 < code.length() && code.charAt(i) != code.charAt(i + 1)) {
                String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
                assertFalse(RemittanceCode.valid(swapped), swapped);
            }
        }
    }

    @Test
    void findsCodesInBankMemosAsPayersTypeThem() {
        String code = RemittanceCode.of(2026, 42);
        String spaced = code.substring(0, 4) + " " + code.substring(4, 8) + " " + code.substring(8, 12) + " " + code.substring(12);
        String fullWidth = code.chars().mapToObj(c -> String.valueOf((char) ('０' + (c - '0')))).reduce("", String::concat);
        for (String memo : List.of("缴款识别码" + code, "货款 " + spaced + " 巩昌镇", "识别码：" + fullWidth, code + "/指标款",
                "码" + code.substring(0, 4) + "-" + code.substring(4))) {
            assertEquals(Set.of(code), RemittanceCode.findIn(memo), memo);
        }
    }

    @Test
    void otherNumbersInTheMemoAreNotCodes() {
        String code = RemittanceCode.of(2026, 42);
        assertEquals(Set.of(), RemittanceCode.findIn("账号 6222" + code + "1 电话 13800000000"), "a longer run is no code");
        assertEquals(Set.of(), RemittanceCode.findIn("合同号 20260000004299"), "a 14-digit number with wrong check digits");
        assertEquals(Set.of(), RemittanceCode.findIn(null));
    }
}
