package cn.landbalance.api.payment;

import cn.landbalance.api.Page;
import cn.landbalance.api.document.PdfDocuments;
import cn.landbalance.api.document.PrintedPdf;
import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.settlement.document.DocumentContent;
import cn.landbalance.settlement.document.DocumentContents;
import cn.landbalance.settlement.document.DocumentService;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.payment.NoticeQuery;
import cn.landbalance.settlement.payment.PaymentNotice;
import cn.landbalance.settlement.payment.PaymentService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * Payment notices (缴款通知书): the payer reads and downloads them; the payee township's finance confirms that a
 * notice's money arrived, which settles the order or fee it is for.
 */
@Tag(name = "payments")
@Controller("/api/payment-notices")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class PaymentNoticeController {
    private final PaymentService payments;
    private final NoticeDocuments workbooks;
    private final DocumentContents contents;
    private final DocumentService documents;
    private final PdfDocuments pdf;

    public PaymentNoticeController(PaymentService payments, NoticeDocuments workbooks, DocumentContents contents,
                                   DocumentService documents, PdfDocuments pdf) {
        this.payments = payments;
        this.workbooks = workbooks;
        this.contents = contents;
        this.documents = documents;
        this.pdf = pdf;
    }

    /** What finance read off the bank's receipt (回单): the serial, the day the money arrived, the amount, who paid. */
    @Serdeable
    public record Confirmation(@NotBlank @Size(max = 128) String bankSerial, @NotNull LocalDate receivedOn,
                               @NotNull @Positive Long amountFen, @Nullable @Size(max = 200) String payerName,
                               @Nullable @Size(max = 64) String payerAccount) {
    }

    /**
     * The notices the user may see, newest first: an enterprise those it owes; a township officer those payable to its
     * township (its to-confirm list with {@code status=OPEN}) and those it owes; county roles the county's.
     */
    @Get("{?status,kind,orderId,applicationId,townshipId,payerOrgId,page,size}")
    @ReadOnly
    public Page<NoticeView> list(Actor actor, @Nullable @QueryValue PaymentNotice.Status status,
                                 @Nullable @QueryValue PaymentNotice.Kind kind, @Nullable @QueryValue @Positive Long orderId,
                                 @Nullable @QueryValue @Positive Long applicationId,
                                 @Nullable @QueryValue @Positive Long townshipId, @Nullable @QueryValue @Positive Long payerOrgId,
                                 @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                 @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        PaymentService.NoticeList found = payments.list(actor,
                new NoticeQuery(actor.countyId(), payerOrgId, townshipId, false, status, kind, orderId, applicationId), page, size);
        return new Page<>(found.notices().stream().map(NoticeView::of).toList(), page, size, found.total());
    }

    @Get("/{id}")
    @ReadOnly
    public NoticeView get(Actor actor, @PathVariable long id) {
        return NoticeView.of(payments.get(actor, id));
    }

    /**
     * The notice to print or hand to the bank: {@code format=pdf} (the default; issued under a verification code, the
     * same file again while the notice says the same) or {@code xlsx}.
     */
    @Get(value = "/{id}/document{?format}", produces = {"application/pdf", cn.landbalance.api.report.Xlsx.MEDIA_TYPE,
            io.micronaut.http.MediaType.APPLICATION_JSON})
    @Transactional
    public HttpResponse<byte[]> document(Actor actor, @PathVariable long id, @Nullable @QueryValue String format) {
        PaymentNotice notice = payments.get(actor, id);
        boolean xlsx = "xlsx".equalsIgnoreCase(format);
        if (format != null && !xlsx && !"pdf".equalsIgnoreCase(format)) {
            throw cn.landbalance.ledger.common.DomainException.field(cn.landbalance.ledger.common.ErrorCode.VALIDATION_FAILED,
                    "format", "格式应为 pdf 或 xlsx", "format is pdf or xlsx");
        }
        DocumentContent content = contents.notice(notice);
        if (!xlsx) {
            return PrintedPdf.response(documents.print(content, pdf), "notice-" + notice.remittanceCode(),
                    "缴款通知书-" + notice.remittanceCode());
        }
        String name = "缴款通知书-" + notice.remittanceCode() + ".xlsx";
        return HttpResponse.ok(workbooks.xlsx(notice, content))
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", "attachment; filename=\"notice-" + notice.remittanceCode()
                        + ".xlsx\"; filename*=UTF-8''" + java.net.URLEncoder.encode(name,
                        java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /**
     * The township's receipt (收款凭证) for a paid notice, as PDF under a verification code; 409 NOTICE_NOT_PAID while
     * the money has not been confirmed.
     */
    @Get(value = "/{id}/receipt", produces = {"application/pdf", io.micronaut.http.MediaType.APPLICATION_JSON})
    @Transactional
    public HttpResponse<byte[]> receipt(Actor actor, @PathVariable long id) {
        PaymentNotice notice = payments.get(actor, id);
        if (notice.status() != PaymentNotice.Status.PAID) {
            throw new cn.landbalance.ledger.common.DomainException(cn.landbalance.ledger.common.ErrorCode.NOTICE_NOT_PAID,
                    "缴款通知书 " + notice.remittanceCode() + " " + PaymentNotice.label(notice.status()),
                    "notice " + notice.remittanceCode() + " is " + notice.status());
        }
        return PrintedPdf.response(documents.print(contents.receipt(notice), pdf), "receipt-" + notice.remittanceCode(),
                "收款凭证-" + notice.remittanceCode());
    }

    /** The payee township's finance confirms the money arrived; the order's part or the fee is settled with it. */
    @Post("/{id}/confirm")
    @Secured("TOWNSHIP_OFFICER")
    @Transactional
    @Idempotent
    public HttpResponse<NoticeView> confirm(Actor actor, @PathVariable long id, @Valid @Body Confirmation body) {
        return HttpResponse.ok(NoticeView.of(payments.confirm(actor, id, new PaymentService.Arrival(body.bankSerial(),
                body.receivedOn(), body.amountFen(), body.payerName(), body.payerAccount(), null))));
    }

    /** The payer (or the county) withdraws an open fee notice; an order's notices end with the order. */
    @Post("/{id}/cancel")
    @Secured({"ENTERPRISE", "TOWNSHIP_OFFICER", "COUNTY_ADMIN"})
    @Transactional
    @Idempotent
    public HttpResponse<NoticeView> cancel(Actor actor, @PathVariable long id) {
        return HttpResponse.ok(NoticeView.of(payments.cancelFee(actor, id)));
    }
}
