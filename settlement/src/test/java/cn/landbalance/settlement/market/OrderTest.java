package cn.landbalance.settlement.market;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An order's lifecycle as a table: a pending order is paid, expires or is cancelled; nothing moves a final one. */
class OrderTest {
    private static Order pending() {
        return new Order(1, 3, 10, 20, 1_000, 7_500_000, Order.Status.PENDING_PAYMENT, Instant.parse("2026-12-02T10:00:00Z"),
                null, List.of());
    }

    @Test
    void aPendingOrderMovesByEachAction() {
        Order paid = pending().after(Order.Action.PAY, "ICBC-1");
        assertEquals(Order.Status.SETTLED, paid.status());
        assertEquals("ICBC-1", paid.paymentReference());
        assertEquals(List.of(cn.landbalance.settlement.event.EventType.ORDER_PAID, cn.landbalance.settlement.event.EventType.ORDER_SETTLED),
                Order.Action.PAY.events());
        Order expired = pending().after(Order.Action.EXPIRE, "ignored");
        assertEquals(Order.Status.EXPIRED, expired.status());
        assertNull(expired.paymentReference(), "only a payment leaves a reference");
        assertEquals(Order.Status.CANCELLED, pending().after(Order.Action.CANCEL, null).status());
    }

    @Test
    void aFinalOrderRefusesEveryAction() {
        for (Order.Action first : Order.Action.values()) {
            Order done = pending().after(first, "REF");
            for (Order.Action then : Order.Action.values()) {
                DomainException refused = assertThrows(DomainException.class, () -> done.after(then, "REF-2"),
                        first + " then " + then);
                assertEquals(ErrorCode.ILLEGAL_TRANSITION, refused.code());
            }
        }
    }
}
