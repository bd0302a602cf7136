package cn.landbalance.settlement.fund;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

/**
 * Port: the bank serials (支付流水号) already used. A serial pays one thing only — an order, a fee, a receipt booked
 * from the bank statement, or an expense paid out — whatever kind the next use would be.
 */
public interface PaymentReferences {
    enum Kind { ORDER, FEE, RECEIPT, EXPENSE }

    /**
     * Claims {@code reference} for {@code kind}/{@code targetId} in the caller's transaction; true if newly claimed,
     * false if it was already claimed by the same target. A concurrent claim of the same reference waits for this one.
     */
    boolean claim(String reference, Kind kind, long targetId);

    /** Whether the reference already paid something (no lock: a check before a claim, which still decides). */
    boolean claimed(String reference);

    /** Which of these references already paid something (no lock, as {@link #claimed}). */
    java.util.Set<String> claimedAmong(java.util.Collection<String> references);

    /** A claim among many made at once. */
    record Claim(String reference, Kind kind, long targetId) {
    }

    /**
     * Claims many references at once (none of them claimed twice among {@code claims}); returns those another payment
     * holds, which this claimed nothing for (a concurrent claim of the same reference waits for this one).
     */
    java.util.Set<String> claimAll(java.util.List<Claim> claims);

    /** Claims the reference or refuses with PAYMENT_REFERENCE_REUSED naming the field. */
    default void claimOrRefuse(String reference, Kind kind, long targetId, String field) {
        try {
            claim(reference, kind, targetId);
        } catch (DomainException e) {
            throw reused(reference, field);
        }
    }

    /** The refusal of a serial that already paid something else, naming the field that carried it. */
    public static DomainException reused(String reference, String field) {
        return DomainException.field(ErrorCode.PAYMENT_REFERENCE_REUSED, field,
                "支付流水号“" + reference + "”已用于其他款项",
                "the payment reference " + reference + " already paid something else");
    }
}
