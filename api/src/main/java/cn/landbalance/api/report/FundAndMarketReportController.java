package cn.landbalance.api.report;

import cn.landbalance.infra.report.JooqFundAndMarketReport;
import cn.landbalance.ledger.common.AsOf;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Tenancy;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Clock;
import java.util.List;

/** The fund report (each township fund's year, carried over) and the market report (sales per month). */
@Tag(name = "reports")
@Controller("/api/reports")
@Secured({"COUNTY_ADMIN", "COUNTY_VIEWER"})
@SerdeImport(JooqFundAndMarketReport.FundRow.class)
@SerdeImport(JooqFundAndMarketReport.MarketMonth.class)
public class FundAndMarketReportController {
    private final JooqFundAndMarketReport report;
    private final cn.landbalance.settlement.fund.Expenses expenses;
    private final cn.landbalance.settlement.inflow.InflowProjects projects;
    private final cn.landbalance.ledger.region.Regions regions;

    private final Clock clock;

    public FundAndMarketReportController(JooqFundAndMarketReport report, cn.landbalance.settlement.fund.Expenses expenses,
                                         cn.landbalance.settlement.inflow.InflowProjects projects,
                                         cn.landbalance.ledger.region.Regions regions, Clock clock) {
        this.clock = clock;
        this.report = report;
        this.expenses = expenses;
        this.projects = projects;
        this.regions = regions;
    }

    /**
     * One line of spending: a township's payments in the year for one inflow project (its village) or one purpose, and
     * what is approved there and not yet paid. {@code approved} false: expenses booked from bank statement lines
     * without an approved claim, or ({@code legacy}) recorded before expenses needed the county's approval.
     */
    @Serdeable
    public record SpendingRow(long townshipId, String township, @Nullable Long inflowProjectId,
                              @Nullable String village, cn.landbalance.settlement.fund.Expense.Category category,
                              String categoryLabel, boolean approved, boolean legacy, long paidFen, int paidCount,
                              long committedFen) {
    }

    @Serdeable
    public record Spending(long countyId, int year, @Nullable String asOf, List<SpendingRow> rows, long paidFen,
                           long committedFen, long unapprovedFen) {
    }

    /**
     * The fund report's spending by inflow project and purpose: paid in the year by the bank's date, and committed
     * (approved, neither paid nor cancelled) — now, or as recorded before a moment ({@code asOf}).
     */
    @ApiResponse(responseCode = "200", description = "the report, or its workbook", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Spending.class)),
            @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary"))})
    @Get(value = "/fund-spending", produces = {MediaType.APPLICATION_JSON, Xlsx.MEDIA_TYPE})
    @ReadOnly
    public HttpResponse<?> spending(HttpRequest<?> request, Actor actor, @QueryValue long countyId,
                                    @Nullable @QueryValue @Min(2000) @Max(2100) Integer year,
                                    @Nullable @QueryValue String asOf) {
        Tenancy.requireCountyRoleOf(actor, countyId);
        AsOf at = CountyYear.asOf(asOf, clock);
        int y = CountyYear.year(year, at, clock);
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        List<SpendingRow> rows = expenses.spending(countyId, y, at).stream().map(s -> new SpendingRow(s.townshipId(),
                names.computeIfAbsent(s.townshipId(), id -> regions.findById(id).map(cn.landbalance.ledger.region.Region::name)
                        .orElse(null)), s.inflowProjectId(),
                s.inflowProjectId() == null ? null : projects.find(s.inflowProjectId())
                        .map(cn.landbalance.settlement.inflow.InflowProject::village).orElse(null),
                s.category(), s.legacy() ? "审批制度实施前的支出" : s.category() == null ? "未经审批的支出" : s.category().label(),
                s.category() != null, s.legacy(), s.paidFen(), s.paidCount(), s.committedFen())).toList();
        Spending body = new Spending(countyId, y, at.text(), rows, rows.stream().mapToLong(SpendingRow::paidFen).sum(),
                rows.stream().mapToLong(SpendingRow::committedFen).sum(),
                rows.stream().filter(r -> !r.approved() && !r.legacy()).mapToLong(SpendingRow::paidFen).sum());
        if (!Xlsx.wanted(request)) {
            return HttpResponse.ok(body);
        }
        List<List<Object>> lines = Xlsx.rows();
        for (SpendingRow r : rows) {
            lines.add(List.of(r.township() == null ? "" : r.township(),
                    r.inflowProjectId() == null ? "" : r.inflowProjectId() + (r.village() == null ? "" : " " + r.village()),
                    r.categoryLabel(), r.paidCount(), yuan(r.paidFen()), yuan(r.committedFen())));
        }
        return Xlsx.response("专项资金支出明细-" + y + CountyYear.fileSuffix(at.text()) + ".xlsx", List.of(new Xlsx.SheetData("支出明细", List.of("乡镇",
                "耕地转进项目", "用途", "支付笔数", "已支付(元)", "已批准未支付(元)"), lines)));
    }

    @Serdeable
    public record Funds(long countyId, int year, @Nullable String asOf, List<JooqFundAndMarketReport.FundRow> townships,
                        long openingFen, long receivedFen, long expensesFen, long paidOutFen, long closingFen) {
    }

    @Serdeable
    public record MarketReport(long countyId, int year, @Nullable String asOf,
                               List<JooqFundAndMarketReport.MarketMonth> byMonth, long areaM2, long amountFen) {
    }

    /** Opening = last year's closing (结转); closing is carried over into the next year. */
    @ApiResponse(responseCode = "200", description = "the report, or its workbook", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Funds.class)),
            @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary"))})
    @Get(value = "/funds", produces = {MediaType.APPLICATION_JSON, Xlsx.MEDIA_TYPE})
    @ReadOnly
    public HttpResponse<?> funds(HttpRequest<?> request, Actor actor, @QueryValue long countyId,
                                 @Nullable @QueryValue @Min(2000) @Max(2100) Integer year,
                                 @Nullable @QueryValue String asOf) {
        Tenancy.requireCountyRoleOf(actor, countyId);
        AsOf at = CountyYear.asOf(asOf, clock);
        int y = CountyYear.year(year, at, clock);
        List<JooqFundAndMarketReport.FundRow> rows = report.funds(countyId, y, at);
        Funds body = new Funds(countyId, y, at.text(), rows, rows.stream().mapToLong(JooqFundAndMarketReport.FundRow::openingFen).sum(),
                rows.stream().mapToLong(JooqFundAndMarketReport.FundRow::receivedFen).sum(),
                rows.stream().mapToLong(JooqFundAndMarketReport.FundRow::expensesFen).sum(),
                rows.stream().mapToLong(JooqFundAndMarketReport.FundRow::paidOutFen).sum(),
                rows.stream().mapToLong(JooqFundAndMarketReport.FundRow::closingFen).sum());
        if (!Xlsx.wanted(request)) {
            return HttpResponse.ok(body);
        }
        List<List<Object>> lines = Xlsx.rows();
        for (JooqFundAndMarketReport.FundRow r : rows) {
            lines.add(List.of(r.name(), yuan(r.openingFen()), yuan(r.feesFen()), yuan(r.salesFen()), yuan(r.reassignedInFen()),
                    yuan(r.otherReceiptsFen()), yuan(r.reassignedOutFen()), yuan(r.expensesFen()), yuan(r.refundsFen()),
                    yuan(r.repaidFen()), yuan(r.closingFen())));
        }
        return Xlsx.response("专项资金收支表-" + y + CountyYear.fileSuffix(at.text()) + ".xlsx", List.of(new Xlsx.SheetData("专项资金", List.of("乡镇",
                "上年结转(元)", "缴费收入(元)", "指标交易收入(元)", "调入(元)", "其他收入(元)", "调出(元)", "支出(元)", "退款(元)",
                "归还储备(元)", "结转下年(元)"), lines)));
    }

    @ApiResponse(responseCode = "200", description = "the report, or its workbook", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MarketReport.class)),
            @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary"))})
    @Get(value = "/market", produces = {MediaType.APPLICATION_JSON, Xlsx.MEDIA_TYPE})
    @ReadOnly
    public HttpResponse<?> market(HttpRequest<?> request, Actor actor, @QueryValue long countyId,
                                  @Nullable @QueryValue @Min(2000) @Max(2100) Integer year,
                                  @Nullable @QueryValue String asOf) {
        Tenancy.requireCountyRoleOf(actor, countyId);
        AsOf at = CountyYear.asOf(asOf, clock);
        int y = CountyYear.year(year, at, clock);
        List<JooqFundAndMarketReport.MarketMonth> months = report.market(countyId, y, at);
        MarketReport body = new MarketReport(countyId, y, at.text(), months,
                months.stream().mapToLong(JooqFundAndMarketReport.MarketMonth::areaM2).sum(),
                months.stream().mapToLong(JooqFundAndMarketReport.MarketMonth::amountFen).sum());
        if (!Xlsx.wanted(request)) {
            return HttpResponse.ok(body);
        }
        List<List<Object>> lines = Xlsx.rows();
        for (JooqFundAndMarketReport.MarketMonth m : months) {
            lines.add(List.of(m.month(), m.orders(), java.math.BigDecimal.valueOf(m.areaM2(), 4), yuan(m.amountFen()),
                    m.averagePricePerMuFen() == null ? "" : yuan(m.averagePricePerMuFen())));
        }
        return Xlsx.response("指标交易月报-" + y + CountyYear.fileSuffix(at.text()) + ".xlsx", List.of(new Xlsx.SheetData("交易", List.of("月份", "成交笔数",
                "成交面积(公顷)", "成交金额(元)", "均价(元/亩)"), lines)));
    }

    private static java.math.BigDecimal yuan(long fen) {
        return java.math.BigDecimal.valueOf(fen, 2);
    }
}
