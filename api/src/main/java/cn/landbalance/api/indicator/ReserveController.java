package cn.landbalance.api.indicator;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.indicator.IndicatorQueries;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.RegionLevel;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.Actor;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The county reserve (县级储备): indicators the county restored itself (county-led inflow projects, created with the
 * county's own region id as {@code townshipId}). It lends to a township whose own indicators cannot cover a violation's
 * freeze; what it lent shows as frozen here and as owed on the case.
 */
@Tag(name = "indicators")
@Controller("/api/counties/{countyId}/reserve")
@Secured({"COUNTY_ADMIN", "COUNTY_VIEWER"})
public class ReserveController {
    private final Regions regions;
    private final IndicatorQueries queries;

    private final java.time.Clock clock;

    public ReserveController(Regions regions, IndicatorQueries queries, java.time.Clock clock) {
        this.regions = regions;
        this.queries = queries;
        this.clock = clock;
    }

    @Get
    @ReadOnly
    public InventoryController.Inventory reserve(Actor actor, @PathVariable long countyId) {
        Region county = regions.findById(countyId)
                .filter(r -> r.level() == RegionLevel.COUNTY && actor.inCounty(r.id()))
                .orElseThrow(() -> new DomainException(ErrorCode.COUNTY_NOT_FOUND, "county " + countyId));
        return InventoryController.of(county, queries);
    }

    /** The reserve's own statement: what it held at the start and end of the period, and every movement between. */
    @Get("/statement{?from,to}")
    @ReadOnly
    public InventoryController.Statement statement(Actor actor, @PathVariable long countyId,
                                                   @io.micronaut.core.annotation.Nullable @io.micronaut.http.annotation.QueryValue java.time.LocalDate from,
                                                   @io.micronaut.core.annotation.Nullable @io.micronaut.http.annotation.QueryValue java.time.LocalDate to) {
        Region county = regions.findById(countyId)
                .filter(r -> r.level() == RegionLevel.COUNTY && actor.inCounty(r.id()))
                .orElseThrow(() -> new DomainException(ErrorCode.COUNTY_NOT_FOUND, "county " + countyId));
        return InventoryController.statement(county, queries, clock, from, to);
    }
}
