package cn.landbalance.ledger.common;

/**
 * An area in whole square metres, never negative. 0.0001 公顷 = 1 m², the precision of every table in
 * the policy documents. Arithmetic refuses overflow and negative results.
 */
public record AreaM2(long value) implements Comparable<AreaM2> {
    public static final AreaM2 ZERO = new AreaM2(0);

    public AreaM2 {
        if (value < 0) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "areaM2",
                    "面积不能为负数：" + Units.areaZh(value), "area must not be negative: " + value);
        }
    }

    public static AreaM2 of(long m2) {
        return new AreaM2(m2);
    }

    /** Parses 公顷 with at most 4 decimals exactly ("1.8755" → 18 755 m²); see {@link Units#hectaresToM2}. */
    public static AreaM2 ofHectares(String hectares) {
        return new AreaM2(Units.hectaresToM2(hectares));
    }

    public AreaM2 plus(AreaM2 other) {
        return new AreaM2(Math.addExact(value, other.value));
    }

    public AreaM2 minus(AreaM2 other) {
        return new AreaM2(Math.subtractExact(value, other.value));
    }

    public boolean isZero() {
        return value == 0;
    }

    public String hectares() {
        return Units.m2ToHectares(value);
    }

    public String mu() {
        return Units.m2ToMu(value);
    }

    @Override
    public int compareTo(AreaM2 other) {
        return Long.compare(value, other.value);
    }
}
