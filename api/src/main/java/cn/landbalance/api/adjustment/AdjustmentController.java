package cn.landbalance.api.adjustment;

import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.indicator.IndicatorLedger;
import cn.landbalance.ledger.indicator.IndicatorStore;
import cn.landbalance.ledger.money.MoneyLedger;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.adjustment.Adjustment;
import cn.landbalance.settlement.adjustment.AdjustmentBook;
import cn.landbalance.settlement.adjustment.Compensation;
import cn.landbalance.settlement.adjustment.CountyAdjustments;
import cn.landbalance.settlement.adjustment.Line;
import cn.landbalance.settlement.adjustment.Proposal;
import cn.landbalance.settlement.adjustment.Scope;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Organizations;
import cn.landbalance.settlement.market.ListedArea;
import cn.landbalance.settlement.outflow.OutflowApplications;
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
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The county balances its year: a township self-balance (scope OWN) or the county's 调剂 (scope COUNTY) is proposed by
 * the optimizer (nothing changes), reviewed and edited by the county, then confirmed line by line in one transaction.
 */
@Tag(name = "county year")
@Controller("/api/counties/{countyId}/adjustments")
@Secured({"COUNTY_ADMIN", "COUNTY_VIEWER"})
public class AdjustmentController {
    private final CountyAdjustments adjustments;
    private final Regions regions;

    public AdjustmentController(CountyAdjustments adjustments, Regions regions) {
        this.adjustments = adjustments;
        this.regions = regions;
    }

    @Factory
    static class Wiring {
        @Singleton
        CountyAdjustments countyAdjustments(Regions regions, Organizations organizations, CountyRulesStore rules,
                                            OutflowApplications applications, IndicatorLedger indicators,
                                            IndicatorStore lots, MoneyLedger money, ListedArea listed, AdjustmentBook book,
                                            Clock clock) {
            return new CountyAdjustments(regions, organizations, rules, applications, indicators, lots, money, listed, book,
                    clock);
        }
    }

    /** What to propose: the year, OWN or COUNTY, FUND or NONE (default FUND), and the area regions keep (by region id). */
    @Serdeable
    public record ProposalRequest(@NotNull @Min(2000) @Max(2100) Integer year, @NotNull Scope scope,
                                 @Nullable Compensation compensation, @Nullable Map<String, Long> keepM2) {
    }

    @Serdeable
    public record LineBody(@NotNull Long lotId, @NotNull Long applicationId, @NotNull @Min(1) @Max(Units.MAX_AREA_M2) Long areaM2) {
    }

    @Serdeable
    public record ConfirmRequest(@NotNull @Min(2000) @Max(2100) Integer year, @NotNull Scope scope,
                                 @Nullable Compensation compensation,
                                 @NotNull @Size(min = 1, max = 20_000) List<@Valid LineBody> lines) {
    }

    @Serdeable
    public record LineView(long lotId, long fromRegionId, String from, boolean fromReserve, long applicationId,
                           long toTownshipId, String to, long areaM2, String areaMu, long amountFen, String amountYuan,
                           @Nullable Long coverageId, @Nullable Long transferId) {
    }

    @Serdeable
    public record RegionView(long regionId, String name, boolean reserve, long needM2, long ownM2, long receivedM2,
                             long givenM2, long shortM2, long keptM2) {
    }

    @Serdeable
    public record ProposalView(long countyId, int year, Scope scope, Compensation compensation, long pricePerMuFen,
                               List<LineView> lines, List<RegionView> regions, long areaM2, String areaHectares,
                               long amountFen, String amountYuan, long shortM2, boolean balancesEveryTownship) {
    }

    @Serdeable
    public record AdjustmentView(long id, long countyId, int year, Scope scope, Compensation compensation,
                                 long pricePerMuFen, long areaM2, String areaHectares, long amountFen,
                                 String amountYuan, @Nullable Long confirmedBy, Instant confirmedAt,
                                 List<LineView> lines) {
    }

    /** The optimizer's proposal for the year (nothing changes). */
    @Post("/proposal")
    @ReadOnly
    public ProposalView propose(Actor actor, @PathVariable long countyId, @Valid @Body ProposalRequest body) {
        Map<Long, Long> keep = new HashMap<>();
        if (body.keepM2() != null) {
            body.keepM2().forEach((k, v) -> {
                try {
                    keep.put(Long.parseLong(k.strip()), v);
                } catch (NumberFormatException e) {
                    throw cn.landbalance.ledger.common.DomainException.field(cn.landbalance.ledger.common.ErrorCode.INVALID_FIELD,
                            "keepM2." + k, "“" + k + "”不是行政区编号", "a region id");
                }
            });
        }
        Proposal p = adjustments.propose(actor, countyId, body.year(), body.scope(), compensation(body.compensation()), keep);
        RegionNames names = new RegionNames(regions, countyId);
        List<LineView> lines = p.lines().stream().map(l -> names.line(l, null, null)).toList();
        List<RegionView> outcomes = p.regions().stream().map(r -> new RegionView(r.regionId(), names.of(r.regionId()),
                r.regionId() == countyId, r.needM2(), r.ownM2(), r.receivedM2(), r.givenM2(), r.shortM2(), r.keptM2())).toList();
        return new ProposalView(countyId, body.year(), p.scope(), p.compensation(), p.pricePerMuFen(), lines, outcomes,
                p.areaM2(), Units.m2ToHectares(p.areaM2()), p.amountFen(), Units.fenToYuan(p.amountFen()), p.shortM2(),
                p.shortM2() == 0);
    }

    /** Carries out the lines the county reviewed (all or nothing). */
    @Post
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<AdjustmentView> confirm(Actor actor, @PathVariable long countyId, @Valid @Body ConfirmRequest body) {
        List<CountyAdjustments.LineRequest> lines = body.lines().stream()
                .map(l -> new CountyAdjustments.LineRequest(l.lotId(), l.applicationId(), l.areaM2())).toList();
        Adjustment a = adjustments.confirm(actor, countyId, body.year(), body.scope(), compensation(body.compensation()), lines);
        return HttpResponse.created(view(a, new RegionNames(regions, countyId)));
    }

    @Get
    @ReadOnly
    public List<AdjustmentView> list(Actor actor, @PathVariable long countyId, @NotNull @QueryValue @Min(2000) @Max(2100) Integer year) {
        RegionNames names = new RegionNames(regions, countyId);
        return adjustments.list(actor, countyId, year).stream().map(a -> view(a, names)).toList();
    }

    @Get("/{id}")
    @ReadOnly
    public AdjustmentView get(Actor actor, @PathVariable long countyId, @PathVariable long id) {
        return view(adjustments.get(actor, countyId, id), new RegionNames(regions, countyId));
    }

    private static Compensation compensation(Compensation c) {
        return c == null ? Compensation.FUND : c;
    }

    private static AdjustmentView view(Adjustment a, RegionNames names) {
        return new AdjustmentView(a.id(), a.countyId(), a.year(), a.scope(), a.compensation(), a.pricePerMuFen(), a.areaM2(),
                Units.m2ToHectares(a.areaM2()), a.amountFen(), Units.fenToYuan(a.amountFen()), a.confirmedBy(), a.confirmedAt(),
                a.lines().stream().map(d -> names.line(d.line(), d.coverageId(), d.transferId())).toList());
    }

    /** The names of the county (its reserve) and its townships, read once per request (one query, not one per line). */
    private static final class RegionNames {
        private final Map<Long, String> names = new HashMap<>();
        private final long countyId;

        RegionNames(Regions regions, long countyId) {
            this.countyId = countyId;
            regions.findById(countyId).ifPresent(c -> names.put(c.id(), c.name() + "（县级储备）"));
            for (Region r : regions.children(countyId)) {
                names.put(r.id(), r.name());
            }
        }

        String of(long id) {
            return names.getOrDefault(id, String.valueOf(id));
        }

        LineView line(Line l, Long coverageId, Long transferId) {
            return new LineView(l.lotId(), l.fromRegionId(), of(l.fromRegionId()), l.fromRegionId() == countyId,
                    l.applicationId(), l.toTownshipId(), of(l.toTownshipId()), l.areaM2(), Units.m2ToMu(l.areaM2()),
                    l.amountFen(), Units.fenToYuan(l.amountFen()), coverageId, transferId);
        }
    }
}
