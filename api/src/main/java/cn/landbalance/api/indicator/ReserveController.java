package cn.landbalance.api.indicator;

import cn.landbalance.ledger.common.AsOf;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.indicator.IndicatorQueries;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.RegionLevel;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;

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

    private final Clock clock;

    public ReserveController(Regions regions, IndicatorQueries queries, Clock clock) {
        this.regions = regions;
        this.queries = queries;
        this.clock = clock;
    }

    /** The reserve's lots now, or as they stood at the end of a day or at a moment ({@code asOf}). */
    @Get("{?asOf}")
    @ReadOnly
    public InventoryController.Inventory reserve(Actor actor, @PathVariable long countyId, @Nullable @QueryValue String asOf) {
        return InventoryController.of(county(actor, countyId), queries, AsOf.parse(asOf, "asOf", clock.getZone(), clock.instant()));
    }

    /** The reserve's own statement: what it held at the start and end of the period, and every movement between. */
    @Get("/statement{?from,to}")
    @ReadOnly
    public InventoryController.Statement statement(Actor actor, @PathVariable long countyId,
                                                   @Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to) {
        return InventoryController.statement(county(actor, countyId), queries, clock, from, to);
    }

    private Region county(Actor actor, long countyId) {
        return regions.findById(countyId)
                .filter(r -> r.level() == RegionLevel.COUNTY && actor.inCounty(r.id()))
                .orElseThrow(() -> new DomainException(ErrorCode.COUNTY_NOT_FOUND, "county " + countyId));
    }
}
