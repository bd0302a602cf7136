package cn.landbalance.settlement.outflow;

/** A fee paid for an application: area, the exact amount, the bank's payment reference and the township paid. */
public record FeePayment(long id, long applicationId, long areaM2, long amountFen, String paymentReference,
                         long townshipId, long transferId) {
}
