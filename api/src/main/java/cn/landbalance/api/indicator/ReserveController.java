package cn.landbalance.api.indicator;

import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.api.report.CountyYear;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.indicator.IndicatorLedger;
import cn.landbalance.ledger.indicator.IndicatorQueries;
import cn.landbalance.ledger.indicator.IndicatorStore;
import cn.landbalance.ledger.money.MoneyLedger;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.RegionLevel;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.adjustment.Compensation;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.market.ListedArea;
import cn.landbalance.settlement.reserve.ReserveTransfer;
import cn.landbalance.settlement.reserve.ReserveTransferService;
import cn.landbalance.settlement.reserve.ReserveTransfers;
import cn.landbalance.settlement.rules.CountyRulesStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The county reserve (县级储备): indicators the county restored itself (county-led inflow projects, created with the
 * county's own region id as {@code townshipId}) and indicators it took in from townships ({@code POST …/transfers}). It
 * lends to a township whose own indicators cannot cover a violation's freeze; what it lent shows as frozen here and as
 * owed on the case.
 */
@Tag(name = "indicators")
@Controller("/api/counties/{countyId}/reserve")
@Secured({"COUNTY_ADMIN", "COUNTY_VIEWER"})
public class ReserveController {
    private final Regions regions;
    private final IndicatorQueries queries;

    private final ReserveTransferService transfers;
    private final Clock clock;

    public ReserveController(Regions regions, IndicatorQueries queries, ReserveTransferService transfers, Clock clock) {
        this.regions = regions;
        this.queries = queries;
        this.transfers = transfers;
        this.clock = clock;
    }

    /** The reserve's lots now, or as they stood at the end of a day or at a moment ({@code asOf}). */
    @Get("{?asOf}")
    @ReadOnly
    public InventoryController.Inventory reserve(Actor actor, @PathVariable long countyId, @Nullable @QueryValue String asOf) {
        return InventoryController.of(county(actor, countyId), queries, CountyYear.asOf(asOf, clock));
    }

    /** The reserve's own statement: what it held at the start and end of the period, and every movement between. */
    @Get("/statement{?from,to}")
    @ReadOnly
    public InventoryController.Statement statement(Actor actor, @PathVariable long countyId,
                                                   @Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to) {
        return InventoryController.statement(county(actor, countyId), queries, clock, from, to);
    }

    @Factory
    static class Wiring {
        @Singleton
        ReserveTransferService reserveTransferService(Regions regions, IndicatorLedger indicators, IndicatorStore lots,
                                                      ListedArea listed, MoneyLedger money, CountyRulesStore rules,
                                                      ReserveTransfers transfers, Clock clock) {
            return new ReserveTransferService(regions, indicators, lots, listed, money, rules, transfers, clock);
        }
    }

    /** What the county takes in: area of a township's lot, whether the reserve fund pays the guide price, and why. */
    @Serdeable
    public record TransferBody(@NotNull @Positive Long lotId, @NotNull @Positive @Max(Units.MAX_AREA_M2) Long areaM2,
                               @Nullable Compensation compensation,
                               @NotBlank @Size(max = ReserveTransferService.MAX_REASON) String reason) {
    }

    @Serdeable
    public record TransferView(long id, long townshipId, String township, long fromLotId, long toLotId, long areaM2,
                               String areaHectares, Compensation compensation, long pricePerMuFen, long amountFen,
                               String amountYuan, @Nullable Long transferId, String reason, Instant at) {
    }

    /**
     * The county takes a township's spare indicators into its reserve (县级统筹): the township's lot is consumed by the
     * area and the reserve receives a lot of the same grade, paddy and vintage; with {@code compensation: FUND} the
     * reserve fund pays the township's fund the guide price (refused if it cannot).
     */
    @Post("/transfers")
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<TransferView> transferIn(Actor actor, @PathVariable long countyId, @Valid @Body TransferBody body) {
        ReserveTransfer t = transfers.transferIn(actor, countyId, body.lotId(), body.areaM2(), body.compensation(),
                body.reason());
        return HttpResponse.created(view(t));
    }

    /** The transfers into the reserve, newest first. */
    @Get("/transfers")
    @ReadOnly
    public List<TransferView> transfers(Actor actor, @PathVariable long countyId) {
        return transfers.of(actor, countyId).stream().map(this::view).toList();
    }

    private TransferView view(ReserveTransfer t) {
        return new TransferView(t.id(), t.townshipId(), regions.findById(t.townshipId()).map(Region::name).orElse(null),
                t.fromLotId(), t.toLotId(), t.areaM2(), Units.m2ToHectares(t.areaM2()), t.compensation(), t.pricePerMuFen(),
                t.amountFen(), Units.fenToYuan(t.amountFen()), t.transferId(), t.reason(), t.at());
    }

    private Region county(Actor actor, long countyId) {
        return regions.findById(countyId)
                .filter(r -> r.level() == RegionLevel.COUNTY && actor.inCounty(r.id()))
                .orElseThrow(() -> new DomainException(ErrorCode.COUNTY_NOT_FOUND,
                        "县 " + countyId, "county " + countyId));
    }
}
