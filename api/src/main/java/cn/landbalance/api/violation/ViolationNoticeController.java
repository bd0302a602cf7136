package cn.landbalance.api.violation;

import cn.landbalance.api.document.PdfDocuments;
import cn.landbalance.api.document.PrintedPdf;
import cn.landbalance.settlement.document.DocumentContents;
import cn.landbalance.settlement.document.DocumentService;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.violation.ViolationCase;
import cn.landbalance.settlement.violation.ViolationService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.transaction.Transactional;

/**
 * The freeze and deduction notice (指标冻结扣减通知书) of a violation case as it stands, as PDF under a verification
 * code: a notice printed before the case changed verifies as genuine but no longer current.
 */
@Tag(name = "violations")
@Controller("/api/violations")
@Secured({"COUNTY_ADMIN", "COUNTY_VIEWER", "TOWNSHIP_OFFICER"})
public class ViolationNoticeController {
    private final ViolationService violations;
    private final DocumentContents contents;
    private final DocumentService documents;
    private final PdfDocuments pdf;

    public ViolationNoticeController(ViolationService violations, DocumentContents contents, DocumentService documents,
                                     PdfDocuments pdf) {
        this.violations = violations;
        this.contents = contents;
        this.documents = documents;
        this.pdf = pdf;
    }

    @Get(value = "/{id}/notice", produces = {"application/pdf", MediaType.APPLICATION_JSON})
    @Transactional
    public HttpResponse<byte[]> notice(Actor actor, @PathVariable long id) {
        ViolationCase c = violations.get(actor, id);
        String safe = c.caseNo().replaceAll("[^0-9A-Za-z_-]", "_");
        return PrintedPdf.response(documents.print(contents.violation(c), pdf), "violation-notice-" + safe,
                "冻结扣减通知书-" + c.caseNo());
    }
}
