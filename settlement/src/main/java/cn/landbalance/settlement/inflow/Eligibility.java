package cn.landbalance.settlement.inflow;

import cn.landbalance.ledger.common.ErrorCode;

import java.util.ArrayList;
import java.util.List;

/**
 * Which land may not become farmland (DOMAIN.md §4; seeds 002 四(二), 000 二(一)). The refusals come in
 * a fixed order of precedence; the first is the one a request is refused with.
 */
public final class Eligibility {
    private Eligibility() {
    }

    public static List<ErrorCode> refusals(SlopeAreas slopes, SiteConstraints site) {
        List<ErrorCode> codes = new ArrayList<>();
        if (slopes.grade5M2() > 0) {
            codes.add(ErrorCode.INFLOW_SLOPE_OVER_25_DEGREES);
        }
        if (site.ecologicalRedLine()) {
            codes.add(ErrorCode.INFLOW_ECOLOGICAL_RED_LINE);
        }
        if (site.natureReserve()) {
            codes.add(ErrorCode.INFLOW_NATURE_RESERVE);
        }
        if (site.waterSourceLevel1()) {
            codes.add(ErrorCode.INFLOW_WATER_SOURCE_LEVEL1);
        }
        if (site.riverLakeForestPastoralDesert()) {
            codes.add(ErrorCode.INFLOW_RIVER_LAKE_FOREST_PASTORAL_DESERT);
        }
        if (site.builtUpArea()) {
            codes.add(ErrorCode.INFLOW_BUILT_UP_AREA);
        }
        if (site.returnedFarmlandForest()) {
            codes.add(ErrorCode.INFLOW_RETURNED_FARMLAND_FOREST);
        }
        if (site.pollutedSoil()) {
            codes.add(ErrorCode.INFLOW_POLLUTED_SOIL);
        }
        if (site.illegalDeforestation()) {
            codes.add(ErrorCode.INFLOW_ILLEGAL_DEFORESTATION);
        }
        return codes;
    }
}
