package cn.landbalance.settlement.assessment;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.settlement.outflow.YearBalance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AssessmentTest {
    private static final AssessmentPlan PLAN = new AssessmentPlan(100, 10, Map.of());

    /** A township's year whose own inflow covered its obligation as far as it went (and {@code feeOwedM2} of fee land owed). */
    private static YearBalance year(long obligationM2, long inflowM2, long feeDutyM2) {
        long self = Math.min(obligationM2 - feeDutyM2, inflowM2);
        return YearBalance.of(new YearBalance.Facts(1, "巩昌镇", obligationM2, obligationM2, inflowM2, self, 0, 0, feeDutyM2,
                0, 0, inflowM2 - self, feeDutyM2, 0));
    }

    private static YearBalance year(long obligationM2, long inflowM2) {
        return year(obligationM2, inflowM2, 0);
    }

    /** One row per case: obligation, own inflow, task → standing, deduction, bonus, total (base 100, bonus up to 10). */
    @ParameterizedTest(name = "obligation {0} inflow {1} task {2} → {3} {6}")
    @CsvSource({
            // no outflow, no task: nothing to balance, base score
            "0,      0,      0,      BALANCED, 0.00,   0.00,  100.00",
            // exactly balanced
            "10000,  10000,  0,      BALANCED, 0.00,   0.00,  100.00",
            // surplus but no task assigned: no bonus
            "10000,  50000,  0,      BALANCED, 0.00,   0.00,  100.00",
            // short by a quarter: a quarter of the base is deducted
            "10000,  7500,   0,      SHORTFALL,     25.00,  0.00,  75.00",
            // nothing restored: the whole base
            "10000,  0,      0,      SHORTFALL,     100.00, 0.00,  0.00",
            // 1 m² short of 3 m²: 33.333… rounds to 33.33
            "3,      2,      0,      SHORTFALL,     33.33,  0.00,  66.67",
            // 2 m² short of 3 m²: 66.666… rounds half up to 66.67
            "3,      1,      0,      SHORTFALL,     66.67,  0.00,  33.33",
            // task met exactly: no bonus
            "10000,  20000,  20000,  BALANCED, 0.00,   0.00,  100.00",
            // 50 % beyond the task: half the bonus
            "10000,  30000,  20000,  BALANCED, 0.00,   5.00,  105.00",
            // twice the task or more: the whole bonus, no more
            "10000,  90000,  20000,  BALANCED, 0.00,   10.00, 110.00",
            // short on the obligation yet beyond the task: both apply
            "40000,  30000,  20000,  SHORTFALL,     25.00,  5.00,  80.00",
    })
    void scores(long obligation, long inflow, long task, Assessment.Standing standing, String deduction, String bonus,
                String total) {
        Assessment.Score score = Assessment.of(year(obligation, inflow), task, PLAN);
        assertEquals(standing, score.standing());
        assertEquals(new BigDecimal(deduction), score.deduction());
        assertEquals(new BigDecimal(bonus), score.bonus());
        assertEquals(new BigDecimal(total), score.total());
        assertEquals(new BigDecimal("100.00"), score.baseScore());
    }

    @Test
    void areasAtTheLargestTaskDoNotOverflow() {
        long big = AssessmentPlan.MAX_TASK_M2;
        Assessment.Score score = Assessment.of(year(big, big - 1), big / 2, new AssessmentPlan(1000, 1000, Map.of()));
        assertEquals(new BigDecimal("0.00"), score.deduction());
        assertEquals(new BigDecimal("1000.00"), score.bonus());
        assertEquals(new BigDecimal("2000.00"), score.total());
    }

    @Test
    void feeLandNotYetRestoredIsAShortfallLikeAnyOther() {
        // 10 000 m² obligation: 6 000 covered by its own indicators, 4 000 by fees whose land is still owed
        Assessment.Score score = Assessment.of(year(10000, 6000, 4000), 0, PLAN);
        assertEquals(Assessment.Standing.SHORTFALL, score.standing());
        assertEquals(4000, score.shortfallM2());
        assertEquals(new BigDecimal("40.00"), score.deduction());
        // a duty moved here from another township, with no obligation of its own: the whole base at most
        Assessment.Score moved = Assessment.of(YearBalance.of(new YearBalance.Facts(2, "文峰镇", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                3000, 1000)), 0, PLAN);
        assertEquals(2000, moved.shortfallM2());
        assertEquals(new BigDecimal("100.00"), moved.deduction());
    }

    @Test
    void theCountyChoosesThePoints() {
        Assessment.Score score = Assessment.of(year(10000, 5000), 0, new AssessmentPlan(12, 3, Map.of()));
        assertEquals(new BigDecimal("6.00"), score.total());
    }

    @Test
    void aPlanRefusesPointsNoCountyCouldMeanAndTownshipsListedTwice() {
        DomainException base = assertThrows(DomainException.class, () -> new AssessmentPlan(0, 10, Map.of()));
        assertEquals("basePoints", base.field());
        DomainException bonus = assertThrows(DomainException.class, () -> new AssessmentPlan(100, 1001, Map.of()));
        assertEquals("maxBonusPoints", bonus.field());
        DomainException twice = assertThrows(DomainException.class, () -> AssessmentPlan.of(100, 10,
                List.of(new AssessmentPlan.Task(7, 100), new AssessmentPlan.Task(7, 200))));
        assertEquals(ErrorCode.VALIDATION_FAILED, twice.code());
        assertEquals("tasks[1].townshipId", twice.field());
        DomainException negative = assertThrows(DomainException.class, () -> AssessmentPlan.of(100, 10,
                List.of(new AssessmentPlan.Task(7, -1))));
        assertEquals("tasks[0].taskM2", negative.field());
    }
}
