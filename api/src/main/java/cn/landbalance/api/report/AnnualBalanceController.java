package cn.landbalance.api.report;

import cn.landbalance.infra.report.JooqAnnualReport;
import cn.landbalance.ledger.common.AsOf;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Tenancy;
import cn.landbalance.settlement.outflow.CountyBalances;
import cn.landbalance.settlement.outflow.YearBalance;
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

/**
 * The annual balance per township by the one definition of a year's balance ({@link YearBalance}: obligations against
 * their coverage, fee land still owed, spare indicators, net, balanced or not) with the plan's appendix tables 附表1 (转进)
 * and 附表2 (转出) produced from the system's data; now, or as the books stood at the end of a day or at a moment
 * ({@code asOf}).
 */
@Tag(name = "reports")
@Controller("/api/reports")
@Secured({"COUNTY_ADMIN", "COUNTY_VIEWER"})
@SerdeImport(JooqAnnualReport.InflowRow.class)
@SerdeImport(JooqAnnualReport.OutflowRow.class)
public class AnnualBalanceController {
    private final CountyBalances balances;
    private final JooqAnnualReport report;

    private final Clock clock;

    public AnnualBalanceController(CountyBalances balances, JooqAnnualReport report, Clock clock) {
        this.clock = clock;
        this.balances = balances;
        this.report = report;
    }

    @Serdeable
    public record AnnualBalance(long countyId, int year, @Nullable String asOf, List<YearBalance> townships, YearTotals totals,
                                List<JooqAnnualReport.InflowRow> appendix1, List<JooqAnnualReport.OutflowRow> appendix2) {
    }

    @ApiResponse(responseCode = "200", description = "the report, or its workbook", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnnualBalance.class)),
            @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary"))})
    @Get(value = "/annual-balance", produces = {MediaType.APPLICATION_JSON, Xlsx.MEDIA_TYPE})
    @ReadOnly
    public HttpResponse<?> annualBalance(HttpRequest<?> request, Actor actor, @QueryValue long countyId,
                                         @Nullable @QueryValue @Min(2000) @Max(2100) Integer year,
                                         @Nullable @QueryValue String asOf) {
        Tenancy.requireCountyRoleOf(actor, countyId);
        AsOf at = CountyYear.asOf(asOf, clock);
        int y = CountyYear.year(year, at, clock);
        List<YearBalance> rows = CountyYear.balances(balances, countyId, y, at);
        AnnualBalance body = new AnnualBalance(countyId, y, at.text(), rows, YearTotals.of(rows),
                report.appendixInflow(countyId, y, at), report.appendixOutflow(countyId, y, at));
        return Xlsx.wanted(request) ? workbook(body) : HttpResponse.ok(body);
    }

    private static HttpResponse<byte[]> workbook(AnnualBalance b) {
        List<List<Object>> summary = Xlsx.rows();
        for (YearBalance t : b.townships()) {
            summary.add(List.of(t.name(), ha(t.outflowM2()), ha(t.inflowM2()), ha(t.obligationM2()), ha(t.selfCoveredM2()),
                    ha(t.boughtM2()), ha(t.adjustedInM2()), ha(t.feeCoveredM2()), ha(t.soldM2()), ha(t.adjustedOutM2()),
                    ha(t.remainingM2()), ha(t.feeOwedM2()), ha(t.spareM2()), ha(t.netM2()), t.balanced() ? "是" : "否"));
        }
        YearTotals s = b.totals();
        summary.add(List.of("合计", ha(s.outflowM2()), ha(s.inflowM2()), ha(s.obligationM2()), ha(s.selfCoveredM2()),
                ha(s.boughtM2()), ha(s.adjustedInM2()), ha(s.feeCoveredM2()), ha(sum(b, YearBalance::soldM2)),
                ha(sum(b, YearBalance::adjustedOutM2)), ha(s.remainingM2()), ha(s.feeOwedM2()), ha(s.spareM2()),
                ha(s.spareM2() - s.shortfallM2()), s.balancedTownships() + "/" + s.townships()));
        List<List<Object>> in = Xlsx.rows();
        long[] inTotals = new long[5];
        for (JooqAnnualReport.InflowRow r : b.appendix1()) {
            in.add(List.of(r.township(), r.village(), r.landClassBefore(), r.targetClass(), r.ownership(),
                    r.restorationAttr() == null ? "——" : r.restorationAttr(), ha(r.slope1M2()), ha(r.slope2M2()),
                    ha(r.slope3M2()), ha(r.slope4M2()), ha(r.areaM2())));
            long[] v = {r.slope1M2(), r.slope2M2(), r.slope3M2(), r.slope4M2(), r.areaM2()};
            for (int i = 0; i < 5; i++) {
                inTotals[i] += v[i];
            }
        }
        in.add(List.of("合计", "", "", "", "", "", ha(inTotals[0]), ha(inTotals[1]), ha(inTotals[2]), ha(inTotals[3]),
                ha(inTotals[4])));
        List<List<Object>> out = Xlsx.rows();
        long[] outTotals = new long[6];
        for (JooqAnnualReport.OutflowRow r : b.appendix2()) {
            out.add(List.of(r.township(), r.landClassAfter(), ha(r.slope1M2()), ha(r.slope2M2()), ha(r.slope3M2()),
                    ha(r.slope4M2()), ha(r.slope5M2()), r.ownership(), ha(r.areaM2())));
            long[] v = {r.slope1M2(), r.slope2M2(), r.slope3M2(), r.slope4M2(), r.slope5M2(), r.areaM2()};
            for (int i = 0; i < 6; i++) {
                outTotals[i] += v[i];
            }
        }
        out.add(List.of("合计", "", ha(outTotals[0]), ha(outTotals[1]), ha(outTotals[2]), ha(outTotals[3]), ha(outTotals[4]),
                "", ha(outTotals[5])));
        return Xlsx.response("年度耕地进出平衡表-" + b.year() + CountyYear.fileSuffix(b.asOf()) + ".xlsx", List.of(
                new Xlsx.SheetData("年度平衡", List.of("乡镇", "转出(公顷)", "转进(公顷)", "平衡责任(公顷)", "自行落实(公顷)",
                        "购入(公顷)", "调剂调入(公顷)", "缴费落实(公顷)", "售出(公顷)", "调剂调出(公顷)", "尚需落实(公顷)",
                        "应补耕地(公顷)", "可用指标(公顷)", "净额(公顷)", "是否平衡"), summary),
                new Xlsx.SheetData("附表1 耕地转进", List.of("乡镇", "村", "转进前地类", "恢复地类", "权属", "恢复属性",
                        "坡度1级(公顷)", "坡度2级(公顷)", "坡度3级(公顷)", "坡度4级(公顷)", "合计(公顷)"), in),
                new Xlsx.SheetData("附表2 耕地转出", List.of("乡镇", "转出后地类", "坡度1级(公顷)", "坡度2级(公顷)",
                        "坡度3级(公顷)", "坡度4级(公顷)", "坡度5级(公顷)", "权属性质", "合计(公顷)"), out)));
    }

    private static long sum(AnnualBalance b, java.util.function.ToLongFunction<YearBalance> field) {
        return b.townships().stream().mapToLong(field).sum();
    }

    /** 公顷 as an exact 4-decimal number for the spreadsheet. */
    private static java.math.BigDecimal ha(long m2) {
        return java.math.BigDecimal.valueOf(m2, 4);
    }
}
