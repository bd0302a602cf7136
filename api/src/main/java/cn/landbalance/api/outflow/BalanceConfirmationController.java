package cn.landbalance.api.outflow;

import cn.landbalance.api.document.PdfDocuments;
import cn.landbalance.api.document.PrintedPdf;
import cn.landbalance.api.identity.Names;
import cn.landbalance.api.report.Xlsx;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.settlement.document.DocumentContents;
import cn.landbalance.settlement.document.DocumentService;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.outflow.CoverageKind;
import cn.landbalance.settlement.outflow.Obligation;
import cn.landbalance.settlement.outflow.OutflowApplication;
import cn.landbalance.settlement.outflow.OutflowService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * 平衡确认单: once an application's obligation is fully covered, what covers it — as JSON, .xlsx, or a PDF issued under
 * a verification code (the same file again while the coverage is the same).
 */
@Tag(name = "outflow")
@Controller("/api/outflow-applications")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class BalanceConfirmationController {
    private final OutflowService outflow;
    private final Names names;
    private final DocumentContents documentContents;
    private final DocumentService documents;
    private final PdfDocuments pdf;
    private final Clock clock;

    public BalanceConfirmationController(OutflowService outflow, Names names, DocumentContents documentContents,
                                         DocumentService documents, PdfDocuments pdf, Clock clock) {
        this.outflow = outflow;
        this.names = names;
        this.documentContents = documentContents;
        this.documents = documents;
        this.pdf = pdf;
        this.clock = clock;
    }

    @Serdeable
    public record Confirmation(String title, long applicationId, long applicantOrgId, String applicant, long townshipId,
                               String township, String category, String landClassAfter, long areaM2, String areaHectares,
                               long requiredM2, String requiredHectares, long coveredM2, List<ConfirmationLine> coverages,
                               long amountFen, String amountYuan, OffsetDateTime issuedAt) {
    }

    @Serdeable
    public record ConfirmationLine(CoverageKind kind, long areaM2, String areaHectares, long townshipId,
                                   String township, @Nullable Long lotId, @Nullable Integer qualityGrade,
                                   @Nullable Long amountFen, String reference) {
    }

    /** 平衡确认单: once the obligation is fully covered, what covers it (lots, townships, areas, amounts, references). */
    @ApiResponse(responseCode = "200", description = "the confirmation, its workbook or its PDF", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Confirmation.class)),
            @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))})
    @Get(value = "/{id}/confirmation{?format}", produces = {MediaType.APPLICATION_JSON, Xlsx.MEDIA_TYPE, "application/pdf"})
    @Transactional
    public HttpResponse<?> confirmation(HttpRequest<?> request, Actor actor, @PathVariable long id,
                                        @Nullable @QueryValue String format) {
        OutflowApplication app = outflow.get(actor, id);
        Obligation obligation = outflow.obligation(app);
        if (!obligation.fullyCovered()) {
            throw new DomainException(ErrorCode.OBLIGATION_NOT_FULLY_COVERED,
                    "尚有 " + cn.landbalance.ledger.common.Units.areaZh(obligation.remainingM2()) + " 未落实",
                    obligation.remainingM2() + " m² still uncovered");
        }
        if ("pdf".equalsIgnoreCase(format) || (format == null && request.accept().stream()
                .anyMatch(m -> m.getName().equals("application/pdf")))) {
            // fully covered (checked above), so printable: a rejected or withdrawn application's coverage is undone
            var content = documentContents.confirmation(app).orElseThrow();
            return PrintedPdf.response(documents.print(content, pdf), "balance-confirmation-" + app.id(),
                    "平衡确认单-" + app.id());
        }
        if (format != null && !format.equalsIgnoreCase("xlsx") && !format.equalsIgnoreCase("json")) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "format",
                    "格式应为 pdf、xlsx 或 json", "format is pdf, xlsx or json");
        }
        List<ConfirmationLine> lines = obligation.coverages().stream().map(c -> new ConfirmationLine(c.kind(), c.areaM2(),
                Units.m2ToHectares(c.areaM2()), c.townshipId(), names.regionName(c.townshipId()), c.lotId(), c.qualityGrade(),
                c.amountFen(), c.ref())).toList();
        long amount = obligation.coverages().stream().mapToLong(c -> c.amountFen() == null ? 0 : c.amountFen()).sum();
        Confirmation confirmation = new Confirmation("耕地“进出平衡”平衡确认单", app.id(), app.applicantOrgId(),
                names.organizationName(app.applicantOrgId()), app.townshipId(), names.regionName(app.townshipId()),
                app.category().name(), app.landClassAfter(), app.areaM2(), Units.m2ToHectares(app.areaM2()),
                obligation.requiredM2(), Units.m2ToHectares(obligation.requiredM2()), obligation.coveredM2(), lines, amount,
                Units.fenToYuan(amount), OffsetDateTime.now(clock));
        if ("xlsx".equalsIgnoreCase(format) || (format == null && Xlsx.wanted(request))) {
            return confirmationWorkbook(confirmation, clock);
        }
        return HttpResponse.ok(confirmation)
                .header("Content-Disposition", "attachment; filename=\"balance-confirmation-" + app.id() + ".json\"");
    }

    /** The confirmation as the applicant files it: the application's facts, then one line per coverage. */
    private static HttpResponse<byte[]> confirmationWorkbook(Confirmation c, Clock clock) {
        List<List<Object>> facts = Xlsx.rows();
        facts.add(List.of("申请编号", String.valueOf(c.applicationId())));
        facts.add(List.of("转出主体", c.applicant()));
        facts.add(List.of("乡镇", c.township()));
        facts.add(List.of("转出后地类", c.landClassAfter()));
        facts.add(List.of("转出面积(公顷)", new java.math.BigDecimal(c.areaHectares())));
        facts.add(List.of("平衡责任面积(公顷)", new java.math.BigDecimal(c.requiredHectares())));
        facts.add(List.of("已落实面积(公顷)", new java.math.BigDecimal(Units.m2ToHectares(c.coveredM2()))));
        facts.add(List.of("费用合计(元)", new java.math.BigDecimal(c.amountYuan())));
        facts.add(List.of("出具时间", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(c.issuedAt().atZoneSameInstant(clock.getZone()))));
        List<List<Object>> lines = Xlsx.rows();
        for (ConfirmationLine l : c.coverages()) {
            lines.add(java.util.Arrays.asList(DocumentContents.label(l.kind()), new java.math.BigDecimal(l.areaHectares()), l.township(), l.lotId() == null ? "" : String.valueOf(l.lotId()),
                    l.qualityGrade() == null ? "" : String.valueOf(l.qualityGrade()),
                    l.amountFen() == null ? "" : new java.math.BigDecimal(Units.fenToYuan(l.amountFen())), l.reference()));
        }
        return Xlsx.response("平衡确认单-" + c.applicationId() + ".xlsx", List.of(
                new Xlsx.SheetData(c.title(), List.of("项目", "内容"), facts),
                new Xlsx.SheetData("落实明细", List.of("落实方式", "面积(公顷)", "指标来源乡镇", "指标批次", "质量等别", "金额(元)", "凭证号"), lines)));
    }
}
