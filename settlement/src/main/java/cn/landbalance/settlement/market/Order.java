package cn.landbalance.settlement.market;

import java.time.Instant;
import java.util.List;

/** An order for indicators against an outflow application's obligation. */
public record Order(long id, long countyId, long applicationId, long buyerOrgId, long areaM2, long amountFen,
                    Status status, Instant expiresAt, String paymentReference, List<Allocation> allocations) {
    public enum Status { PENDING_PAYMENT, SETTLED, EXPIRED, CANCELLED }
}
