package cn.landbalance.settlement.payment;

/**
 * Which notices to list: always one county's; then those a payer owes ({@code payerOrgId}), those payable to a township
 * ({@code townshipId}), or — for a township officer — both ({@code payerOrPayee}); narrowed by status, kind, order and
 * application. Null means any.
 */
public record NoticeQuery(long countyId, Long payerOrgId, Long townshipId, boolean payerOrPayee, PaymentNotice.Status status,
                          PaymentNotice.Kind kind, Long orderId, Long applicationId) {
}
