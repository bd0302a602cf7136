package cn.landbalance.api.outflow;

import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.outflow.FeeLand;
import cn.landbalance.settlement.outflow.FeePayment;
import cn.landbalance.settlement.outflow.OutflowService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.util.List;

/** The fees paid for an application and the land each owes: delivered against its duty, or the duty moved. */
@Tag(name = "outflow")
@Controller("/api/outflow-applications")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class FeeLandController {
    private final OutflowService outflow;
    private final FeeLand feeLand;

    public FeeLandController(OutflowService outflow, FeeLand feeLand) {
        this.outflow = outflow;
        this.feeLand = feeLand;
    }

    /** A fee paid; {@code deliveredM2}: restored land delivered against its duty so far ({@code owedM2} still owed). */
    @Serdeable
    public record FeePaymentView(long id, long applicationId, long areaM2, long amountFen, String amountYuan,
                                 String paymentReference, long townshipId, long dutyTownshipId,
                                 FeePayment.Outcome reversal, long deliveredM2, long owedM2) {
    }

    /** The fees paid for the application (confirmed by finance), each with the township that holds its duty. */
    @Get("/{id}/fee-payments")
    @ReadOnly
    public List<FeePaymentView> feePayments(Actor actor, @PathVariable long id) {
        outflow.get(actor, id);
        return feeLand.feePayments(id).stream().map(p -> {
            long delivered = feeLand.deliveredM2(p.id());
            long owed = p.reversal() == FeePayment.Outcome.REFUNDED ? 0 : p.areaM2() - delivered;
            return new FeePaymentView(p.id(), p.applicationId(), p.areaM2(), p.amountFen(), Units.fenToYuan(p.amountFen()),
                    p.paymentReference(), p.townshipId(), p.dutyTownshipId(), p.reversal(), delivered, owed);
        }).toList();
    }

    @Serdeable
    public record DeliveryBody(@NotNull @Positive Long lotId, @NotNull @Positive @Max(Units.MAX_AREA_M2) Long areaM2) {
    }

    @Serdeable
    public record DeliveryView(long feePaymentId, long applicationId, long lotId, long areaM2, long owedM2) {
    }

    /**
     * Fee-funded restoration delivered: area of a lot of the township holding the fee's duty consumed against it (the
     * township's officer or the county admin).
     */
    @Post("/{id}/fee-payments/{paymentId}/deliveries")
    @Secured({"TOWNSHIP_OFFICER", "COUNTY_ADMIN"})
    @Transactional
    @Idempotent
    public HttpResponse<DeliveryView> deliver(Actor actor, @PathVariable long id, @PathVariable long paymentId,
                                              @Valid @Body DeliveryBody body) {
        long owed = feeLand.deliver(actor, id, paymentId, body.lotId(), body.areaM2());
        return HttpResponse.created(new DeliveryView(paymentId, id, body.lotId(), body.areaM2(), owed));
    }

    @Serdeable
    public record ReassignBody(@NotNull @Positive Long townshipId) {
    }

    @Serdeable
    public record FeeDutyView(long feePaymentId, long applicationId, long areaM2, long amountFen, long paidToTownshipId,
                              long dutyTownshipId) {
    }

    /** The county moves a fee's duty to deliver inflow, with its money, to another township. */
    @Post("/{id}/fee-payments/{paymentId}/reassign")
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<FeeDutyView> reassign(Actor actor, @PathVariable long id, @PathVariable long paymentId,
                                @Valid @Body ReassignBody body) {
        outflow.get(actor, id);
        FeePayment moved = feeLand.reassign(actor, paymentId, body.townshipId());
        if (moved.applicationId() != id) {
            throw new DomainException(ErrorCode.NOT_FOUND, "缴费记录 " + paymentId, "fee payment " + paymentId);
        }
        return HttpResponse.ok(new FeeDutyView(moved.id(), moved.applicationId(), moved.areaM2(), moved.amountFen(),
                moved.townshipId(), moved.dutyTownshipId()));
    }
}
