package cn.landbalance.api.inflow;

import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Tenancy;
import cn.landbalance.settlement.imports.PlanImportService;
import cn.landbalance.settlement.imports.PlanImportService.Preview;
import cn.landbalance.settlement.imports.PlanImports;
import cn.landbalance.settlement.imports.PlanKind;
import cn.landbalance.settlement.imports.RowIssue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The county imports its approved plan's tables (附表1 inflow, 附表2 outflow) as .xlsx or CSV: first a preview of every
 * row's outcome, then the commit of exactly that. The request body is the file itself.
 */
@Tag(name = "imports")
@Controller("/api/imports")
@Secured("COUNTY_ADMIN")
public class ImportController {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final PlanImportService imports;

    public ImportController(PlanImportService imports) {
        this.imports = imports;
    }

    @Serdeable
    public record IssueView(int row, String code, String severity, String message, String messageEn) {
        static IssueView of(RowIssue i) {
            return new IssueView(i.row(), i.code().name(), i.severity().name(), i.messageZh(), i.messageEn());
        }

        static List<IssueView> of(List<RowIssue> issues) {
            return issues.stream().map(IssueView::of).toList();
        }
    }

    @Serdeable
    public record RowView(int row, String outcome, String township, String village, String landClass, long areaM2,
                          String hectares, @Nullable Integer qualityGrade, List<IssueView> issues) {
        static RowView of(PlanImportService.PreviewRow r) {
            return new RowView(r.row(), r.outcome().name(), r.township(), r.village(), r.landClass(), r.areaM2(),
                    Units.m2ToHectares(r.areaM2()), r.qualityGrade(), IssueView.of(r.issues()));
        }
    }

    @Serdeable
    public record ImportView(long id, String kind, int year, @Nullable String fileName, String fileFormat,
                             int rowsImported, long areaM2, String hectares, int warnings, boolean active,
                             OffsetDateTime importedAt, @Nullable OffsetDateTime reversedAt,
                             @Nullable Long replacedBy) {
        static ImportView of(PlanImports.PlanImport p) {
            return new ImportView(p.id(), p.kind().name(), p.year(), p.fileName(), p.fileFormat(), p.rowsImported(),
                    p.areaM2(), Units.m2ToHectares(p.areaM2()), p.warnings(), p.active(), p.createdAt(), p.reversedAt(),
                    p.replacedBy());
        }
    }

    @Serdeable
    public record ConflictView(ImportView earlier, boolean sameContent, boolean replaceable, String reason,
                               String reasonEn) {
    }

    @Serdeable
    public record DefaultView(String field, String value, String source, String sourceEn) {
    }

    /** What the import will do, row by row; {@code digest} goes back with the commit. */
    @Serdeable
    public record PreviewView(String kind, long countyId, int year, @Nullable String fileName, String fileFormat,
                              String fileSha256, String contentSha256, int headerRows, Map<String, String> columns,
                              List<DefaultView> defaults, int rowsRead, int toImport, int warned, int refused,
                              int skipped, long importM2, String importHectares, List<ConflictView> conflicts,
                              String digest, List<RowView> rows) {
        static PreviewView of(Preview p) {
            return new PreviewView(p.kind().name(), p.countyId(), p.year(), p.fileName(), p.fileFormat(), p.fileSha256(),
                    p.contentSha256(), p.headerRows(), p.columns(),
                    p.defaults().stream().map(d -> new DefaultView(d.field(), d.value(), d.sourceZh(), d.sourceEn())).toList(),
                    p.rowsRead(), p.toImport(), p.warned(), p.refused(), p.skipped(), p.importM2(),
                    Units.m2ToHectares(p.importM2()), p.conflicts().stream().map(c -> new ConflictView(ImportView.of(c.earlier()),
                            c.sameContent(), c.replaceable(), c.reasonZh(), c.reasonEn())).toList(), p.digest(),
                    p.rows().stream().map(RowView::of).toList());
        }
    }

    /** What the commit wrote: the import's id, the rows read and imported, and every refused, warned and skipped row. */
    @Serdeable
    public record Report(long importId, String kind, int year, int rowsRead, int imported, long importedM2,
                         String importedHectares, List<IssueView> rejected, List<IssueView> warnings,
                         List<IssueView> skipped, List<Long> replaced) {
    }

    /** Previews an import of 附表1 ({@code inflow}) or 附表2 ({@code outflow}): nothing is written. */
    @Post("/{kind}/preview")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, XLSX, "application/vnd.ms-excel"})
    @ReadOnly
    public HttpResponse<PreviewView> preview(Actor actor, @PathVariable String kind, @QueryValue long countyId,
                                             @Nullable @QueryValue @Min(2000) @Max(2100) Integer year,
                                             @Nullable @QueryValue @Min(1) @Max(15) Integer qualityGrade,
                                             @Nullable @QueryValue Boolean replace,
                                             @Nullable @QueryValue @Size(max = 200) String fileName,
                                             @Nullable @Body byte[] file) {
        Tenancy.requireCountyRoleOf(actor, countyId);
        return HttpResponse.ok(PreviewView.of(imports.preview(request(actor, kind, countyId, year, qualityGrade, replace,
                fileName, file))));
    }

    /**
     * Imports the table: rows without errors are written (warned rows too), in one transaction. With
     * {@code previewDigest} the import is refused if its outcome is no longer what that preview showed; with
     * {@code replace=true} an earlier import of the same plan is withdrawn first (refused if anything it wrote was used).
     */
    @Post("/{kind}")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, XLSX, "application/vnd.ms-excel"})
    @Transactional
    @Idempotent
    public HttpResponse<Report> commit(Actor actor, @PathVariable String kind, @QueryValue long countyId,
                                       @Nullable @QueryValue @Min(2000) @Max(2100) Integer year,
                                       @Nullable @QueryValue @Min(1) @Max(15) Integer qualityGrade,
                                       @Nullable @QueryValue Boolean replace,
                                       @Nullable @QueryValue @Size(max = 200) String fileName,
                                       @Nullable @QueryValue @Size(max = 64) String previewDigest,
                                       @Nullable @Body byte[] file) {
        Tenancy.requireCountyRoleOf(actor, countyId);
        PlanImportService.Committed done = imports.commit(request(actor, kind, countyId, year, qualityGrade, replace,
                fileName, file), previewDigest);
        Preview p = done.preview();
        return HttpResponse.ok(new Report(done.importId(), p.kind().name(), p.year(), p.rowsRead(), p.toImport() + p.warned(),
                p.importM2(), Units.m2ToHectares(p.importM2()), IssueView.of(p.issues(RowIssue.Severity.ERROR)),
                IssueView.of(p.issues(RowIssue.Severity.WARNING)), IssueView.of(p.issues(RowIssue.Severity.SKIP)),
                done.replaced()));
    }

    /** The county's plan imports, newest first (replaced ones included). */
    @Get
    @ReadOnly
    @Secured({"COUNTY_ADMIN", "COUNTY_VIEWER"})
    public List<ImportView> history(Actor actor, @QueryValue long countyId) {
        Tenancy.requireCountyRoleOf(actor, countyId);
        return imports.history(countyId).stream().map(ImportView::of).toList();
    }

    private static PlanImportService.Request request(Actor actor, String kind, long countyId, Integer year,
                                                     Integer qualityGrade, Boolean replace, String fileName, byte[] file) {
        PlanKind planKind = switch (kind) {
            case "inflow" -> PlanKind.INFLOW;
            case "outflow" -> PlanKind.OUTFLOW;
            default -> throw new DomainException(ErrorCode.NOT_FOUND,
                    "没有“" + kind + "”类的导入（应为 inflow 或 outflow）",
                    "no import of kind '" + kind + "' (inflow or outflow)");
        };
        return new PlanImportService.Request(countyId, planKind, year, qualityGrade, Boolean.TRUE.equals(replace), fileName,
                file == null ? new byte[0] : file, actor.userId());
    }
}
