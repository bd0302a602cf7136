package cn.landbalance.settlement.assessment;

import cn.landbalance.settlement.outflow.YearBalance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The annual assessment of a township's in/out balance (seed 001 五1: 能够自行平衡的得基本分，不能平衡的按比例扣分，
 * 超额完成市政府下达任务的，予以加分).
 * <ul>
 * <li>balanced by the one definition of a year's balance ({@link YearBalance}: the year's obligations covered, no fee
 * land owed), or nothing to balance: the base score;</li>
 * <li>short: the base score less the same share of it as the shortfall's share of the obligation (shortfall /
 * obligation × base; never more than the base);</li>
 * <li>inflow beyond the assigned task: a bonus in proportion to the surplus over the task, up to the maximum bonus
 * when the surplus reaches the task itself. No task assigned, no bonus.</li>
 * </ul>
 * Scores are exact to 0.01 point, rounded half up; no floating point.
 */
public final class Assessment {
    private static final int SCALE = 2;

    public enum Standing { BALANCED, SHORTFALL }

    public record Score(Standing standing, long shortfallM2, long surplusOverTaskM2, BigDecimal baseScore,
                        BigDecimal deduction, BigDecimal bonus, BigDecimal total) {
    }

    private Assessment() {
    }

    public static Score of(YearBalance year, long taskM2, AssessmentPlan plan) {
        BigDecimal base = BigDecimal.valueOf(plan.basePoints()).setScale(SCALE);
        long shortfall = year.shortfallM2();
        long inflowM2 = year.inflowM2();
        BigDecimal deduction = shortfall == 0 ? BigDecimal.ZERO.setScale(SCALE)
                : share(plan.basePoints(), shortfall, Math.max(year.obligationM2(), shortfall));
        long surplus = taskM2 > 0 ? Math.max(0, inflowM2 - taskM2) : 0;
        BigDecimal bonus = surplus == 0 ? BigDecimal.ZERO.setScale(SCALE)
                : share(plan.maxBonusPoints(), Math.min(surplus, taskM2), taskM2);
        Standing standing = shortfall == 0 ? Standing.BALANCED : Standing.SHORTFALL;
        return new Score(standing, shortfall, surplus, base, deduction, bonus, base.subtract(deduction).add(bonus));
    }

    /** points × part / whole, to 0.01 point, half up. */
    private static BigDecimal share(int points, long part, long whole) {
        return new BigDecimal(BigInteger.valueOf(points).multiply(BigInteger.valueOf(part)))
                .divide(BigDecimal.valueOf(whole), SCALE, RoundingMode.HALF_UP);
    }
}
