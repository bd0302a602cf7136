package cn.landbalance.ledger.indicator;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;

/** The six sub-balances of a lot in m²; never negative (the constructor refuses it). */
public record LotBalances(long availableM2, long reservedM2, long frozenM2, long consumedM2, long deductedM2,
                          long revokedM2) {
    public static final LotBalances EMPTY = new LotBalances(0, 0, 0, 0, 0, 0);

    /** A lot as issued: all of {@code issuedM2} available. */
    public static LotBalances issued(long issuedM2) {
        return new LotBalances(issuedM2, 0, 0, 0, 0, 0);
    }

    public LotBalances {
        if (availableM2 < 0 || reservedM2 < 0 || frozenM2 < 0 || consumedM2 < 0 || deductedM2 < 0 || revokedM2 < 0) {
            throw new IllegalStateException("negative lot balance");
        }
    }

    public long issuedM2() {
        return Math.addExact(Math.addExact(Math.addExact(availableM2, reservedM2), Math.addExact(frozenM2, consumedM2)),
                Math.addExact(deductedM2, revokedM2));
    }

    public long get(Bucket bucket) {
        return switch (bucket) {
            case AVAILABLE -> availableM2;
            case RESERVED -> reservedM2;
            case FROZEN -> frozenM2;
            case CONSUMED -> consumedM2;
            case DEDUCTED -> deductedM2;
            case REVOKED -> revokedM2;
        };
    }

    /** The balances after moving {@code areaM2} as {@code kind}; refuses when the source bucket is short. */
    public LotBalances apply(MovementKind kind, long areaM2) {
        if (areaM2 <= 0) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "areaM2",
                    "面积须为正的整数平方米", "area must be a positive whole number of m²");
        }
        if (kind.from() != null && get(kind.from()) < areaM2) {
            throw new DomainException(kind.from() == Bucket.AVAILABLE
                    ? ErrorCode.INSUFFICIENT_AVAILABLE_INDICATORS : ErrorCode.HOLD_EXCEEDED,
                    kind.label() + " " + Units.areaZh(areaM2) + "，但" + kind.from().label() + "面积仅 "
                            + Units.areaZh(get(kind.from())),
                    kind + " of " + areaM2 + " m² but only " + get(kind.from()) + " m² " + kind.from());
        }
        long[] v = {availableM2, reservedM2, frozenM2, consumedM2, deductedM2, revokedM2};
        if (kind.from() != null) {
            v[kind.from().ordinal()] -= areaM2;
        }
        v[kind.to().ordinal()] = Math.addExact(v[kind.to().ordinal()], areaM2);
        return new LotBalances(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    public LotBalances plus(LotBalances o) {
        return new LotBalances(availableM2 + o.availableM2, reservedM2 + o.reservedM2, frozenM2 + o.frozenM2,
                consumedM2 + o.consumedM2, deductedM2 + o.deductedM2, revokedM2 + o.revokedM2);
    }
}
