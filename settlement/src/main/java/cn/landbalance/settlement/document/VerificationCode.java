package cn.landbalance.settlement.document;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The short code printed on a document (核验码) with which anyone checks it at {@code /verify/{code}}: twelve
 * characters of Crockford's base-32 alphabet (no I, L, O, U, so nothing reads as another letter), eleven random (55
 * bits: not guessable) and a check character that catches a mistyped character or two neighbours swapped (all but a 0
 * taken for a Z or the reverse, whose values differ by the modulus 31).
 * Printed in groups of four: {@code 7KQM-4TZP-9C2X}.
 */
public final class VerificationCode {
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int RANDOM_CHARS = 11;
    private static final int MODULUS = 31;
    private static final RandomGenerator SECURE = new SecureRandom();

    private VerificationCode() {
    }

    /** A new code, random from a cryptographic source. */
    public static String next() {
        return next(SECURE);
    }

    static String next(RandomGenerator random) {
        StringBuilder code = new StringBuilder(RANDOM_CHARS + 1);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.append(ALPHABET.charAt(check(code))).toString();
    }

    /**
     * The code as typed or scanned, in its stored form: case, spaces and hyphens ignored, O read as 0 and I or L as 1.
     * Empty when it is not twelve characters of the alphabet or its check character is wrong.
     */
    public static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(12);
        for (char c : typed.toCharArray()) {
            char u = Character.toUpperCase(c);
            if (u == ' ' || u == '-' || u == '\u3000') {
                continue;
            }
            u = switch (u) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> u;
            };
            if (ALPHABET.indexOf(u) < 0) {
                return Optional.empty();
            }
            code.append(u);
        }
        if (code.length() != RANDOM_CHARS + 1) {
            return Optional.empty();
        }
        int expected = check(code.subSequence(0, RANDOM_CHARS));
        return ALPHABET.indexOf(code.charAt(RANDOM_CHARS)) == expected ? Optional.of(code.toString()) : Optional.empty();
    }

    /** The code in groups of four, as printed. */
    public static String grouped(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    /** Σ (position + 1) × value mod 31: the weights 1..11 are prime to 31, so a changed or swapped character shows. */
    private static int check(CharSequence chars) {
        int sum = 0;
        for (int i = 0; i < chars.length(); i++) {
            sum += (i + 1) * ALPHABET.indexOf(chars.charAt(i));
        }
        return sum % MODULUS;
    }
}
