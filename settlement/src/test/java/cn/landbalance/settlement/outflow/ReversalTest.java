package cn.landbalance.settlement.outflow;

import cn.landbalance.settlement.rules.FeeOnReversal;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What ending an application undoes, decided from its coverages and fees alone. */
class ReversalTest {
    private static final long GONGCHANG = 11;
    private static final long WENFENG = 12;

    private static Coverage stored(long id, Coverage c) {
        return new Coverage(id, c.kind(), c.areaM2(), c.ref(), c.townshipId(), c.lotId(), c.qualityGrade(), c.amountFen(),
                c.reversesId());
    }

    private final Coverage bought = stored(1, Coverage.purchase(4_000, "B-1", WENFENG, 7, 10, 31_200_000));
    private final Coverage own = stored(2, Coverage.self(1_000, 3, GONGCHANG, 9));
    private final Coverage fee = stored(3, Coverage.fee(3_000, "F-1", GONGCHANG, 22_500_000));
    private final Coverage free = stored(4, Coverage.purchase(500, "B-2", GONGCHANG, 5, 8, 0));
    private final FeePayment feePaid = new FeePayment(20, 1, 3_000, 22_500_000, "F-1", GONGCHANG, 99, WENFENG, null);

    @Test
    void everyStandingCoverageIsUndoneTheLotsGetTheirAreaBackAndTheMoneyGoesBack() {
        Reversal r = Reversal.of(GONGCHANG, List.of(bought, own, fee, free), List.of(feePaid), FeeOnReversal.REFUND);
        assertEquals(List.of(bought, own, fee, free), r.coverages());
        // lots by id (the lock order): 3, 5, 7
        assertEquals(List.of(3L, 5L, 7L), r.giveBacks().stream().map(Reversal.GiveBack::lotId).toList());
        assertEquals(5_500, r.returnedM2());
        assertEquals(3_000, r.feeAreaM2());
        // the purchase from 文峰 and the fee whose duty (and money) was moved to 文峰; the free lot pays nothing back
        assertEquals(2, r.refunds().size());
        assertTrue(r.refunds().stream().allMatch(f -> f.townshipId() == WENFENG));
        assertEquals(31_200_000 + 22_500_000, r.refundedFen());
        assertEquals(0, r.keptFen());
    }

    @Test
    void aCountyAdjustmentGivesItsLotBackAndItsCompensationBackToTheApplicationsTownship() {
        Coverage moved = stored(6, Coverage.adjustment(2_000, "adjustment:9", WENFENG, 8, 10, 15_000_000));
        Coverage fromReserve = stored(7, Coverage.adjustment(500, "adjustment:9", 1, 2, 10, 0));
        Reversal r = Reversal.of(GONGCHANG, List.of(moved, fromReserve), List.of(), FeeOnReversal.REFUND);
        assertEquals(List.of(2L, 8L), r.giveBacks().stream().map(Reversal.GiveBack::lotId).toList());
        assertEquals(List.of(new Reversal.Refund(WENFENG, 15_000_000, "adjustment:9", 6L, null, GONGCHANG)), r.refunds(),
                "文峰 pays the compensation back to 巩昌's fund; nothing was paid for the reserve's lot");
    }

    @Test
    void aCountyThatKeepsFeesRefundsOnlyPurchases() {
        Reversal r = Reversal.of(GONGCHANG, List.of(bought, fee), List.of(feePaid), FeeOnReversal.KEEP);
        assertEquals(31_200_000, r.refundedFen());
        assertEquals(List.of(feePaid), r.feesKept());
        assertEquals(22_500_000, r.keptFen());
    }

    @Test
    void whatWasReversedBeforeIsNotReversedAgain() {
        Coverage undone = stored(5, bought.reversal());
        FeePayment refunded = new FeePayment(20, 1, 3_000, 22_500_000, "F-1", GONGCHANG, 99, WENFENG,
                FeePayment.Outcome.REFUNDED);
        Reversal r = Reversal.of(GONGCHANG, List.of(bought, fee, undone), List.of(refunded), FeeOnReversal.REFUND);
        assertEquals(List.of(fee), r.coverages());
        assertEquals(0, r.refundedFen());
        assertTrue(Reversal.of(GONGCHANG, List.of(bought, undone), List.of(), FeeOnReversal.REFUND).isEmpty());
    }

    @Test
    void aReversalHasTheOppositeAreaAndAmountAndNamesWhatItUndoes() {
        Coverage undo = bought.reversal();
        assertEquals(-4_000, undo.areaM2());
        assertEquals(-31_200_000, undo.amountFen());
        assertEquals(1L, undo.reversesId());
        assertEquals(bought.lotId(), undo.lotId());
        assertThrows(IllegalStateException.class, () -> stored(6, undo).reversal(), "a reversal is not reversed");
        assertThrows(IllegalStateException.class, () -> Coverage.fee(1, "x", 1, 1).reversal(), "only stored coverage");
        assertEquals(0, Obligation.of(10_000, List.of(bought, stored(6, undo))).coveredM2());
    }
}
