package cn.landbalance.settlement.outflow;

import cn.landbalance.settlement.inflow.SlopeAreas;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three ways of covering an obligation, as values; a coverage completes it when the total after it is what is required. */
class CoverageTest {
    private static final OutflowApplication APP = new OutflowApplication(1, 3, 7, 20, OutflowCategory.AGRI_FACILITY,
            "设施农用地", SlopeAreas.single(1, 10_000), 14, false, OutflowSite.PLAIN, 2026, OutflowStatus.DECLARED, 11_000,
            null, 0, cn.landbalance.settlement.inflow.Ownership.集体, null);

    @Test
    void eachKindCarriesWhatItIsAbout() {
        Coverage fee = Coverage.fee(11_000, "ICBC-1", 7, 82_500_000);
        assertEquals(CoverageKind.FEE, fee.kind());
        assertNull(fee.lotId());
        Coverage self = Coverage.self(500, 42, 7, 9);
        assertEquals("lot:42", self.ref());
        assertEquals(9, self.qualityGrade());
        assertNull(self.amountFen());
        Coverage bought = Coverage.purchase(300, "ICBC-2", 8, 43, 10, 2_250_000);
        assertEquals(CoverageKind.PURCHASE, bought.kind());
        assertEquals(8, bought.townshipId());
    }

    @Test
    void aCoverageCompletesTheObligationWhenTheTotalAfterItIsWhatIsRequired() {
        Coverage c = Coverage.self(1_000, 42, 7, 9);
        assertFalse(new Coverage.Added(c, 10_999).completes(APP));
        assertTrue(new Coverage.Added(c, 11_000).completes(APP));
    }
}
