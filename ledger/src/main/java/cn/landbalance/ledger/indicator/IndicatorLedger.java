package cn.landbalance.ledger.indicator;

import cn.landbalance.ledger.common.AreaM2;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;

import java.util.List;

/**
 * The indicator ledger: every change is an immutable movement between buckets of one lot, and the lot's
 * balances change with it under the lot's row lock. Callers run each operation in one transaction.
 */
public class IndicatorLedger {
    private final IndicatorStore store;

    public IndicatorLedger(IndicatorStore store) {
        this.store = store;
    }

    /** Issues a new lot into a township's (or reserve's) inventory. */
    public IndicatorLot issue(long ownerRegionId, long countyId, int qualityGrade, boolean paddy, int vintageYear,
                              Long sourceProjectId, AreaM2 area, String reference) {
        long areaM2 = area.value();
        requireIssuable(areaM2, qualityGrade);
        IndicatorLot lot = store.insertLot(ownerRegionId, countyId, qualityGrade, paddy, vintageYear, sourceProjectId, area);
        store.append(Movement.of(lot, MovementKind.ISSUE, areaM2, null, reference));
        return lot;
    }

    /** A lot to issue in bulk: one per accepted project of an imported plan. */
    public record NewLot(long ownerRegionId, long countyId, int qualityGrade, boolean paddy, int vintageYear,
                         long sourceProjectId, AreaM2 area, String reference) {
    }

    /** Issues many lots at once (a plan import): the same checks and movements as {@link #issue}, in batches. */
    public List<IndicatorLot> issueAll(List<NewLot> lots) {
        lots.forEach(lot -> requireIssuable(lot.area().value(), lot.qualityGrade()));
        List<IndicatorLot> issued = store.insertLots(lots);
        List<Movement> movements = new java.util.ArrayList<>(issued.size());
        for (int i = 0; i < issued.size(); i++) {
            movements.add(Movement.of(issued.get(i), MovementKind.ISSUE, lots.get(i).area().value(), null, lots.get(i).reference()));
        }
        store.appendAll(movements);
        return issued;
    }

    /**
     * Withdraws the issue of a lot nothing has used yet (no reservation, freeze, sale or deduction, ever): all its
     * area moves from AVAILABLE to REVOKED. Anything else is refused with LOT_IN_USE.
     */
    public IndicatorLot revoke(long lotId, String reference) {
        IndicatorLot lot = store.lockLot(lotId)
                .orElseThrow(() -> new DomainException(ErrorCode.LOT_NOT_FOUND, "指标批次 " + lotId, "lot " + lotId));
        LotBalances b = lot.balances();
        if (b.availableM2() != b.issuedM2() || store.hasHolds(lotId)) {
            throw new DomainException(ErrorCode.LOT_IN_USE,
                    "指标批次 " + lotId + " 共 " + Units.areaZh(b.issuedM2()) + "，其中 "
                            + Units.areaZh(b.issuedM2() - b.availableM2()) + " 已预留、冻结、售出、扣减或撤销，或曾有预留、冻结记录",
                    "lot " + lotId + " has " + (b.issuedM2() - b.availableM2()) + " m² of " + b.issuedM2()
                            + " m² reserved, frozen, sold, deducted or revoked, or had holds");
        }
        LotBalances revoked = b.apply(MovementKind.REVOKE, b.availableM2());
        store.write(lot, revoked, Movement.of(lot, MovementKind.REVOKE, b.availableM2(), null, reference));
        return lot.withBalances(revoked);
    }

    /**
     * Gives {@code area} of the lot's consumed area back to its available area: the coverage that consumed it was
     * reversed. The caller knows the coverage consumed at least that much of this lot; the lot can never give back more
     * than it has consumed in all.
     */
    public IndicatorLot giveBack(long lotId, AreaM2 area, String reference) {
        long areaM2 = area.value();
        IndicatorLot lot = store.lockLot(lotId)
                .orElseThrow(() -> new DomainException(ErrorCode.LOT_NOT_FOUND, "指标批次 " + lotId, "lot " + lotId));
        LotBalances after = lot.balances().apply(MovementKind.RETURN, areaM2);
        store.write(lot, after, Movement.of(lot, MovementKind.RETURN, areaM2, null, reference));
        return lot.withBalances(after);
    }

    private static void requireIssuable(long areaM2, int qualityGrade) {
        if (areaM2 <= 0) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "areaM2",
                    "面积须为正的整数平方米", "area must be a positive whole number of m²");
        }
        QualityGrades.require(qualityGrade);
    }

    /** Moves available area into a reservation (for an order); returns the hold. */
    public Hold reserve(long lotId, AreaM2 area, String reference) {
        return open(lotId, HoldKind.RESERVATION, area, reference);
    }

    /** Moves available area into a freeze (for a violation case); returns the hold. */
    public Hold freeze(long lotId, AreaM2 area, String reference) {
        return open(lotId, HoldKind.FREEZE, area, reference);
    }

    /**
     * Moves {@code area} of a lot to another region: reserved and consumed from the lot, and issued there as a new lot
     * of the same grade and paddy with {@code vintageYear}, all under {@code reference}. Returns the new lot.
     */
    public IndicatorLot moveArea(IndicatorLot from, long toRegionId, int vintageYear, AreaM2 area, String reference) {
        Hold hold = reserve(from.id(), area, reference);
        consume(hold.id(), area);
        return issue(toRegionId, from.countyId(), from.qualityGrade(), from.paddy(), vintageYear, null, area, reference);
    }

    public Hold consume(long holdId, AreaM2 area) {
        return settle(holdId, MovementKind.CONSUME, area.value());
    }

    /** Part of a hold to consume: {@code area} of hold {@code holdId}. */
    public record Consumption(long holdId, AreaM2 area) {
    }

    /**
     * Consumes many holds at once (a bank statement settling many orders): the same rules and movements as
     * {@link #consume}, each step applied in the given order to the hold and lot as the one before left them; the holds
     * and their lots are locked together, lots in ascending id, and written in a few statements. Returns the holds as
     * settled, in the given order.
     */
    public List<Hold> consumeAll(List<Consumption> consumptions) {
        java.util.Map<Long, IndicatorStore.LockedHold> locked = new java.util.HashMap<>();
        store.lockHolds(consumptions.stream().map(Consumption::holdId).distinct().toList())
                .forEach(h -> locked.put(h.hold().id(), h));
        java.util.Map<Long, Hold> holds = new java.util.LinkedHashMap<>();
        java.util.Map<Long, LotBalances> balances = new java.util.LinkedHashMap<>();
        List<Hold> settled = new java.util.ArrayList<>(consumptions.size());
        List<Movement> movements = new java.util.ArrayList<>(consumptions.size());
        for (Consumption c : consumptions) {
            IndicatorStore.LockedHold hold = locked.get(c.holdId());
            if (hold == null) {
                throw new DomainException(ErrorCode.HOLD_NOT_FOUND, "预留或冻结记录 " + c.holdId(), "hold " + c.holdId());
            }
            IndicatorLot lot = hold.lot();
            Hold after = holds.getOrDefault(c.holdId(), hold.hold()).settle(MovementKind.CONSUME, c.area().value());
            holds.put(c.holdId(), after);
            balances.put(lot.id(), balances.getOrDefault(lot.id(), lot.balances()).apply(MovementKind.CONSUME, c.area().value()));
            settled.add(after);
            movements.add(Movement.of(lot, MovementKind.CONSUME, c.area().value(), c.holdId(), after.reference()));
        }
        store.settleHolds(balances, List.copyOf(holds.values()), movements);
        return settled;
    }

    public Hold release(long holdId, AreaM2 area) {
        return settle(holdId, MovementKind.RELEASE, area.value());
    }

    public Hold deduct(long holdId, AreaM2 area) {
        return settle(holdId, MovementKind.DEDUCT, area.value());
    }

    public Hold unfreeze(long holdId, AreaM2 area) {
        return settle(holdId, MovementKind.UNFREEZE, area.value());
    }

    private Hold open(long lotId, HoldKind kind, AreaM2 area, String reference) {
        IndicatorLot lot = store.lockLot(lotId)
                .orElseThrow(() -> new DomainException(ErrorCode.LOT_NOT_FOUND, "指标批次 " + lotId, "lot " + lotId));
        return store.openHold(lot, lot.balances().apply(kind.open(), area.value()), kind, area, reference);
    }

    private Hold settle(long holdId, MovementKind movement, long areaM2) {
        IndicatorStore.LockedHold locked = store.lockHold(holdId)
                .orElseThrow(() -> new DomainException(ErrorCode.HOLD_NOT_FOUND,
                        "预留或冻结记录 " + holdId, "hold " + holdId));
        IndicatorLot lot = locked.lot();
        Hold settled = locked.hold().settle(movement, areaM2);
        store.settleHold(lot, lot.balances().apply(movement, areaM2), settled,
                Movement.of(lot, movement, areaM2, holdId, settled.reference()));
        return settled;
    }
}
