package cn.landbalance.settlement.outflow;

import cn.landbalance.ledger.common.ErrorCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What ordinary farmland may not become, or not this way: one row per rule, in order of precedence. */
class OutflowRulesTest {
    private static final OutflowSite PLAIN = OutflowSite.PLAIN;

    private static List<ErrorCode> refusals(OutflowCategory category, String landClassAfter, OutflowSite site) {
        return OutflowRules.refusals(category, landClassAfter, site);
    }

    private static OutflowSite site(boolean basic, boolean planned, boolean highStandard, boolean plan) {
        return new OutflowSite(basic, planned, highStandard, plan, null, null, null, false, false);
    }

    private static OutflowSite belt(RoadType road, String widthM) {
        return new OutflowSite(false, false, false, false, road, widthM == null ? null : new BigDecimal(widthM), null, false, false);
    }

    private static OutflowSite road(String widthM) {
        return new OutflowSite(false, false, false, false, null, null, new BigDecimal(widthM), false, false);
    }

    @Test
    void theRuleTable() {
        record Row(String what, OutflowCategory category, String landClass, OutflowSite site, List<ErrorCode> expected) {
        }
        OutflowCategory planting = OutflowCategory.PLANTING_ADJUSTMENT;
        OutflowCategory greenBelt = OutflowCategory.GREEN_BELT;
        List<Row> rows = List.of(
                new Row("an orchard on ordinary farmland", planting, "果园", PLAIN, List.of()),
                new Row("permanent basic farmland", planting, "果园", site(true, false, false, false),
                        List.of(ErrorCode.OUTFLOW_PERMANENT_BASIC_FARMLAND)),
                new Row("planned construction land", planting, "果园", site(false, true, false, false),
                        List.of(ErrorCode.OUTFLOW_PLANNED_CONSTRUCTION_LAND)),
                new Row("both: the first named first", planting, "果园", site(true, true, false, false),
                        List.of(ErrorCode.OUTFLOW_PERMANENT_BASIC_FARMLAND, ErrorCode.OUTFLOW_PLANNED_CONSTRUCTION_LAND)),
                new Row("turf", planting, "草皮", PLAIN, List.of(ErrorCode.OUTFLOW_LAKE_OR_TURF)),
                new Row("a landscape lake", planting, "人工湖", PLAIN, List.of(ErrorCode.OUTFLOW_LAKE_OR_TURF)),
                new Row("high-standard farmland without a 补建 plan", planting, "果园", site(false, false, true, false),
                        List.of(ErrorCode.OUTFLOW_HIGH_STANDARD_WITHOUT_PLAN)),
                new Row("high-standard farmland with its plan", planting, "果园", site(false, false, true, true), List.of()),
                new Row("a green belt not described", greenBelt, "乔木林地", belt(null, null),
                        List.of(ErrorCode.OUTFLOW_GREEN_BELT_UNDESCRIBED)),
                new Row("3 m along a county road", greenBelt, "乔木林地", belt(RoadType.COUNTY_TOWNSHIP_ROAD, "3"), List.of()),
                new Row("3.1 m along a county road", greenBelt, "乔木林地", belt(RoadType.COUNTY_TOWNSHIP_ROAD, "3.1"),
                        List.of(ErrorCode.OUTFLOW_GREEN_BELT_TOO_WIDE)),
                new Row("5 m along a national road", greenBelt, "乔木林地", belt(RoadType.RAILWAY_NATIONAL_PROVINCIAL_ROAD, "5"), List.of()),
                new Row("6 m along a railway", greenBelt, "乔木林地", belt(RoadType.RAILWAY_NATIONAL_PROVINCIAL_ROAD, "6"),
                        List.of(ErrorCode.OUTFLOW_GREEN_BELT_TOO_WIDE)),
                new Row("any width along a river (no limit set)", greenBelt, "乔木林地", belt(RoadType.RIVER_RESERVOIR, "30"), List.of()),
                new Row("a rural road of 0.9 m", planting, "农村道路", road("0.9"), List.of(ErrorCode.OUTFLOW_RURAL_ROAD_WIDTH)),
                new Row("a rural road of 1.0 m", planting, "农村道路", road("1.0"), List.of()),
                new Row("a rural road of 8.0 m", planting, "农村道路", road("8.0"), List.of()),
                new Row("a rural road of 8.01 m", planting, "农村道路", road("8.01"), List.of(ErrorCode.OUTFLOW_RURAL_ROAD_WIDTH)));
        for (Row row : rows) {
            assertEquals(row.expected(), refusals(row.category(), row.landClass(), row.site()), row.what());
        }
    }
}
