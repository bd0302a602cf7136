package cn.landbalance.settlement.outflow;

/**
 * A fee paid for an application: area, the exact amount, the bank's payment reference, the township paid
 * and the township that now holds the duty to deliver that inflow (the same, unless the county moved it).
 */
public record FeePayment(long id, long applicationId, long areaM2, long amountFen, String paymentReference,
                         long townshipId, long transferId, long dutyTownshipId) {
}
