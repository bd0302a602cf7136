package cn.landbalance.settlement.market;

import cn.landbalance.settlement.event.EventType;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An order for indicators against an outflow application's obligation. PENDING_PAYMENT → SETTLED (paid), EXPIRED (its
 * time ran out) or CANCELLED; the three are final. {@link #after} is the only way to a new status.
 */
public record Order(long id, long countyId, long applicationId, long buyerOrgId, long areaM2, long amountFen,
                    Status status, Instant expiresAt, String paymentReference, List<Allocation> allocations) {
    public enum Status {
        PENDING_PAYMENT, SETTLED, EXPIRED, CANCELLED;

        /** The status in Chinese ("待缴款", "已结算"), as refusals name it. */
        public String label() {
            return switch (this) {
                case PENDING_PAYMENT -> "待缴款";
                case SETTLED -> "已结算";
                case EXPIRED -> "已过期";
                case CANCELLED -> "已撤销";
            };
        }
    }

    /** What can happen to an order, the status it leads to, and the events that announce it (in order). */
    public enum Action {
        PAY(Status.SETTLED, List.of(EventType.ORDER_PAID, EventType.ORDER_SETTLED)),
        EXPIRE(Status.EXPIRED, List.of(EventType.ORDER_EXPIRED)),
        CANCEL(Status.CANCELLED, List.of(EventType.ORDER_CANCELLED));

        private final Status to;
        private final List<EventType> events;

        Action(Status to, List<EventType> events) {
            this.to = to;
            this.events = events;
        }

        public Status to() {
            return to;
        }

        public List<EventType> events() {
            return events;
        }

        /** The action in Chinese ("确认缴款", "撤销"). */
        public String label() {
            return switch (this) {
                case PAY -> "确认缴款";
                case EXPIRE -> "作过期处理";
                case CANCEL -> "撤销";
            };
        }
    }

    private static final Map<Status, Set<Action>> ALLOWED = Map.of(
            Status.PENDING_PAYMENT, Set.of(Action.PAY, Action.EXPIRE, Action.CANCEL),
            Status.SETTLED, Set.of(),
            Status.EXPIRED, Set.of(),
            Status.CANCELLED, Set.of());

    /** The actions this order's status allows. */
    public Set<Action> allowed() {
        return ALLOWED.get(status);
    }

    /**
     * The order after {@code action} ({@code paymentReference} is kept only by PAY); refused with ILLEGAL_TRANSITION
     * when its status does not allow it.
     */
    public Order after(Action action, String paymentReference) {
        if (!allowed().contains(action)) {
            throw new DomainException(ErrorCode.ILLEGAL_TRANSITION,
                    "订单" + status.label() + "，不能" + action.label() + "；" + allowedZh(),
                    "cannot " + action + " an order that is " + status + "; allowed: " + allowed());
        }
        return new Order(id, countyId, applicationId, buyerOrgId, areaM2, amountFen, action.to(), expiresAt,
                action == Action.PAY ? paymentReference : this.paymentReference, allocations);
    }

    /** What {@link #allowed()} permits, in Chinese, for a refusal: "可进行的操作：确认缴款、撤销" or that nothing is. */
    private String allowedZh() {
        return allowed().isEmpty() ? "已不能再进行任何操作" : "可进行的操作：" + allowed().stream()
                .sorted().map(Action::label).collect(java.util.stream.Collectors.joining("、"));
    }
}
