package cn.landbalance.settlement.outflow;

import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.indicator.IndicatorLot;
import cn.landbalance.ledger.indicator.LotBalances;
import cn.landbalance.settlement.inflow.Ownership;
import cn.landbalance.settlement.inflow.SlopeAreas;
import cn.landbalance.settlement.rules.QualityRule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What of the applicant's own lot a screen may offer for its application (自行补充), with no database. */
class LotFitTest {
    private static final OutflowSite PLAIN = new OutflowSite(false, false, false, false, null, null, null, false, false);

    private static OutflowApplication application(int grade, boolean paddy, int planYear) {
        return new OutflowApplication(1, 1, 11, 5, OutflowCategory.CAPITAL_FOREST_ORCHARD, "果园",
                SlopeAreas.single(1, 10_000), grade, paddy, PLAIN, planYear, OutflowStatus.APPROVED, 10_000, null, 0,
                Ownership.集体, null);
    }

    private static IndicatorLot lot(int grade, boolean paddy, int vintage, long availableM2) {
        return new IndicatorLot(7, 11, 1, grade, paddy, vintage, 3L, new LotBalances(availableM2, 0, 0, 0, 0, 0), null);
    }

    @Test
    void aLotOfALaterYearNonPaddyForPaddyOrWorseLandPerLotOffersNothingAndSaysWhy() {
        assertEquals(ErrorCode.LOT_VINTAGE_TOO_LATE,
                LotFit.of(application(10, false, 2024), lot(9, false, 2025, 5_000), QualityRule.PER_LOT, List.of(), 10_000).refusal());
        assertEquals(ErrorCode.LOT_NOT_PADDY,
                LotFit.of(application(10, true, 2024), lot(9, false, 2024, 5_000), QualityRule.PER_LOT, List.of(), 10_000).refusal());
        LotFit worse = LotFit.of(application(10, false, 2024), lot(11, false, 2024, 5_000), QualityRule.PER_LOT, List.of(), 10_000);
        assertEquals(ErrorCode.LOT_QUALITY_TOO_LOW, worse.refusal());
        assertEquals(0, worse.usableM2());
    }

    @Test
    void aFittingLotOffersTheLeastOfWhatItHasWhatIsOpenAndTheQualityRoom() {
        LotFit small = LotFit.of(application(10, false, 2024), lot(10, false, 2022, 3_000), QualityRule.PER_LOT, List.of(), 10_000);
        assertNull(small.refusal());
        assertEquals(3_000, small.usableM2(), "all of a lot smaller than what is open");
        LotFit large = LotFit.of(application(10, true, 2024), lot(3, true, 2024, 50_000), QualityRule.PER_LOT, List.of(), 6_500);
        assertEquals(6_500, large.usableM2(), "no more than is open");
        LotFit none = LotFit.of(application(10, false, 2024), lot(9, false, 2024, 5_000), QualityRule.PER_LOT, List.of(), -200);
        assertEquals(0, none.usableM2(), "nothing while pending notices hold more than is left");
        assertNull(none.refusal());
    }

    @Test
    void onTheWeightedAverageAWorseLotMayBringWhatBetterCoverageMakesRoomFor() {
        // grade 10 land, 4 000 m² of grade 6 already: W = 24 000, A = 4 000, slack = 10·4 000 − 24 000 = 16 000
        List<Coverage> covered = List.of(Coverage.self(4_000, 3, 11, 6));
        assertEquals(8_000, LotFit.qualityRoom(QualityRule.WEIGHTED_AVERAGE, 10, 12, covered),
                "each m² of grade 12 uses 2 of the slack: 16 000 / 2");
        LotFit worse = LotFit.of(application(10, false, 2024), lot(12, false, 2024, 20_000), QualityRule.WEIGHTED_AVERAGE,
                covered, 6_000);
        assertEquals(6_000, worse.usableM2());
        assertEquals(0, LotFit.qualityRoom(QualityRule.WEIGHTED_AVERAGE, 10, 11, List.of()),
                "a worse lot first, with nothing better to average it with");
        assertEquals(Long.MAX_VALUE, LotFit.qualityRoom(QualityRule.WEIGHTED_AVERAGE, 10, 10, covered));
    }

    /** The room agrees with the rule itself (W + g·a ≤ G·(A + a)) for every reachable state: earlier coverage kept it. */
    @Test
    void theRoomIsExactlyTheLargestAreaTheWeightedRuleAccepts() {
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            int appGrade = 1 + random.nextInt(15);
            List<Coverage> coverages = new ArrayList<>();
            long w = 0;
            long a = 0;
            for (int i = random.nextInt(4); i > 0; i--) {
                int g = 1 + random.nextInt(15);
                long area = 1 + random.nextInt(5_000);
                if (w + (long) g * area <= (long) appGrade * (a + area)) {
                    coverages.add(Coverage.self(area, i, 11, g));
                    w += (long) g * area;
                    a += area;
                }
            }
            int lotGrade = 1 + random.nextInt(15);
            long room = LotFit.qualityRoom(QualityRule.WEIGHTED_AVERAGE, appGrade, lotGrade, coverages);
            for (long asked : new long[] {1, 7, 999, 5_000, 20_000}) {
                boolean accepted = w + (long) lotGrade * asked <= (long) appGrade * (a + asked);
                assertEquals(accepted, asked <= room, "grade " + lotGrade + " for " + appGrade + ", " + asked + " m² over " + coverages);
            }
            if (room > 0 && room < Long.MAX_VALUE) {
                assertEquals(false, w + (long) lotGrade * (room + 1) <= (long) appGrade * (a + room + 1), "the room is the largest");
            }
        }
    }
}
