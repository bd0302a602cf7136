package cn.landbalance.api.report;

import cn.landbalance.settlement.identity.Tenancy;
import cn.landbalance.ledger.common.AsOf;
import cn.landbalance.ledger.indicator.IndicatorQueries;
import cn.landbalance.ledger.indicator.LotBalances;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.RegionLevel;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.infra.report.JooqFundAndMarketReport;
import cn.landbalance.infra.report.JooqFreezeDeductionReport;
import cn.landbalance.settlement.identity.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The county's dashboard in one answer: indicators by township and in the reserve, the year's market by month, the
 * year's freezes and deductions by month and by township, the years there is business in, and whether the county has
 * any business at all (an empty county is told where to start). The worklist is the other request.
 */
@Tag(name = "reports")
@Controller("/api/counties/{countyId}/dashboard")
@Secured({"COUNTY_ADMIN", "COUNTY_VIEWER"})
public class DashboardController {
    private final Regions regions;
    private final IndicatorQueries lots;
    private final JooqFundAndMarketReport market;
    private final JooqFreezeDeductionReport freezes;
    private final cn.landbalance.settlement.plan.Inbox inbox;
    private final Clock clock;

    public DashboardController(Regions regions, IndicatorQueries lots, JooqFundAndMarketReport market,
                               JooqFreezeDeductionReport freezes, cn.landbalance.settlement.plan.Inbox inbox, Clock clock) {
        this.regions = regions;
        this.lots = lots;
        this.market = market;
        this.freezes = freezes;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Serdeable
    public record Stock(long regionId, String name, long availableM2, long reservedM2, long frozenM2) {
    }

    @Serdeable
    public record Dashboard(long countyId, int year, List<Integer> years, boolean empty, long availableM2, long reservedM2,
                            long frozenM2, List<Stock> townships, Stock reserve, long marketAreaM2, long marketAmountFen,
                            List<JooqFundAndMarketReport.MarketMonth> marketByMonth,
                            List<JooqFreezeDeductionReport.MonthRow> freezeByMonth,
                            List<JooqFreezeDeductionReport.TownshipRow> freezeByTownship) {
    }

    @Get("{?year}")
    @ReadOnly
    public Dashboard dashboard(Actor actor, @PathVariable long countyId,
                               @Nullable @QueryValue @Min(2000) @Max(2100) Integer year) {
        Tenancy.requireCountyRoleOf(actor, countyId);
        Region county = regions.requireCounty(countyId);
        int thisYear = LocalDate.now(clock).getYear();
        int y = year == null ? thisYear : year;
        Map<Long, LotBalances> totals = lots.totalsByOwner(countyId);
        List<Stock> townships = new ArrayList<>();
        for (Region t : regions.children(countyId)) {
            if (t.level() == RegionLevel.TOWNSHIP) {
                townships.add(stock(t, totals));
            }
        }
        Stock reserve = stock(county, totals);
        List<JooqFundAndMarketReport.MarketMonth> months = market.market(countyId, y, AsOf.LIVE);
        // the years the county has applications, inflow projects or a plan in: none means nothing was done yet (every
        // lot comes from an inflow project, imported or accepted)
        List<Integer> inPlay = inbox.yearsInPlay(countyId, 20);
        TreeSet<Integer> years = new TreeSet<>(inPlay);
        years.add(thisYear);
        years.add(y);
        return new Dashboard(countyId, y, new ArrayList<>(years.descendingSet()), inPlay.isEmpty(),
                townships.stream().mapToLong(Stock::availableM2).sum(), townships.stream().mapToLong(Stock::reservedM2).sum(),
                townships.stream().mapToLong(Stock::frozenM2).sum(), townships, reserve,
                months.stream().mapToLong(JooqFundAndMarketReport.MarketMonth::areaM2).sum(),
                months.stream().mapToLong(JooqFundAndMarketReport.MarketMonth::amountFen).sum(), months,
                freezes.byMonth(countyId, y, AsOf.LIVE), freezes.townships(countyId, y, AsOf.LIVE));
    }

    private static Stock stock(Region region, Map<Long, LotBalances> totals) {
        LotBalances b = totals.getOrDefault(region.id(), LotBalances.EMPTY);
        return new Stock(region.id(), region.name(), b.availableM2(), b.reservedM2(), b.frozenM2());
    }
}
