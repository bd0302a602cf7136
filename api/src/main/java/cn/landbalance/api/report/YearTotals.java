package cn.landbalance.api.report;

import cn.landbalance.ledger.common.Units;
import cn.landbalance.settlement.outflow.YearBalance;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * The county's sums. {@code countyBalanced}: every township balanced; {@code planBalanced}: the year's inflow
 * (indicators of that vintage) is at least its obligations, the plan's own test (转进 ≥ 转出 × surplus factor).
 */
@Serdeable
public record YearTotals(long outflowM2, long obligationM2, long inflowM2, long selfCoveredM2, long boughtM2,
                     long adjustedInM2, long feeCoveredM2, long remainingM2, long feeOwedM2, long shortfallM2,
                     long spareM2, String outflowHectares, String inflowHectares, String inflowToOutflowRatio,
                     int balancedTownships, int townships, boolean countyBalanced, boolean planBalanced) {
    public static YearTotals of(List<YearBalance> rows) {
        long outflow = sum(rows, YearBalance::outflowM2);
        long obligation = sum(rows, YearBalance::obligationM2);
        long inflow = sum(rows, YearBalance::inflowM2);
        String ratio = outflow == 0 ? null
                : new BigDecimal(inflow).divide(new BigDecimal(outflow), 4, java.math.RoundingMode.HALF_UP).toPlainString();
        int balanced = (int) rows.stream().filter(YearBalance::balanced).count();
        return new YearTotals(outflow, obligation, inflow, sum(rows, YearBalance::selfCoveredM2), sum(rows, YearBalance::boughtM2),
                sum(rows, YearBalance::adjustedInM2), sum(rows, YearBalance::feeCoveredM2),
                sum(rows, YearBalance::remainingM2), sum(rows, YearBalance::feeOwedM2), sum(rows, YearBalance::shortfallM2),
                sum(rows, YearBalance::spareM2), Units.m2ToHectares(outflow), Units.m2ToHectares(inflow), ratio, balanced,
                rows.size(), balanced == rows.size(), inflow >= obligation);
    }

    private static long sum(List<YearBalance> rows, java.util.function.ToLongFunction<YearBalance> field) {
        return rows.stream().mapToLong(field).sum();
    }
}
