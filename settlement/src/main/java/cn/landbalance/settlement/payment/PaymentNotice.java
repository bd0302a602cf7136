package cn.landbalance.settlement.payment;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * A payment notice (缴款通知书): what a payer owes one township's fund — an order's allocations from that township, or
 * a fee —, the account to pay into, the remittance code to quote and the date it is due. It is paid only when the
 * township's finance officer confirms the money arrived (from the bank statement or one by one); a payer cannot declare
 * it paid. OPEN → PAID, EXPIRED (not paid by its due date) or CANCELLED (the payer or the county withdrew the order or
 * fee); the three are final.
 *
 * @param orderId null for a fee notice
 * @param payee   the fund account as it stood when the notice was issued (a later change of account does not change
 *                a notice already in the payer's hands)
 * @param receipt what finance confirmed; null until PAID
 * @param rulesVersionId the county rules version its amount was fixed under (null: issued before versions were recorded)
 */
public record PaymentNotice(long id, long countyId, long townshipId, Kind kind, Long orderId, long applicationId,
                            long areaM2, long amountFen, long payerOrgId, String payerName, String remittanceCode,
                            Payee payee, Instant issuedAt, LocalDate dueOn, Status status, Receipt receipt,
                            Long rulesVersionId) {
    public enum Kind { ORDER, FEE }

    public enum Status { OPEN, PAID, EXPIRED, CANCELLED }

    /** The township fund's bank account (专户). */
    public record Payee(String accountName, String bankName, String accountNo) {
        public boolean complete() {
            return !blank(accountName) && !blank(bankName) && !blank(accountNo);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    /**
     * The money as the bank shows it: its serial (unique across everything the funds were ever paid with), the day it
     * arrived, who paid it and from which account, and who confirmed it.
     */
    public record Receipt(String bankSerial, LocalDate receivedOn, String payerName, String payerAccount,
                          Long confirmedBy, Instant confirmedAt, Long bankLineId) {
    }

    private static final Map<Status, Set<Status>> NEXT = Map.of(
            Status.OPEN, Set.of(Status.PAID, Status.EXPIRED, Status.CANCELLED),
            Status.PAID, Set.of(),
            Status.EXPIRED, Set.of(),
            Status.CANCELLED, Set.of());

    /** The notice moved to {@code to}; refused with ILLEGAL_TRANSITION (in Chinese and English) when it cannot go there. */
    public PaymentNotice to(Status to, Receipt receipt) {
        if (!NEXT.get(status).contains(to)) {
            throw new DomainException(ErrorCode.ILLEGAL_TRANSITION,
                    "缴款通知书 " + remittanceCode + " 已" + label(status),
                    "payment notice " + remittanceCode + " is " + status + ", it cannot become " + to);
        }
        return new PaymentNotice(id, countyId, townshipId, kind, orderId, applicationId, areaM2, amountFen, payerOrgId,
                payerName, remittanceCode, payee, issuedAt, dueOn, to, to == Status.PAID ? receipt : null, rulesVersionId);
    }

    /** The status as the payer and finance read it. */
    public static String label(Status status) {
        return switch (status) {
            case OPEN -> "待缴款";
            case PAID -> "已到账";
            case EXPIRED -> "已过期";
            case CANCELLED -> "已撤销";
        };
    }
}
