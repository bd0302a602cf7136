package cn.landbalance.settlement.outflow;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

import java.util.Map;
import java.util.Set;

/** DRAFT → DECLARED → TOWNSHIP_REVIEWED → APPROVED → IMPLEMENTED → CLOSED, or REJECTED before implementation.
 * An APPROVED application of an imported plan is WITHDRAWN when the county replaces that import before anything
 * covered it. */
public enum OutflowStatus {
    DRAFT, DECLARED, TOWNSHIP_REVIEWED, APPROVED, IMPLEMENTED, CLOSED, REJECTED, WITHDRAWN;

    public enum Action { DECLARE, REVIEW, APPROVE, IMPLEMENT, CLOSE, REJECT, WITHDRAW }

    private static final Map<OutflowStatus, Map<Action, OutflowStatus>> TRANSITIONS = Map.of(
            DRAFT, Map.of(Action.DECLARE, DECLARED, Action.REJECT, REJECTED),
            DECLARED, Map.of(Action.REVIEW, TOWNSHIP_REVIEWED, Action.REJECT, REJECTED),
            TOWNSHIP_REVIEWED, Map.of(Action.APPROVE, APPROVED, Action.REJECT, REJECTED),
            APPROVED, Map.of(Action.IMPLEMENT, IMPLEMENTED, Action.REJECT, REJECTED, Action.WITHDRAW, WITHDRAWN),
            IMPLEMENTED, Map.of(Action.CLOSE, CLOSED),
            CLOSED, Map.of(),
            REJECTED, Map.of(),
            WITHDRAWN, Map.of());

    public OutflowStatus after(Action action) {
        OutflowStatus next = TRANSITIONS.get(this).get(action);
        if (next == null) {
            throw new DomainException(ErrorCode.ILLEGAL_TRANSITION,
                    "cannot " + action + " an outflow application that is " + this + "; allowed: " + allowed());
        }
        return next;
    }

    public Set<Action> allowed() {
        return TRANSITIONS.get(this).keySet();
    }

    /** Whether coverage may still be added (not once rejected or closed). */
    public boolean coverable() {
        return this != REJECTED && this != CLOSED && this != WITHDRAWN;
    }
}
