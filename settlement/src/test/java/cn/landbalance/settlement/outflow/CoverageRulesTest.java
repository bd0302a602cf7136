package cn.landbalance.settlement.outflow;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.indicator.IndicatorLot;
import cn.landbalance.ledger.indicator.LotBalances;
import cn.landbalance.settlement.inflow.Ownership;
import cn.landbalance.settlement.inflow.SlopeAreas;
import cn.landbalance.settlement.rules.QualityRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which lots may cover an obligation of grade 10 converted in 2024: the vintage, paddy and quality rules, no database. */
class CoverageRulesTest {
    private static final OutflowSite PLAIN = new OutflowSite(false, false, false, false, null, null, null, false, false);

    private static OutflowApplication application(boolean paddy) {
        return new OutflowApplication(1, 1, 11, 5, OutflowCategory.CAPITAL_FOREST_ORCHARD, "果园", SlopeAreas.single(1, 10_000),
                10, paddy, PLAIN, 2024, OutflowStatus.APPROVED, 11_000, null, 0, Ownership.集体, null);
    }

    private static ErrorCode refusal(Runnable check) {
        return assertThrows(DomainException.class, check::run).code();
    }

    @Test
    void aLotOfALaterYearCannotCoverAndOneOfThatYearOrEarlierCan() {
        OutflowApplication app = application(false);
        IndicatorLot later = new IndicatorLot(7, 11, 1, 10, false, 2025, 3L, new LotBalances(1_000, 0, 0, 0, 0, 0), null);
        assertEquals(ErrorCode.LOT_VINTAGE_TOO_LATE, refusal(() -> CoverageRules.requireVintage(app, later)));
        CoverageRules.requireVintage(app, new IndicatorLot(7, 11, 1, 10, false, 2024, 3L, new LotBalances(1_000, 0, 0, 0, 0, 0), null));
        CoverageRules.requireVintage(app, new IndicatorLot(7, 11, 1, 10, false, 2019, 3L, new LotBalances(1_000, 0, 0, 0, 0, 0), null));
    }

    @Test
    void paddyIsCoveredByPaddyOnly() {
        assertEquals(ErrorCode.LOT_NOT_PADDY, refusal(() -> CoverageRules.requireQuality(application(true), QualityRule.PER_LOT,
                List.of(), 5, false, 100)));
        CoverageRules.requireQuality(application(true), QualityRule.PER_LOT, List.of(), 5, true, 100);
        CoverageRules.requireQuality(application(false), QualityRule.PER_LOT, List.of(), 5, true, 100);
    }

    @Test
    void perLotEveryLotIsNoWorseThanTheConvertedLand() {
        assertEquals(ErrorCode.LOT_QUALITY_TOO_LOW, refusal(() -> CoverageRules.requireQuality(application(false),
                QualityRule.PER_LOT, List.of(), 11, false, 100)));
        CoverageRules.requireQuality(application(false), QualityRule.PER_LOT, List.of(), 10, false, 100);
    }

    @Test
    void onTheWeightedAverageAWorseLotFitsWhileBetterOnesOutweighIt() {
        // 1 000 m² of grade 8 covered already: 8 × 1 000 + 12 × A ≤ 10 × (1 000 + A) holds up to A = 1 000
        List<Coverage> covered = List.of(Coverage.self(1_000, 7, 11, 8));
        CoverageRules.requireQuality(application(false), QualityRule.WEIGHTED_AVERAGE, covered, 12, false, 1_000);
        assertEquals(ErrorCode.LOT_QUALITY_TOO_LOW, refusal(() -> CoverageRules.requireQuality(application(false),
                QualityRule.WEIGHTED_AVERAGE, covered, 12, false, 1_001)));
        // nothing covered yet: the lot alone is the average
        assertEquals(ErrorCode.LOT_QUALITY_TOO_LOW, refusal(() -> CoverageRules.requireQuality(application(false),
                QualityRule.WEIGHTED_AVERAGE, List.of(), 11, false, 1)));
        // a fee's coverage has no grade and does not weigh
        CoverageRules.requireQuality(application(false), QualityRule.WEIGHTED_AVERAGE,
                List.of(Coverage.fee(5_000, "BANK-1", 11, 100)), 10, false, 100);
    }
}
