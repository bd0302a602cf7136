package cn.landbalance.settlement.outflow;

import java.time.Instant;
import java.util.List;

/** Port: the fees' duties to restore land as the books hold them (the deadline is the annual plan's). */
public interface FeeDuties {
    /** One fee's duty: who holds it, what it was paid for, what was delivered and when last. */
    record Held(long feePaymentId, long applicationId, int planYear, long dutyTownshipId, String paymentReference,
                long amountFen, long areaM2, long deliveredM2, boolean refunded, Instant lastDeliveredAt) {
    }

    /** The county's fee duties (of one township when {@code townshipId} is given), by plan year then payment. */
    List<Held> of(long countyId, Long townshipId);
}
