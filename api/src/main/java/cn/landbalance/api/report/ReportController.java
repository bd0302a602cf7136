package cn.landbalance.api.report;

import cn.landbalance.infra.report.JooqFreezeDeductionReport;
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

/** Reports the county government acts on. (Excel export and the other reports come with the reports issue.) */
@Tag(name = "reports")
@Controller("/api/reports")
@Secured({"COUNTY_ADMIN", "COUNTY_VIEWER"})
@SerdeImport(JooqFreezeDeductionReport.TownshipRow.class)
@SerdeImport(JooqFreezeDeductionReport.MonthRow.class)
public class ReportController {
    private final JooqFreezeDeductionReport freezeDeduction;

    private final Clock clock;

    public ReportController(JooqFreezeDeductionReport freezeDeduction, Clock clock) {
        this.clock = clock;
        this.freezeDeduction = freezeDeduction;
    }

    @Serdeable
    public record Totals(long cases, long frozenM2, long unfrozenM2, long deductedM2, long owedM2) {
    }

    @Serdeable
    public record FreezeDeduction(long countyId, int year, @Nullable String asOf, List<JooqFreezeDeductionReport.TownshipRow> townships,
                                  Totals totals, List<JooqFreezeDeductionReport.MonthRow> byMonth) {
    }

    /** JSON, or an .xlsx workbook (sheets 乡镇 and 月度) with {@code Accept: } the spreadsheet media type. */
    @ApiResponse(responseCode = "200", description = "the report, or its workbook", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FreezeDeduction.class)),
            @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary"))})
    @Get(value = "/freeze-deduction", produces = {MediaType.APPLICATION_JSON, Xlsx.MEDIA_TYPE})
    @ReadOnly
    public HttpResponse<?> freezeDeductionReport(HttpRequest<?> request, Actor actor, @QueryValue long countyId,
                                                 @Nullable @QueryValue @Min(2000) @Max(2100) Integer year,
                                                 @Nullable @QueryValue String asOf) {
        FreezeDeduction report = freezeDeduction(actor, countyId, year, CountyYear.asOf(asOf, clock));
        if (!Xlsx.wanted(request)) {
            return HttpResponse.ok(report);
        }
        List<List<Object>> townships = Xlsx.rows();
        for (JooqFreezeDeductionReport.TownshipRow t : report.townships()) {
            townships.add(List.of(t.name(), t.cases(), t.frozenM2(), t.unfrozenM2(), t.deductedM2(), t.owedM2()));
        }
        Totals s = report.totals();
        townships.add(List.of("合计", s.cases(), s.frozenM2(), s.unfrozenM2(), s.deductedM2(), s.owedM2()));
        List<List<Object>> months = Xlsx.rows();
        for (JooqFreezeDeductionReport.MonthRow m : report.byMonth()) {
            months.add(List.of(m.month(), m.frozenM2(), m.unfrozenM2(), m.deductedM2()));
        }
        return Xlsx.response("冻结扣减统计表-" + report.year() + CountyYear.fileSuffix(report.asOf()) + ".xlsx", List.of(
                new Xlsx.SheetData("乡镇", List.of("乡镇", "案件数", "冻结(平方米)", "解冻(平方米)", "扣减(平方米)", "借用待还(平方米)"), townships),
                new Xlsx.SheetData("月度", List.of("月份", "冻结(平方米)", "解冻(平方米)", "扣减(平方米)"), months)));
    }

    private FreezeDeduction freezeDeduction(Actor actor, long countyId, Integer year, AsOf at) {
        Tenancy.requireCountyRoleOf(actor, countyId);
        int y = CountyYear.year(year, at, clock);
        List<JooqFreezeDeductionReport.TownshipRow> rows = freezeDeduction.townships(countyId, y, at);
        Totals totals = new Totals(rows.stream().mapToLong(JooqFreezeDeductionReport.TownshipRow::cases).sum(),
                rows.stream().mapToLong(JooqFreezeDeductionReport.TownshipRow::frozenM2).sum(),
                rows.stream().mapToLong(JooqFreezeDeductionReport.TownshipRow::unfrozenM2).sum(),
                rows.stream().mapToLong(JooqFreezeDeductionReport.TownshipRow::deductedM2).sum(),
                rows.stream().mapToLong(JooqFreezeDeductionReport.TownshipRow::owedM2).sum());
        return new FreezeDeduction(countyId, y, at.text(), rows, totals, freezeDeduction.byMonth(countyId, y, at));
    }
}
