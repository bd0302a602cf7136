package cn.landbalance.api.payment;

import cn.landbalance.api.fund.FundController;
import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.payment.PaymentNotice;
import cn.landbalance.settlement.payment.PaymentService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The township fund's bank account (专户) that payment notices name as payee. */
@Tag(name = "payments")
@Controller("/api/townships/{townshipId}/account/payee")
@Secured({"TOWNSHIP_OFFICER", "COUNTY_ADMIN", "COUNTY_VIEWER"})
public class PayeeAccountController {
    private final PaymentService payments;
    private final Regions regions;

    public PayeeAccountController(PaymentService payments, Regions regions) {
        this.payments = payments;
        this.regions = regions;
    }

    @Serdeable
    public record PayeeBody(@NotBlank @Size(max = 100) String accountName, @NotBlank @Size(max = 100) String bankName,
                            @NotBlank @Size(max = 40) String accountNo) {
    }

    @Get
    @ReadOnly
    public NoticeView.Payee get(Actor actor, @PathVariable long townshipId) {
        return view(payments.payee(FundController.visibleTownship(regions, actor, townshipId)));
    }

    /** Sets the account for notices issued from now on; notices already issued keep the account they name. */
    @Put
    @Secured({"TOWNSHIP_OFFICER", "COUNTY_ADMIN"})
    @Transactional
    @Idempotent
    public HttpResponse<NoticeView.Payee> set(Actor actor, @PathVariable long townshipId, @Valid @Body PayeeBody body) {
        return HttpResponse.ok(view(payments.setPayee(actor, FundController.visibleTownship(regions, actor, townshipId),
                new PaymentNotice.Payee(body.accountName(),
                body.bankName(), body.accountNo()))));
    }

    private static NoticeView.Payee view(PaymentNotice.Payee p) {
        return new NoticeView.Payee(p.accountName(), p.bankName(), p.accountNo(), p.complete());
    }
}
