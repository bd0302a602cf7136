package cn.landbalance.settlement.violation;

import cn.landbalance.ledger.indicator.Hold;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A case against a township for illegally occupied land: the area, where it was frozen (the township's own
 * lots, or borrowed from the county's and then the city's reserve), and what could not be frozen anywhere.
 */
public record ViolationCase(long id, long countyId, long townshipId, String caseNo, String description, long areaM2,
                            long unsecuredM2, Status status, Long outflowApplicationId, List<Freeze> freezes,
                            long repaidM2) {
    public enum Status { OPEN, RESOLVED }

    /** What ends a case: everything frozen given back by restoration, or what is left deducted by legalisation. */
    public enum Action {
        RESOLVE
    }

    /** The case after {@code action}; an open case only (a resolved one is CASE_CLOSED). */
    public ViolationCase after(Action action) {
        if (status != Status.OPEN) {
            throw new DomainException(ErrorCode.CASE_CLOSED,
                    "案件 " + caseNo + " 已办结", "case " + caseNo + " is " + status);
        }
        return new ViolationCase(id, countyId, townshipId, caseNo, description, areaM2, unsecuredM2, Status.RESOLVED,
                outflowApplicationId, freezes, repaidM2);
    }

    /** Part of a case frozen on one lot; {@code borrowed} when the lot is a reserve's, not the township's. */
    public record Freeze(long id, long holdId, long lotId, long regionId, long areaM2, boolean borrowed, long unfrozenM2,
                         long deductedM2) {
        /** A freeze just made: all of {@code hold} on its lot, nothing of it unfrozen or deducted yet. */
        public static Freeze of(Hold hold, long regionId, boolean borrowed) {
            return new Freeze(0, hold.id(), hold.lotId(), regionId, hold.heldM2(), borrowed, 0, 0);
        }

        public long stillFrozenM2() {
            return areaM2 - unfrozenM2 - deductedM2;
        }

        /** What the township owes the lender: borrowed area not given back by unfreezing. */
        public long owedM2() {
            return borrowed ? areaM2 - unfrozenM2 : 0;
        }
    }

    /** What one step does to one freeze: {@code areaM2} of it unfrozen (restore) or deducted (legalise). */
    public record Part(Freeze freeze, long areaM2) {
    }

    /**
     * 拆除复垦 of {@code areaM2}: borrowed area is given back to its lenders first, then the township's own, each by lot;
     * refused (RESTORE_EXCEEDS_FROZEN, naming areaM2) for nothing or more than is still frozen.
     */
    public List<Part> restorePlan(long areaM2) {
        if (status != Status.OPEN) {
            throw new DomainException(ErrorCode.CASE_CLOSED,
                    "案件 " + caseNo + " 已办结", "case " + caseNo + " is " + status);
        }
        if (areaM2 <= 0 || areaM2 > frozenM2()) {
            throw DomainException.field(ErrorCode.RESTORE_EXCEEDS_FROZEN, "areaM2",
                    "案件尚冻结 " + Units.areaZh(frozenM2()) + "，拆除复垦 " + Units.areaZh(Math.max(0, areaM2)),
                    frozenM2() + " m² of the case are frozen, " + areaM2 + " m² asked");
        }
        List<Freeze> order = new ArrayList<>(freezes);
        order.sort(Comparator.comparing((Freeze f) -> !f.borrowed()).thenComparingLong(Freeze::lotId));
        List<Part> parts = new ArrayList<>();
        long left = areaM2;
        for (Freeze f : order) {
            long part = Math.min(left, f.stillFrozenM2());
            if (part > 0) {
                parts.add(new Part(f, part));
                left -= part;
            }
        }
        return parts;
    }

    /** 补办用地手续: everything still frozen is deducted for good, by lot; borrowed area stays owed to its lender. */
    public List<Part> legalizePlan() {
        if (status != Status.OPEN) {
            throw new DomainException(ErrorCode.CASE_CLOSED,
                    "案件 " + caseNo + " 已办结", "case " + caseNo + " is " + status);
        }
        return freezes.stream().filter(f -> f.stillFrozenM2() > 0).sorted(Comparator.comparingLong(Freeze::lotId))
                .map(f -> new Part(f, f.stillFrozenM2())).toList();
    }

    /** Whether restoring {@code parts} leaves nothing frozen and nothing unsecured: the case then ends by itself. */
    public boolean resolvedBy(List<Part> restored) {
        return frozenM2() - restored.stream().mapToLong(Part::areaM2).sum() == 0 && unsecuredM2 == 0;
    }

    public long frozenM2() {
        return freezes.stream().mapToLong(Freeze::stillFrozenM2).sum();
    }

    public long unfrozenM2() {
        return freezes.stream().mapToLong(Freeze::unfrozenM2).sum();
    }

    public long deductedM2() {
        return freezes.stream().mapToLong(Freeze::deductedM2).sum();
    }

    /** Borrowed area not given back by unfreezing, less what the township has repaid. */
    public long owedM2() {
        return freezes.stream().mapToLong(Freeze::owedM2).sum() - repaidM2;
    }
}
