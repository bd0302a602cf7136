package cn.landbalance.settlement.violation;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The arithmetic of a case: what restoring and legalising take from which freeze, and when the case ends. */
class ViolationCaseTest {
    // 2 500 m²: 1 000 frozen on the township's lot 7, 1 200 borrowed from the reserve's lot 3, 300 unsecured
    private static ViolationCase aCase(long unsecured, long unfrozenOwn, long unfrozenBorrowed) {
        return new ViolationCase(1, 10, 20, "陇自然资违〔2026〕1号", "违法建房", 2_500, unsecured, ViolationCase.Status.OPEN, null,
                List.of(new ViolationCase.Freeze(11, 101, 7, 20, 1_000, false, unfrozenOwn, 0),
                        new ViolationCase.Freeze(12, 102, 3, 10, 1_200, true, unfrozenBorrowed, 0)), 0);
    }

    @Test
    void restoringGivesBorrowedAreaBackFirst() {
        ViolationCase c = aCase(300, 0, 0);
        List<ViolationCase.Part> parts = c.restorePlan(1_500);
        assertEquals(2, parts.size());
        assertEquals(3, parts.get(0).freeze().lotId(), "the reserve's lot first");
        assertEquals(1_200, parts.get(0).areaM2());
        assertEquals(7, parts.get(1).freeze().lotId());
        assertEquals(300, parts.get(1).areaM2());
        assertFalse(c.resolvedBy(parts));
    }

    @Test
    void restoringEverythingEndsTheCaseOnlyWhenNothingIsUnsecured() {
        assertTrue(aCase(0, 0, 0).resolvedBy(aCase(0, 0, 0).restorePlan(2_200)));
        assertFalse(aCase(300, 0, 0).resolvedBy(aCase(300, 0, 0).restorePlan(2_200)), "300 m² no reserve could secure");
    }

    @Test
    void legalisingDeductsWhatIsStillFrozenByLot() {
        List<ViolationCase.Part> parts = aCase(300, 400, 1_200).legalizePlan();
        assertEquals(1, parts.size(), "the borrowed freeze was given back in full");
        assertEquals(7, parts.get(0).freeze().lotId());
        assertEquals(600, parts.get(0).areaM2());
    }

    @Test
    void nothingOrMoreThanIsFrozenIsRefusedNamingTheArea() {
        for (long area : new long[]{0, -5, 2_201}) {
            DomainException e = assertThrows(DomainException.class, () -> aCase(300, 0, 0).restorePlan(area));
            assertEquals(ErrorCode.RESTORE_EXCEEDS_FROZEN, e.code());
            assertEquals("areaM2", e.field());
        }
        ViolationCase closed = aCase(0, 0, 0).after(ViolationCase.Action.RESOLVE);
        assertEquals(ErrorCode.CASE_CLOSED, assertThrows(DomainException.class, closed::legalizePlan).code());
        assertEquals(ErrorCode.CASE_CLOSED, assertThrows(DomainException.class, () -> closed.restorePlan(1)).code());
    }
}
