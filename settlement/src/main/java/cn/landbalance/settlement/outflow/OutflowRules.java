package cn.landbalance.settlement.outflow;

import cn.landbalance.ledger.common.ErrorCode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What ordinary farmland may not be converted to, or not this way (DOMAIN.md §5), in order of precedence. The limits
 * are the seeds' and the same in every county; the API serves them (and {@link RoadType#maxWidthM()}) to the web
 * admin's declaration form, which checks them as the user types.
 */
public final class OutflowRules {
    /** The narrowest and the widest new rural road (seed 000). */
    public static final BigDecimal RURAL_ROAD_MIN_M = new BigDecimal("1.0");
    public static final BigDecimal RURAL_ROAD_MAX_M = new BigDecimal("8.0");
    /** Land classes that are a landscape lake or turf by name, whatever the boxes say. */
    public static final List<String> LAKE_OR_TURF_LAND_CLASSES = List.of("草皮", "人工湖");

    private OutflowRules() {
    }

    public static List<ErrorCode> refusals(OutflowCategory category, String landClassAfter, OutflowSite site) {
        List<ErrorCode> codes = new ArrayList<>();
        if (site.permanentBasicFarmland()) {
            codes.add(ErrorCode.OUTFLOW_PERMANENT_BASIC_FARMLAND);
        }
        if (site.plannedConstructionLand()) {
            codes.add(ErrorCode.OUTFLOW_PLANNED_CONSTRUCTION_LAND);
        }
        if (site.landscapeLake() || site.turf()
                || landClassAfter != null && LAKE_OR_TURF_LAND_CLASSES.contains(landClassAfter)) {
            codes.add(ErrorCode.OUTFLOW_LAKE_OR_TURF);
        }
        if (site.highStandardFarmland() && !site.supplementPlan()) {
            codes.add(ErrorCode.OUTFLOW_HIGH_STANDARD_WITHOUT_PLAN);
        }
        if (category == OutflowCategory.GREEN_BELT) {
            if (site.greenBeltRoadType() == null || site.greenBeltWidthM() == null) {
                codes.add(ErrorCode.OUTFLOW_GREEN_BELT_UNDESCRIBED);
            } else if (site.greenBeltRoadType().maxWidthM() != null
                    && site.greenBeltWidthM().compareTo(site.greenBeltRoadType().maxWidthM()) > 0) {
                codes.add(ErrorCode.OUTFLOW_GREEN_BELT_TOO_WIDE);
            }
        }
        if (site.ruralRoadWidthM() != null && (site.ruralRoadWidthM().compareTo(RURAL_ROAD_MIN_M) < 0
                || site.ruralRoadWidthM().compareTo(RURAL_ROAD_MAX_M) > 0)) {
            codes.add(ErrorCode.OUTFLOW_RURAL_ROAD_WIDTH);
        }
        return codes;
    }
}
