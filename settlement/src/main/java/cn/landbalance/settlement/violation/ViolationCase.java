package cn.landbalance.settlement.violation;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

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
        RESOLVE("violation.resolved");

        private final String event;

        Action(String event) {
            this.event = event;
        }

        public String event() {
            return event;
        }
    }

    /** The case after {@code action}; an open case only (a resolved one is CASE_CLOSED). */
    public ViolationCase after(Action action) {
        if (status != Status.OPEN) {
            throw new DomainException(ErrorCode.CASE_CLOSED, "case " + caseNo + " is " + status);
        }
        return new ViolationCase(id, countyId, townshipId, caseNo, description, areaM2, unsecuredM2, Status.RESOLVED,
                outflowApplicationId, freezes, repaidM2);
    }

    /** Part of a case frozen on one lot; {@code borrowed} when the lot is a reserve's, not the township's. */
    public record Freeze(long id, long holdId, long lotId, long regionId, long areaM2, boolean borrowed, long unfrozenM2,
                         long deductedM2) {
        public long stillFrozenM2() {
            return areaM2 - unfrozenM2 - deductedM2;
        }

        /** What the township owes the lender: borrowed area not given back by unfreezing. */
        public long owedM2() {
            return borrowed ? areaM2 - unfrozenM2 : 0;
        }
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
