package cn.landbalance.api.fund;

import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.money.MoneyLedger;
import cn.landbalance.ledger.money.MoneyQueries;
import cn.landbalance.ledger.money.TransferKind;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.RegionLevel;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Role;
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
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Clock;
import java.util.List;

/** A township's ring-fenced fund account (专项资金): balance and statements by period (dates in China Standard Time). */
@Tag(name = "funds")
@Controller("/api/townships/{townshipId}/account")
@Secured({"TOWNSHIP_OFFICER", "COUNTY_ADMIN", "COUNTY_VIEWER"})
public class FundController {
    private final Regions regions;
    private final MoneyQueries money;
    private final cn.landbalance.settlement.fund.Expenses expenses;

    private final Clock clock;

    public FundController(Regions regions, MoneyQueries money, cn.landbalance.settlement.fund.Expenses expenses, Clock clock) {
        this.clock = clock;
        this.regions = regions;
        this.money = money;
        this.expenses = expenses;
    }

    /**
     * {@code committedFen}: approved expenses not yet paid; {@code availableFen}: what the county can still approve
     * (balance less commitments).
     */
    @Serdeable
    public record Account(long townshipId, String name, long balanceFen, long receivedFen, long spentFen, String balanceYuan,
                          long committedFen, long availableFen) {
    }

    @Serdeable
    public record Line(OffsetDateTime at, long amountFen, TransferKind kind, String reference, String memo, long balanceAfterFen) {
    }

    @Serdeable
    public record Statement(long townshipId, LocalDate from, LocalDate to, long openingFen, long closingFen, long inFen,
                            long outFen, List<Line> lines) {
    }

    @Get
    @ReadOnly
    public Account account(Actor actor, @PathVariable long townshipId) {
        Region township = visibleTownship(regions, actor, townshipId);
        MoneyQueries.AccountSummary s = money.townshipAccount(township.id());
        long committed = expenses.committedFen(township.id());
        return new Account(township.id(), township.name(), s.balanceFen(), s.receivedFen(), s.spentFen(),
                Units.fenToYuan(s.balanceFen()), committed, s.balanceFen() - committed);
    }

    /** Movements from {@code from} to {@code to} inclusive (default: the current year up to today). */
    @Get("/statement{?from,to}")
    @ReadOnly
    public Statement statement(Actor actor, @PathVariable long townshipId, @Nullable @QueryValue LocalDate from,
                               @Nullable @QueryValue LocalDate to) {
        Region township = visibleTownship(regions, actor, townshipId);
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from == null ? today.withDayOfYear(1) : from;
        LocalDate end = to == null ? today : to;
        if (end.isBefore(start)) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "to",
                    "结束日期早于开始日期", "the period ends before it starts");
        }
        MoneyQueries.Statement s = money.statement(township.id(), start.atStartOfDay(clock.getZone()).toOffsetDateTime(),
                end.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime());
        return new Statement(township.id(), start, end, s.openingFen(), s.closingFen(), s.inFen(), s.outFen(),
                s.lines().stream().map(l -> new Line(l.at(), l.amountFen(), l.kind(), l.reference(), l.memo(),
                        l.balanceAfterFen())).toList());
    }

    /** The township, if the user may see its fund: its own officer, or a county role of its county. */
    public static Region visibleTownship(Regions regions, Actor actor, long townshipId) {
        return regions.findById(townshipId)
                .filter(r -> r.level() == RegionLevel.TOWNSHIP)
                .filter(r -> actor.role() == Role.TOWNSHIP_OFFICER ? actor.regionId() == r.id() : actor.inCounty(r.countyId()))
                .orElseThrow(() -> new DomainException(ErrorCode.TOWNSHIP_NOT_FOUND,
                        "乡镇 " + townshipId, "township " + townshipId));
    }
}
