package cn.landbalance.api.outflow;

import cn.landbalance.settlement.outflow.OutflowRules;
import cn.landbalance.settlement.outflow.RoadType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The limits an outflow declaration is checked against, as the server applies them: the web admin's form loads them
 * once and checks them as the user types, so it restates none of them. They are the seeds' (DOMAIN.md §5) and the
 * same in every county and year; the county's own rules (fees, quality rule, declaration windows) are at
 * {@code /api/counties/{countyId}/rules}.
 */
@Tag(name = "outflow")
@Controller("/api/rules/outflow")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class OutflowRulesController {

    /** The widest green belt along a kind of road, or null where the seeds set none (rivers and reservoirs). */
    @Serdeable
    public record GreenBeltLimit(RoadType roadType, @Nullable BigDecimal maxWidthM) {
    }

    /**
     * {@code lakeOrTurfLandClasses}: land classes refused as a landscape lake or turf by their name alone;
     * {@code qualityGradeMin}/{@code qualityGradeMax} and {@code landClassAfterMaxLength}: what the declaration's
     * fields may hold.
     */
    @Serdeable
    public record OutflowLimits(List<GreenBeltLimit> greenBelts, BigDecimal ruralRoadMinWidthM,
                                BigDecimal ruralRoadMaxWidthM, List<String> lakeOrTurfLandClasses, int qualityGradeMin,
                                int qualityGradeMax, int landClassAfterMaxLength) {
    }

    private static final OutflowLimits LIMITS = new OutflowLimits(
            Arrays.stream(RoadType.values()).map(r -> new GreenBeltLimit(r, r.maxWidthM())).toList(),
            OutflowRules.RURAL_ROAD_MIN_M, OutflowRules.RURAL_ROAD_MAX_M, OutflowRules.LAKE_OR_TURF_LAND_CLASSES,
            OutflowController.QUALITY_GRADE_MIN, OutflowController.QUALITY_GRADE_MAX,
            OutflowController.LAND_CLASS_AFTER_MAX_LENGTH);

    @Get
    public OutflowLimits limits() {
        return LIMITS;
    }
}
