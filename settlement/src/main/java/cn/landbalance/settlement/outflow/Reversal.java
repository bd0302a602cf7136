package cn.landbalance.settlement.outflow;

import cn.landbalance.settlement.rules.FeeOnReversal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What ending an application without carrying it out (rejected or withdrawn) undoes, decided from its coverages and
 * fees alone: every standing coverage is reversed; the indicators a SELF, PURCHASE or ADJUSTMENT coverage consumed go back
 * to their lot; the money a purchase paid is refunded from the selling township's fund, a 调剂's compensation goes back
 * to the application's township fund from the region that received it; each fee is refunded from the fund that
 * holds its duty, or kept there, as the county rule says. Nothing is edited: each step is a new movement, transfer or
 * coverage. Steps are listed in lock order (lots by id, then funds by township).
 *
 * @param coverages the standing coverages to reverse, oldest first
 * @param giveBacks the consumed area going back to each lot, by lot id
 * @param refunds   the money going back to payers, by township
 * @param feesKept  the fees that stay with their township (county rule KEEP)
 */
public record Reversal(List<Coverage> coverages, List<GiveBack> giveBacks, List<Refund> refunds,
                       List<FeePayment> feesKept) {

    /** Area consumed from a lot by a coverage, given back to the lot. */
    public record GiveBack(long lotId, long townshipId, long areaM2, long coverageId) {
    }

    /**
     * Money paid back from a township's fund (or the county reserve): for a purchase or 调剂 coverage ({@code coverageId})
     * or a fee ({@code feePaymentId}). {@code paymentReference} is the bank serial the money came with (the 调剂's
     * reference for a 调剂). {@code toTownshipId}: the township fund that paid a 调剂's compensation, which gets it back;
     * null when the money goes back to the payer outside the funds.
     */
    public record Refund(long townshipId, long amountFen, String paymentReference, Long coverageId, Long feePaymentId,
                         Long toTownshipId) {
    }

    /** Nothing undone (a decision that does not end the application). */
    public static final Reversal NONE = new Reversal(List.of(), List.of(), List.of(), List.of());

    /**
     * The reversal of an application of township {@code homeTownshipId} with these coverages (reversals included) and
     * fee payments.
     */
    public static Reversal of(long homeTownshipId, List<Coverage> coverages, List<FeePayment> fees, FeeOnReversal feeRule) {
        Set<Long> reversed = coverages.stream().filter(Coverage::isReversal).map(Coverage::reversesId)
                .collect(Collectors.toSet());
        List<Coverage> standing = coverages.stream().filter(c -> !c.isReversal() && !reversed.contains(c.id()))
                .sorted(Comparator.comparingLong(Coverage::id)).toList();
        List<GiveBack> giveBacks = standing.stream().filter(c -> c.lotId() != null)
                .map(c -> new GiveBack(c.lotId(), c.townshipId(), c.areaM2(), c.id()))
                .sorted(Comparator.comparingLong(GiveBack::lotId).thenComparingLong(GiveBack::coverageId)).toList();
        List<Refund> refunds = new ArrayList<>();
        standing.stream().filter(c -> c.kind() == CoverageKind.PURCHASE && c.amountFen() != null && c.amountFen() > 0)
                .forEach(c -> refunds.add(new Refund(c.townshipId(), c.amountFen(), c.ref(), c.id(), null, null)));
        standing.stream().filter(c -> c.kind() == CoverageKind.ADJUSTMENT && c.amountFen() != null && c.amountFen() > 0)
                .forEach(c -> refunds.add(new Refund(c.townshipId(), c.amountFen(), c.ref(), c.id(), null, homeTownshipId)));
        List<FeePayment> open = fees.stream().filter(f -> f.reversal() == null).toList();
        List<FeePayment> kept = feeRule == FeeOnReversal.KEEP ? open : List.of();
        if (feeRule == FeeOnReversal.REFUND) {
            open.forEach(f -> refunds.add(new Refund(f.dutyTownshipId(), f.amountFen(), f.paymentReference(), null, f.id(), null)));
        }
        refunds.sort(Comparator.comparingLong(Refund::townshipId));
        return new Reversal(standing, giveBacks, List.copyOf(refunds), kept);
    }

    /** Whether there is nothing to undo. */
    public boolean isEmpty() {
        return coverages.isEmpty() && refunds.isEmpty() && feesKept.isEmpty();
    }

    public long returnedM2() {
        return giveBacks.stream().mapToLong(GiveBack::areaM2).sum();
    }

    public long refundedFen() {
        return refunds.stream().mapToLong(Refund::amountFen).sum();
    }

    public long keptFen() {
        return feesKept.stream().mapToLong(FeePayment::amountFen).sum();
    }

    /** The area of fee coverage reversed (the fees' areas no longer cover anything). */
    public long feeAreaM2() {
        return coverages.stream().filter(c -> c.kind() == CoverageKind.FEE).mapToLong(Coverage::areaM2).sum();
    }
}
