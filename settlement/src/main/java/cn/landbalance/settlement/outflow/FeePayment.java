package cn.landbalance.settlement.outflow;

/**
 * A fee paid for an application: area, the exact amount, the bank's payment reference, the township paid
 * and the township that now holds the duty to deliver that inflow (the same, unless the county moved it).
 * {@code reversal} says what became of it when its application was rejected or withdrawn (null while it stands).
 */
public record FeePayment(long id, long applicationId, long areaM2, long amountFen, String paymentReference,
                         long townshipId, long transferId, long dutyTownshipId, Outcome reversal) {
    /** What became of a fee whose application ended without being carried out. */
    public enum Outcome {
        /** Paid back to the payer from the fund that held it. */
        REFUNDED,
        /** Kept by the township for restoration work; its duty to restore the area stays. */
        KEPT
    }

    public FeePayment withDuty(long townshipId) {
        return new FeePayment(id, applicationId, areaM2, amountFen, paymentReference, this.townshipId, transferId,
                townshipId, reversal);
    }
}
