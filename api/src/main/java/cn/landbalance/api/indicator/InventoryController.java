package cn.landbalance.api.indicator;

import cn.landbalance.api.report.CountyYear;
import cn.landbalance.ledger.common.AsOf;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.indicator.Bucket;
import cn.landbalance.ledger.indicator.IndicatorLot;
import cn.landbalance.ledger.indicator.IndicatorQueries;
import cn.landbalance.ledger.indicator.IndicatorStatement;
import cn.landbalance.ledger.indicator.LotBalances;
import cn.landbalance.ledger.indicator.MovementKind;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.RegionLevel;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@Tag(name = "indicators")
@Controller("/api/townships/{townshipId}/inventory")
@Secured({"TOWNSHIP_OFFICER", "COUNTY_ADMIN", "COUNTY_VIEWER"})
public class InventoryController {
    private final Regions regions;
    private final IndicatorQueries queries;

    private final Clock clock;

    public InventoryController(Regions regions, IndicatorQueries queries, Clock clock) {
        this.regions = regions;
        this.queries = queries;
        this.clock = clock;
    }

    @Serdeable
    public record LotView(long id, long areaM2, long availableM2, long reservedM2, long frozenM2, long consumedM2,
                          long deductedM2, int qualityGrade, boolean paddy, int vintageYear,
                          @Nullable Long sourceProjectId, @Nullable Long holderOrgId) {
        static LotView of(IndicatorLot l) {
            LotBalances b = l.balances();
            return new LotView(l.id(), b.issuedM2(), b.availableM2(), b.reservedM2(), b.frozenM2(), b.consumedM2(),
                    b.deductedM2(), l.qualityGrade(), l.paddy(), l.vintageYear(), l.sourceProjectId(), l.holderOrgId());
        }
    }

    @Serdeable
    public record Inventory(long townshipId, String name, @Nullable String asOf, long issuedM2, long availableM2,
                            long reservedM2, long frozenM2, long consumedM2, long deductedM2, String issuedHectares,
                            String availableHectares, List<LotView> lots) {
    }

    /** The township's lots now, or as they stood at the end of a day or at a moment ({@code asOf}). */
    @Get("{?asOf}")
    @ReadOnly
    public Inventory inventory(Actor actor, @PathVariable long townshipId, @Nullable @QueryValue String asOf) {
        Region township = visibleTownship(actor, townshipId);
        return of(township, queries, CountyYear.asOf(asOf, clock));
    }

    /** One movement of the statement; {@code kindLabel} as the ledger reads it in Chinese. */
    @Serdeable
    public record MovementView(long movementId, Instant at, long lotId,
                               MovementKind kind, String kindLabel, long areaM2,
                               String reference, long availableAfterM2) {
    }

    /** The buckets at a moment: available, reserved, frozen, consumed, deducted, revoked, and all issued. */
    @Serdeable
    public record Buckets(long issuedM2, long availableM2, long reservedM2, long frozenM2, long consumedM2, long deductedM2,
                          long revokedM2) {
        static Buckets of(Map<Bucket, Long> b) {
            return new Buckets(IndicatorStatement.issued(b),
                    b.getOrDefault(Bucket.AVAILABLE, 0L),
                    b.getOrDefault(Bucket.RESERVED, 0L),
                    b.getOrDefault(Bucket.FROZEN, 0L),
                    b.getOrDefault(Bucket.CONSUMED, 0L),
                    b.getOrDefault(Bucket.DEDUCTED, 0L),
                    b.getOrDefault(Bucket.REVOKED, 0L));
        }
    }

    /** A region's indicator statement (指标台账) for the days {@code from} to {@code to} inclusive, in the county's time. */
    @Serdeable
    public record Statement(long regionId, String name, LocalDate from, LocalDate to, Buckets opening,
                            Buckets closing, List<MovementView> lines) {
    }

    /**
     * The township's indicator statement: the buckets at the start of {@code from} and at the end of {@code to} (an
     * inventory as of any day), and every movement between (default: the current year to today).
     */
    @Get("/statement{?from,to}")
    @ReadOnly
    public Statement statement(Actor actor, @PathVariable long townshipId,
                               @Nullable @QueryValue LocalDate from,
                               @Nullable @QueryValue LocalDate to) {
        Region township = visibleTownship(actor, townshipId);
        return statement(township, queries, clock, from, to);
    }

    static Statement statement(Region region, IndicatorQueries queries, Clock clock, LocalDate from,
                               LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from == null ? today.withDayOfYear(1) : from;
        LocalDate end = to == null ? today : to;
        if (start.getYear() < 2000 || start.getYear() > 2100) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "from",
                    "日期须在 2000 至 2100 年间", "from must be in 2000-2100");
        }
        if (end.getYear() < 2000 || end.getYear() > 2100) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "to",
                    "日期须在 2000 至 2100 年间", "to must be in 2000-2100");
        }
        if (end.isBefore(start)) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "to",
                    "结束日期早于开始日期", "the period ends before it starts");
        }
        if (start.plusYears(10).isBefore(end)) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "from", "一次最多查询十年", "at most ten years at once");
        }
        IndicatorStatement s = queries.statement(region.id(),
                start.atStartOfDay(clock.getZone()).toInstant(), end.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        return new Statement(region.id(), region.name(), start, end, Buckets.of(s.opening()), Buckets.of(s.closing()),
                s.lines().stream().map(l -> new MovementView(l.movementId(), l.at(), l.lotId(), l.kind(), label(l.kind()),
                        l.areaM2(), l.reference(), l.availableAfterM2())).toList());
    }

    private static String label(MovementKind kind) {
        return switch (kind) {
            case ISSUE -> "验收入库";
            case RESERVE -> "预留";
            case RELEASE -> "释放";
            case CONSUME -> "使用";
            case FREEZE -> "冻结";
            case UNFREEZE -> "解冻";
            case DEDUCT -> "扣减";
            case REVOKE -> "撤销入库";
            case RETURN -> "退回";
        };
    }

    /**
     * A region's indicator inventory at the moment: its lots (those issued by then whose issue was not withdrawn by
     * then) and their totals.
     */
    static Inventory of(Region township, IndicatorQueries queries, AsOf asOf) {
        // a lot whose issue was withdrawn (its plan import replaced) is no longer part of the inventory
        List<IndicatorLot> lots = queries.lotsOwnedBy(township.id(), asOf).stream()
                .filter(l -> l.balances().revokedM2() == 0).toList();
        LotBalances total = lots.stream().map(IndicatorLot::balances).reduce(LotBalances.EMPTY, LotBalances::plus);
        return new Inventory(township.id(), township.name(), asOf.text(), total.issuedM2(), total.availableM2(), total.reservedM2(),
                total.frozenM2(), total.consumedM2(), total.deductedM2(), Units.m2ToHectares(total.issuedM2()),
                Units.m2ToHectares(total.availableM2()), lots.stream().map(LotView::of).toList());
    }

    private Region visibleTownship(Actor actor, long townshipId) {
        return regions.findById(townshipId)
                .filter(r -> r.level() == RegionLevel.TOWNSHIP && visible(actor, r))
                .orElseThrow(() -> new DomainException(ErrorCode.TOWNSHIP_NOT_FOUND,
                        "乡镇 " + townshipId, "township " + townshipId));
    }

    private static boolean visible(Actor actor, Region township) {
        if (actor.role() == Role.TOWNSHIP_OFFICER) {
            return actor.regionId() == township.id();
        }
        return actor.inCounty(township.countyId());
    }
}
