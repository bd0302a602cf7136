package cn.landbalance.settlement.violation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A case's arithmetic: what is still frozen, unfrozen, deducted and owed, from its freezes on the township's own lots
 * and on lenders' reserve lots, and what the township has repaid.
 */
class ViolationCaseTest {
    private static ViolationCase.Freeze own(long areaM2, long unfrozenM2, long deductedM2) {
        return new ViolationCase.Freeze(1, 11, 101, 7, areaM2, false, unfrozenM2, deductedM2);
    }

    private static ViolationCase.Freeze borrowed(long areaM2, long unfrozenM2, long deductedM2) {
        return new ViolationCase.Freeze(2, 12, 102, 3, areaM2, true, unfrozenM2, deductedM2);
    }

    private static ViolationCase caseOf(long repaidM2, ViolationCase.Freeze... freezes) {
        long area = 0;
        for (ViolationCase.Freeze f : freezes) {
            area += f.areaM2();
        }
        return new ViolationCase(1, 3, 7, "陇西违〔2026〕1号", "", area, 0, ViolationCase.Status.OPEN, null, List.of(freezes), repaidM2);
    }

    @Test
    void aFreshCaseHasEverythingFrozenAndOwesWhatItBorrowed() {
        ViolationCase c = caseOf(0, own(4_198, 0, 0), borrowed(15_802, 0, 0));
        assertEquals(20_000, c.frozenM2());
        assertEquals(0, c.unfrozenM2());
        assertEquals(0, c.deductedM2());
        assertEquals(15_802, c.owedM2());
    }

    @Test
    void restoringPartThenLegalisingTheRestDeductsOnlyWhatIsStillFrozen() {
        // 1.2 公顷 frozen on own lots; 0.5 restored (unfrozen); legalising deducts the 0.7 still frozen
        ViolationCase restored = caseOf(0, own(12_000, 5_000, 0));
        assertEquals(7_000, restored.frozenM2());
        ViolationCase legalised = caseOf(0, own(12_000, 5_000, 7_000));
        assertEquals(0, legalised.frozenM2());
        assertEquals(5_000, legalised.unfrozenM2());
        assertEquals(7_000, legalised.deductedM2());
        assertEquals(0, legalised.owedM2(), "own lots owe nobody");
    }

    @Test
    void unfreezingBorrowedAreaGivesItBackAndRepaymentsReduceWhatIsOwed() {
        ViolationCase c = caseOf(0, own(1_000, 0, 0), borrowed(3_000, 1_000, 0));
        assertEquals(2_000, c.owedM2());
        ViolationCase deducted = caseOf(0, own(1_000, 0, 1_000), borrowed(3_000, 1_000, 2_000));
        assertEquals(2_000, deducted.owedM2(), "a deduction of borrowed area is still owed to the lender");
        assertEquals(500, caseOf(1_500, own(1_000, 0, 1_000), borrowed(3_000, 1_000, 2_000)).owedM2());
    }

    @Test
    void anOpenCaseIsResolvedOnceAndAResolvedCaseRefusesToBeResolvedAgain() {
        ViolationCase resolved = caseOf(0, own(1_000, 1_000, 0)).after(ViolationCase.Action.RESOLVE);
        assertEquals(ViolationCase.Status.RESOLVED, resolved.status());
        assertEquals("violation.resolved", ViolationCase.Action.RESOLVE.event());
        cn.landbalance.ledger.common.DomainException refused = org.junit.jupiter.api.Assertions.assertThrows(
                cn.landbalance.ledger.common.DomainException.class, () -> resolved.after(ViolationCase.Action.RESOLVE));
        assertEquals(cn.landbalance.ledger.common.ErrorCode.CASE_CLOSED, refused.code());
    }
}
