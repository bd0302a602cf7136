package cn.landbalance.settlement.imports;

import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.settlement.inflow.Ownership;
import cn.landbalance.settlement.inflow.RestorationAttr;
import cn.landbalance.settlement.inflow.SlopeAreas;
import cn.landbalance.settlement.inflow.TargetClass;
import cn.landbalance.settlement.outflow.OutflowCategory;

/**
 * One checked row of a plan table, as it will be written: its township (current name), village and land class, its
 * ownership, its area by slope grade (adding up to the row's total), and its quality grade. Inflow rows carry a
 * target class and restoration attribute, outflow rows a category.
 */
public record PlanRow(int row, Region township, String village, String landClass, TargetClass targetClass,
                      Ownership ownership, RestorationAttr restorationAttr, OutflowCategory category, SlopeAreas slopes,
                      int qualityGrade) {

    public long areaM2() {
        return slopes.totalM2();
    }

    /** What the preview digest covers of this row. */
    String canonical() {
        return row + "|" + township.id() + "|" + village + "|" + landClass + "|" + targetClass + "|" + ownership + "|"
                + restorationAttr + "|" + category + "|" + slopes + "|" + qualityGrade;
    }

    /**
     * The row's slope grades ({@code grades} of them) and total. The total is authoritative: grades that differ from it
     * by no more than the table's printed precision are a warning, and the largest grade takes the difference; a
     * larger difference is an error. A total that is not positive is an error.
     */
    public static SlopeAreas slopes(PlanTable table, PlanTable.Row row, int grades) {
        long[] v = new long[5];
        for (int g = 1; g <= grades; g++) {
            v[g - 1] = row.hectares(PlanColumns.slope(g));
        }
        long total = row.hectares(PlanColumns.AREA);
        if (row.refused()) {
            return null;
        }
        if (total <= 0) {
            row.error(ErrorCode.IMPORT_VALUE_INVALID, "面积必须大于 0", "area_ha must be positive");
            return null;
        }
        long sum = v[0] + v[1] + v[2] + v[3] + v[4];
        long difference = total - sum;
        if (difference != 0 && Math.abs(difference) <= table.precisionM2() && sum > 0) {
            int largest = 0;
            for (int g = 1; g < 5; g++) {
                largest = v[g] > v[largest] ? g : largest;
            }
            long before = v[largest];
            v[largest] += difference;
            row.warn(ErrorCode.IMPORT_SLOPE_ROUNDING,
                    "各坡度级之和 " + Units.m2ToHectares(sum) + " 公顷与合计 " + Units.m2ToHectares(total)
                            + " 公顷相差在表格取位内，以合计为准：坡度" + (largest + 1) + "级由 " + Units.m2ToHectares(before)
                            + " 记为 " + Units.m2ToHectares(v[largest]) + " 公顷",
                    "slope grades add up to " + Units.m2ToHectares(sum) + " ha against a total of "
                            + Units.m2ToHectares(total) + " ha, within the table's rounding; the total counts: grade "
                            + (largest + 1) + " is taken as " + Units.m2ToHectares(v[largest]) + " ha instead of "
                            + Units.m2ToHectares(before));
        } else if (sum == 0 && grades > 0) {
            row.error(ErrorCode.IMPORT_SLOPE_SUM_MISMATCH, "没有坡度级面积（合计为 " + Units.m2ToHectares(total) + " 公顷）",
                    "no slope-grade areas for a total of " + Units.m2ToHectares(total) + " ha");
            return null;
        } else if (difference != 0) {
            row.error(ErrorCode.IMPORT_SLOPE_SUM_MISMATCH, "各坡度级之和 " + Units.m2ToHectares(sum) + " 公顷与合计 "
                            + Units.m2ToHectares(total) + " 公顷不一致（超出表格取位 " + Units.m2ToHectares(table.precisionM2()) + " 公顷）",
                    "slope grades add up to " + Units.m2ToHectares(sum) + " ha but area_ha is " + Units.m2ToHectares(total)
                            + " ha (more than the table's rounding of " + Units.m2ToHectares(table.precisionM2()) + " ha)");
            return null;
        }
        return new SlopeAreas(v[0], v[1], v[2], v[3], v[4]);
    }
}
