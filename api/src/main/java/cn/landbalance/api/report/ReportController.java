package cn.landbalance.api.report;

import cn.landbalance.infra.violation.JooqFreezeDeductionReport;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Tenancy;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Reports the county government acts on. (Excel export and the other reports come with the reports issue.) */
@Tag(name = "reports")
@Controller("/api/reports")
@Secured({"COUNTY_ADMIN", "COUNTY_VIEWER"})
@SerdeImport(JooqFreezeDeductionReport.TownshipRow.class)
@SerdeImport(JooqFreezeDeductionReport.MonthRow.class)
public class ReportController {
    private final JooqFreezeDeductionReport freezeDeduction;

    public ReportController(JooqFreezeDeductionReport freezeDeduction) {
        this.freezeDeduction = freezeDeduction;
    }

    @Serdeable
    public record Totals(long cases, long frozenM2, long unfrozenM2, long deductedM2, long owedM2) {
    }

    @Serdeable
    public record FreezeDeduction(long countyId, int year, List<JooqFreezeDeductionReport.TownshipRow> townships,
                                  Totals totals, List<JooqFreezeDeductionReport.MonthRow> byMonth) {
    }

    @Get("/freeze-deduction")
    @ReadOnly
    public FreezeDeduction freezeDeduction(Actor actor, @QueryValue long countyId,
                                           @Nullable @QueryValue @Min(2000) @Max(2100) Integer year) {
        Tenancy.requireCountyRoleOf(actor, countyId);
        int y = year == null ? LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() : year;
        List<JooqFreezeDeductionReport.TownshipRow> rows = freezeDeduction.townships(countyId, y);
        Totals totals = new Totals(rows.stream().mapToLong(JooqFreezeDeductionReport.TownshipRow::cases).sum(),
                rows.stream().mapToLong(JooqFreezeDeductionReport.TownshipRow::frozenM2).sum(),
                rows.stream().mapToLong(JooqFreezeDeductionReport.TownshipRow::unfrozenM2).sum(),
                rows.stream().mapToLong(JooqFreezeDeductionReport.TownshipRow::deductedM2).sum(),
                rows.stream().mapToLong(JooqFreezeDeductionReport.TownshipRow::owedM2).sum());
        return new FreezeDeduction(countyId, y, rows, totals, freezeDeduction.byMonth(countyId, y));
    }
}
