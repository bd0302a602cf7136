package cn.landbalance.api.inflow;

import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Tenancy;
import cn.landbalance.settlement.imports.ImportReport;
import cn.landbalance.settlement.inflow.InflowImport;
import cn.landbalance.settlement.outflow.OutflowImport;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@Tag(name = "imports")
@Controller("/api/imports")
@Secured("COUNTY_ADMIN")
public class ImportController {
    private final InflowImport inflowImport;
    private final OutflowImport outflowImport;
    private final Clock clock;

    public ImportController(InflowImport inflowImport, OutflowImport outflowImport, Clock clock) {
        this.inflowImport = inflowImport;
        this.outflowImport = outflowImport;
        this.clock = clock;
    }

    @Serdeable
    public record Issue(int row, String code, String message) {
        static List<Issue> of(List<ImportReport.RowIssue> issues) {
            return issues.stream().map(i -> new Issue(i.row(), i.code().name(), i.message())).toList();
        }
    }

    @Serdeable
    public record Report(int rowsRead, int imported, long importedM2, String importedHectares, List<Issue> rejected,
                         List<Issue> warnings) {
        static Report of(ImportReport r) {
            return new Report(r.rowsRead(), r.imported(), r.importedM2(), Units.m2ToHectares(r.importedM2()),
                    Issue.of(r.rejected()), Issue.of(r.warnings()));
        }
    }

    /**
     * Imports an approved plan's 附表1 (耕地转进) CSV: valid rows become accepted projects and lots, every
     * other row is reported. {@code qualityGrade} applies to rows without a quality_grade column.
     */
    @Post("/inflow")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Transactional
    @Idempotent
    public HttpResponse<Report> importInflow(Actor actor, @QueryValue long countyId,
                               @Nullable @QueryValue @Min(2000) @Max(2100) Integer year,
                               @Nullable @QueryValue @Min(1) @Max(15) Integer qualityGrade,
                               @Body String csv) {
        Tenancy.requireCountyRoleOf(actor, countyId);
        return HttpResponse.ok(Report.of(inflowImport.run(countyId, planYear(year), qualityGrade, csv)));
    }

    /**
     * Imports an approved plan's 附表2 (耕地转出) CSV: valid rows become approved applications of their
     * township with their obligations; every other row is reported.
     */
    @Post("/outflow")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Transactional
    @Idempotent
    public HttpResponse<Report> importOutflow(Actor actor, @QueryValue long countyId,
                                @Nullable @QueryValue @Min(2000) @Max(2100) Integer year,
                                @Nullable @QueryValue @Min(1) @Max(15) Integer qualityGrade,
                                @Body String csv) {
        Tenancy.requireCountyRoleOf(actor, countyId);
        return HttpResponse.ok(Report.of(outflowImport.run(countyId, planYear(year), qualityGrade, csv)));
    }

    private int planYear(Integer year) {
        return year == null ? LocalDate.now(clock).getYear() : year;
    }
}
