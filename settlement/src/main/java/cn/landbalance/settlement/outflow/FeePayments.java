package cn.landbalance.settlement.outflow;

import cn.landbalance.ledger.common.AreaM2;

/** Port: the fees paid for outflow applications, the land each owes and what became of it when its application ended. */
public interface FeePayments {
    /** Stores a fee paid for {@code application} (read under its row lock) and announces it. */
    FeePayment insertFeePayment(OutflowApplication application, FeePayment payment);

    /** The application's fee payments, oldest first. */
    java.util.List<FeePayment> feePaymentsOf(long applicationId);

    /** Reads and row-locks a fee payment. */
    java.util.Optional<FeePayment> lockFeePayment(long id);

    void moveDuty(long feePaymentId, long townshipId);

    /** The area of restored land delivered so far against the fee's duty. */
    long deliveredM2(long feePaymentId);

    /**
     * Records {@code areaM2} of lot {@code lotId} delivered against the fee's duty of {@code application} (and announces
     * it, with {@code owedAfterM2}, the area still owed).
     */
    void recordDelivery(OutflowApplication application, FeePayment payment, long lotId, AreaM2 area, AreaM2 owedAfter,
                        Long userId, java.time.Instant at);

    /** Records what became of a fee of {@code application}, which ended ({@code fee.refunded} or {@code fee.kept}). */
    void recordFeeReversal(OutflowApplication application, FeePayment payment, FeePayment.Outcome outcome, Long transferId);
}
