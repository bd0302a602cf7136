package cn.landbalance.ledger.common;

/** An amount of money in whole fen (分), never negative. Shown as 元 with 2 decimals. */
public record MoneyFen(long value) implements Comparable<MoneyFen> {
    public static final MoneyFen ZERO = new MoneyFen(0);

    public MoneyFen {
        if (value < 0) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "amountFen",
                    "金额不能为负数：" + Units.yuanText(value), "money must not be negative: " + value);
        }
    }

    public static MoneyFen of(long fen) {
        return new MoneyFen(fen);
    }

    public MoneyFen plus(MoneyFen other) {
        return new MoneyFen(Math.addExact(value, other.value));
    }

    public MoneyFen minus(MoneyFen other) {
        return new MoneyFen(Math.subtractExact(value, other.value));
    }

    public String yuan() {
        return Units.fenToYuan(value);
    }

    @Override
    public int compareTo(MoneyFen other) {
        return Long.compare(value, other.value);
    }
}
