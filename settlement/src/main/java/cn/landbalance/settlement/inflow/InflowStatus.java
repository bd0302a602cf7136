package cn.landbalance.settlement.inflow;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

import java.util.Map;
import java.util.Set;

/**
 * DRAFT → SUBMITTED (township 初验) → ACCEPTED (county 验收, issues a lot) or REJECTED. An ACCEPTED project of an
 * imported plan is WITHDRAWN when the county replaces that import before anything used its lot.
 */
public enum InflowStatus {
    DRAFT, SUBMITTED, ACCEPTED, REJECTED, WITHDRAWN;

    public enum Action {
        SUBMIT, ACCEPT, REJECT, WITHDRAW;

        /** The action in Chinese ("提交", "验收"). */
        public String label() {
            return switch (this) {
                case SUBMIT -> "提交";
                case ACCEPT -> "验收";
                case REJECT -> "驳回";
                case WITHDRAW -> "撤回";
            };
        }
    }

    private static final Map<InflowStatus, Map<Action, InflowStatus>> TRANSITIONS = Map.of(
            DRAFT, Map.of(Action.SUBMIT, SUBMITTED, Action.REJECT, REJECTED),
            SUBMITTED, Map.of(Action.ACCEPT, ACCEPTED, Action.REJECT, REJECTED),
            ACCEPTED, Map.of(Action.WITHDRAW, WITHDRAWN),
            REJECTED, Map.of(),
            WITHDRAWN, Map.of());

    /** The status after {@code action}, or ILLEGAL_TRANSITION naming both. */
    public InflowStatus after(Action action) {
        InflowStatus next = TRANSITIONS.get(this).get(action);
        if (next == null) {
            throw new DomainException(ErrorCode.ILLEGAL_TRANSITION,
                    "耕地转进项目" + label() + "，不能" + action.label() + "；" + allowedZh(),
                    "cannot " + action + " an inflow project that is " + this + "; allowed: " + allowed());
        }
        return next;
    }

    public Set<Action> allowed() {
        return TRANSITIONS.get(this).keySet();
    }

    /** The status in Chinese ("未提交", "已验收"), as refusals name it. */
    public String label() {
        return switch (this) {
            case DRAFT -> "未提交";
            case SUBMITTED -> "已提交";
            case ACCEPTED -> "已验收";
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
