package cn.landbalance.settlement.outflow;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

import java.util.Map;
import java.util.Set;

/**
 * DRAFT → DECLARED → TOWNSHIP_REVIEWED → APPROVED → IMPLEMENTED → CLOSED; before implementation it may instead be
 * REJECTED (by the county, or by the township while it reviews) or WITHDRAWN (by its applicant or the county; and an
 * APPROVED application of an imported plan when the county replaces that import before anything covered it). Rejecting
 * and withdrawing undo what the application started.
 */
public enum OutflowStatus {
    DRAFT, DECLARED, TOWNSHIP_REVIEWED, APPROVED, IMPLEMENTED, CLOSED, REJECTED, WITHDRAWN;

    public enum Action {
        DECLARE, REVIEW, APPROVE, IMPLEMENT, CLOSE, REJECT, WITHDRAW;

        /** The action in Chinese ("申报", "审核"). */
        public String label() {
            return switch (this) {
                case DECLARE -> "申报";
                case REVIEW -> "审核";
                case APPROVE -> "批准";
                case IMPLEMENT -> "实施";
                case CLOSE -> "办结";
                case REJECT -> "驳回";
                case WITHDRAW -> "撤回";
            };
        }

        /** Whether the action ends the application without its conversion being carried out (its coverage undone). */
        public boolean endsWithoutImplementation() {
            return this == REJECT || this == WITHDRAW;
        }
    }

    private static final Map<OutflowStatus, Map<Action, OutflowStatus>> TRANSITIONS = Map.of(
            DRAFT, Map.of(Action.DECLARE, DECLARED, Action.REJECT, REJECTED, Action.WITHDRAW, WITHDRAWN),
            DECLARED, Map.of(Action.REVIEW, TOWNSHIP_REVIEWED, Action.REJECT, REJECTED, Action.WITHDRAW, WITHDRAWN),
            TOWNSHIP_REVIEWED, Map.of(Action.APPROVE, APPROVED, Action.REJECT, REJECTED, Action.WITHDRAW, WITHDRAWN),
            APPROVED, Map.of(Action.IMPLEMENT, IMPLEMENTED, Action.REJECT, REJECTED, Action.WITHDRAW, WITHDRAWN),
            IMPLEMENTED, Map.of(Action.CLOSE, CLOSED),
            CLOSED, Map.of(),
            REJECTED, Map.of(),
            WITHDRAWN, Map.of());

    public OutflowStatus after(Action action) {
        OutflowStatus next = TRANSITIONS.get(this).get(action);
        if (next == null) {
            throw new DomainException(ErrorCode.ILLEGAL_TRANSITION,
                    "耕地转出申请" + label() + "，不能" + action.label() + "；" + allowedZh(),
                    "cannot " + action + " an outflow application that is " + this + "; allowed: " + allowed());
        }
        return next;
    }

    /** The step {@code action} takes from this status, as the table allows it (refused otherwise, as {@link #after}). */
    public Transition transition(Action action) {
        return new Transition(this, action, after(action));
    }

    /** A step the table allows; made only by {@link #transition}, so a port can record no other. */
    public static final class Transition {
        private final OutflowStatus from;
        private final Action action;
        private final OutflowStatus to;

        private Transition(OutflowStatus from, Action action, OutflowStatus to) {
            this.from = from;
            this.action = action;
            this.to = to;
        }

        public OutflowStatus from() {
            return from;
        }

        public Action action() {
            return action;
        }

        public OutflowStatus to() {
            return to;
        }
    }

    public Set<Action> allowed() {
        return TRANSITIONS.get(this).keySet();
    }

    /** Whether coverage may still be added (not once rejected or closed). */
    public boolean coverable() {
        return this != REJECTED && this != CLOSED && this != WITHDRAWN;
    }

    /** The status in Chinese ("未申报", "乡镇已审核"), as refusals name it. */
    public String label() {
        return switch (this) {
            case DRAFT -> "未申报";
            case DECLARED -> "已申报";
            case TOWNSHIP_REVIEWED -> "乡镇已审核";
            case APPROVED -> "已批准";
            case IMPLEMENTED -> "已实施";
            case CLOSED -> "已办结";
            case REJECTED -> "已驳回";
            case WITHDRAWN -> "已撤回";
        };
    }

    /** What {@link #allowed()} permits, in Chinese, for a refusal: "可进行的操作：驳回、撤回" or that nothing is. */
    private String allowedZh() {
        return allowed().isEmpty() ? "已不能再进行任何操作" : "可进行的操作：" + allowed().stream()
                .sorted().map(Action::label).collect(java.util.stream.Collectors.joining("、"));
    }
}
