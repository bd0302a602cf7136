package cn.landbalance.ledger.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The one place where units are converted. Areas are whole m², money whole fen; 1 公顷 = 10 000 m² =
 * 15 亩, so 亩 = m² × 15 / 10 000. A line amount is computed once as
 * {@code round_half_up(areaM2 × pricePerMuFen × 15 / 10 000)}; everything after that is integer fen.
 */
public final class Units {
    public static final long M2_PER_HECTARE = 10_000;
    public static final long MU_PER_HECTARE = 15;
    /**
     * The largest area any one request may name: 10¹¹ m² = 1 000 万公顷, more than the largest county of China. A
     * bigger figure (10⁹ 公顷, say) is a typing or unit error and is refused at the door.
     */
    public static final long MAX_AREA_M2 = 100_000_000_000L;

    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(M2_PER_HECTARE);
    private static final BigInteger FIFTEEN = BigInteger.valueOf(MU_PER_HECTARE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Units() {
    }

    /**
     * Parses a 公顷 figure exactly: "1.8755" → 18 755. More than 4 decimals, a negative value, or a value
     * beyond 64-bit m² is refused, never rounded.
     */
    public static long hectaresToM2(String hectares) {
        BigDecimal value;
        try {
            value = new BigDecimal(hectares.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new DomainException(ErrorCode.INVALID_FIELD,
                    "“" + hectares + "”不是以公顷计的数字", "not a number of hectares: " + hectares);
        }
        if (value.signum() < 0) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "公顷数不能为负数：" + hectares, "hectares must not be negative: " + hectares);
        }
        BigDecimal m2 = value.movePointRight(4).stripTrailingZeros();
        if (m2.scale() > 0) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "公顷数最多 4 位小数（精确到 1 平方米）：" + hectares,
                    "hectares have more than 4 decimals (finer than 1 m²): " + hectares);
        }
        try {
            return m2.longValueExact();
        } catch (ArithmeticException e) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "面积过大：" + hectares + " 公顷", "area too large: " + hectares);
        }
    }

    /** 18 755 → "1.8755" (公顷, 4 decimals, exact). */
    public static String m2ToHectares(long m2) {
        return BigDecimal.valueOf(m2).movePointLeft(4).setScale(4, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** 5 000 m² → "0.5000 公顷（7.5000 亩）": an area as a Chinese reader reads it, in messages. */
    public static String areaZh(long m2) {
        return m2ToHectares(m2) + " 公顷（" + m2ToMu(m2) + " 亩）";
    }

    /** 5 000 m² → "0.5000 ha (7.5000 mu)": the same in English. */
    public static String areaEn(long m2) {
        return m2ToHectares(m2) + " ha (" + m2ToMu(m2) + " mu)";
    }

    /** m² shown as 亩 with 4 decimals, rounded half up (display only). */
    public static String m2ToMu(long m2) {
        return new BigDecimal(BigInteger.valueOf(m2).multiply(FIFTEEN))
                .divide(BigDecimal.valueOf(M2_PER_HECTARE), 4, RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** 123 456 fen → "1234.56" (元, 2 decimals, exact). */
    public static String fenToYuan(long fen) {
        return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /**
     * The amount for an area at a price per 亩, rounded half up once:
     * {@code round_half_up(areaM2 × pricePerMuFen × 15 / 10 000)}. Computed in arbitrary precision; a
     * result beyond 64-bit fen is refused.
     */
    public static long amountFen(long areaM2, long pricePerMuFen) {
        if (areaM2 < 0 || pricePerMuFen < 0) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "面积和单价不能为负数", "area and price must not be negative");
        }
        BigInteger numerator = BigInteger.valueOf(areaM2).multiply(BigInteger.valueOf(pricePerMuFen)).multiply(FIFTEEN);
        BigInteger[] qr = numerator.divideAndRemainder(TEN_THOUSAND);
        BigInteger rounded = qr[1].shiftLeft(1).compareTo(TEN_THOUSAND) >= 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        if (rounded.compareTo(LONG_MAX) > 0) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "金额超出可表示的范围", "amount beyond the representable range");
        }
        return rounded.longValueExact();
    }

    /** area × factor‰, rounded up to whole m² (the obligation of an outflow). */
    public static long applyPermilleRoundingUp(long areaM2, int permille) {
        BigInteger product = BigInteger.valueOf(areaM2).multiply(BigInteger.valueOf(permille));
        BigInteger[] qr = product.divideAndRemainder(BigInteger.valueOf(1000));
        BigInteger result = qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        if (result.compareTo(LONG_MAX) > 0) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "面积超出可表示的范围", "area beyond the representable range");
        }
        return result.longValueExact();
    }

    /** 93 000 000 fen → "¥930,000.00": money as people read it, in messages. */
    public static String yuanText(long fen) {
        return "¥" + String.format(java.util.Locale.ROOT, "%,.2f", new java.math.BigDecimal(fenToYuan(fen)));
    }
}
