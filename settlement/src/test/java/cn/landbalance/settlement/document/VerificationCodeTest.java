package cn.landbalance.settlement.document;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerificationCodeTest {
    @Test
    void aNewCodeIsTwelveCharactersOfTheAlphabetAndChecksItself() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String code = VerificationCode.next();
            assertEquals(12, code.length());
            assertTrue(code.chars().allMatch(c -> VerificationCode.ALPHABET.indexOf(c) >= 0), code);
            assertEquals(Optional.of(code), VerificationCode.normalize(code));
            seen.add(code);
        }
        assertEquals(2_000, seen.size(), "55 random bits do not repeat in 2 000 codes");
    }

    @Test
    void typedAsPeopleTypeIt() {
        String code = VerificationCode.next(new Random(7));
        String grouped = VerificationCode.grouped(code);
        assertEquals(14, grouped.length());
        assertEquals(Optional.of(code), VerificationCode.normalize(grouped));
        assertEquals(Optional.of(code), VerificationCode.normalize(" " + grouped.toLowerCase() + " "));
        assertEquals(Optional.of(code), VerificationCode.normalize(code.substring(0, 6) + "\u3000" + code.substring(6)));
        String withZero = "0" + code.substring(1);
        // O for 0, I and L for 1, as Crockford's alphabet reads them
        if (VerificationCode.normalize(withZero).isPresent()) {
            assertEquals(VerificationCode.normalize(withZero), VerificationCode.normalize("o" + code.substring(1)));
        }
    }

    @Test
    void aMistypedCharacterOrTwoSwappedNeighboursAreCaught() {
        Random random = new Random(11);
        for (int n = 0; n < 300; n++) {
            String code = VerificationCode.next(random);
            for (int i = 0; i < code.length(); i++) {
                for (char c : VerificationCode.ALPHABET.toCharArray()) {
                    char was = code.charAt(i);
                    if (c == was || (was == '0' && c == 'Z') || (was == 'Z' && c == '0')) {
                        continue;
                    }
                    String typo = code.substring(0, i) + c + code.substring(i + 1);
                    assertFalse(VerificationCode.normalize(typo).isPresent(), code + " → " + typo);
                }
                if (i + 1 < code.length() && code.charAt(i) != code.charAt(i + 1)
                        && Math.abs(VerificationCode.ALPHABET.indexOf(code.charAt(i)) - VerificationCode.ALPHABET.indexOf(code.charAt(i + 1))) != 31) {
                    String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
                    assertFalse(VerificationCode.normalize(swapped).isPresent(), code + " ↔ " + swapped);
                }
            }
        }
    }

    @Test
    void notACode() {
        for (String typed : new String[]{null, "", "ABC", "7KQM-4TZP-9C2", "7KQM-4TZP-9C2XX", "7KQM-4TZP-9C2U", "<script>",
                "x".repeat(41), "７KQM-4TZP-9C2X"}) {
            assertFalse(VerificationCode.normalize(typed).isPresent(), String.valueOf(typed));
        }
    }
}
