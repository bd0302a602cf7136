package cn.landbalance.api.outflow;

import cn.landbalance.api.Page;
import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.api.identity.Names;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.inflow.Ownership;
import cn.landbalance.settlement.inflow.SlopeAreas;
import cn.landbalance.settlement.outflow.Coverage;
import cn.landbalance.settlement.outflow.CoverageKind;
import cn.landbalance.settlement.outflow.Obligation;
import cn.landbalance.settlement.outflow.OutflowApplication;
import cn.landbalance.settlement.outflow.OutflowCategory;
import cn.landbalance.settlement.outflow.OutflowDecision;
import cn.landbalance.settlement.outflow.OutflowService;
import cn.landbalance.settlement.outflow.OutflowSite;
import cn.landbalance.settlement.outflow.OutflowStatus;
import cn.landbalance.settlement.outflow.RoadType;
import cn.landbalance.settlement.rules.FeeOnReversal;
import cn.landbalance.settlement.violation.OutflowImplementation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

@Tag(name = "outflow")
@Controller("/api/outflow-applications")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class OutflowController {
    private final OutflowService outflow;
    private final OutflowImplementation implementation;
    private final cn.landbalance.settlement.payment.PaymentService payments;
    private final OutflowViews views;

    public OutflowController(OutflowService outflow, Names names, OutflowImplementation implementation,
                             cn.landbalance.settlement.payment.PaymentService payments, Clock clock) {
        this.payments = payments;
        this.outflow = outflow;
        this.implementation = implementation;
        this.views = new OutflowViews(outflow, names, clock);
    }

    /** The longest land class after conversion a declaration may name, and the quality grades (质量等别) it may give. */
    static final int LAND_CLASS_AFTER_MAX_LENGTH = 100;
    static final int QUALITY_GRADE_MIN = 1;
    static final int QUALITY_GRADE_MAX = 15;

    @Serdeable
    public record GreenBelt(@NotNull RoadType roadType, @NotNull @DecimalMin("0") @DecimalMax("1000") BigDecimal widthM) {
    }

    @Serdeable
    public record RuralRoad(@NotNull @DecimalMin("0") @DecimalMax("1000") BigDecimal widthM) {
    }

    /** The area by slope grade (坡度1-5级) in m²; must add up to the application's area. */
    @Serdeable
    public record Slopes(@NotNull @PositiveOrZero @Max(Units.MAX_AREA_M2) Long grade1M2,
                         @NotNull @PositiveOrZero @Max(Units.MAX_AREA_M2) Long grade2M2,
                         @NotNull @PositiveOrZero @Max(Units.MAX_AREA_M2) Long grade3M2,
                         @NotNull @PositiveOrZero @Max(Units.MAX_AREA_M2) Long grade4M2,
                         @NotNull @PositiveOrZero @Max(Units.MAX_AREA_M2) Long grade5M2) {
        SlopeAreas areas() {
            return new SlopeAreas(grade1M2, grade2M2, grade3M2, grade4M2, grade5M2);
        }

        static Slopes of(SlopeAreas s) {
            return new Slopes(s.grade1M2(), s.grade2M2(), s.grade3M2(), s.grade4M2(), s.grade5M2());
        }
    }

    @Serdeable
    public record CreateOutflow(@NotNull @Positive Long townshipId, @Nullable @Positive Long applicantOrgId,
                                @NotNull OutflowCategory category,
                                @NotBlank @Size(max = LAND_CLASS_AFTER_MAX_LENGTH) String landClassAfter,
                                @NotNull @Positive @Max(Units.MAX_AREA_M2) Long areaM2,
                                @NotNull @Min(QUALITY_GRADE_MIN) @Max(QUALITY_GRADE_MAX) Integer qualityGrade,
                                @NotNull Boolean paddy, @NotNull Boolean permanentBasicFarmland,
                                @NotNull Boolean plannedConstructionLand, @NotNull Boolean highStandardFarmland,
                                @Nullable Boolean supplementPlan, @Nullable @Valid GreenBelt greenBelt,
                                @Nullable @Valid RuralRoad ruralRoad, @Nullable Boolean landscapeLake,
                                @Nullable Boolean turf, @Nullable @Min(2000) @Max(2100) Integer planYear,
                                @Nullable @Valid Slopes slopes, @Nullable Ownership ownership) {
        OutflowSite site() {
            return new OutflowSite(permanentBasicFarmland, plannedConstructionLand, highStandardFarmland,
                    Boolean.TRUE.equals(supplementPlan), greenBelt == null ? null : greenBelt.roadType(),
                    greenBelt == null ? null : greenBelt.widthM(), ruralRoad == null ? null : ruralRoad.widthM(),
                    Boolean.TRUE.equals(landscapeLake), Boolean.TRUE.equals(turf));
        }
    }

    @Serdeable
    public record FeeNoticeBody(@NotNull @Positive @Max(Units.MAX_AREA_M2) Long areaM2) {
    }

    @Serdeable
    public record SelfRestoreBody(@NotNull @Positive Long lotId, @NotNull @Positive @Max(Units.MAX_AREA_M2) Long areaM2) {
    }

    @Serdeable
    public record CoverageView(long id, CoverageKind kind, long areaM2, String ref, long townshipId,
                               @Nullable Long lotId, @Nullable Integer qualityGrade, @Nullable Long amountFen,
                               @Nullable Long reversesId) {
        static CoverageView of(Coverage c) {
            return new CoverageView(c.id(), c.kind(), c.areaM2(), c.ref(), c.townshipId(), c.lotId(), c.qualityGrade(),
                    c.amountFen(), c.reversesId());
        }
    }

    @Serdeable
    public record ObligationView(long requiredM2, long coveredM2, long remainingM2, String requiredHectares,
                                 String remainingHectares, List<CoverageView> coverages) {
        static ObligationView of(Obligation o) {
            return new ObligationView(o.requiredM2(), o.coveredM2(), o.remainingM2(), Units.m2ToHectares(o.requiredM2()),
                    Units.m2ToHectares(o.remainingM2()), o.coverages().stream().map(CoverageView::of).toList());
        }
    }

    @Serdeable
    public record OutflowView(long id, long countyId, long townshipId, long applicantOrgId, OutflowCategory category,
                              String landClassAfter, long areaM2, String areaHectares, int qualityGrade, boolean paddy,
                              int planYear, OutflowStatus status, ObligationView obligation, Slopes slopes,
                              Ownership ownership) {
    }

    /** A decision's reason; {@code override} closes an application whose obligation is not fully covered. */
    @Serdeable
    public record DecisionBody(@Nullable @Size(max = OutflowDecision.MAX_REASON) String reason,
                               @Nullable Boolean override) {
    }

    @Serdeable
    public record DecisionView(long id, OutflowStatus.Action action, OutflowStatus from, OutflowStatus to, String reason,
                               boolean override, String decidedBy, OffsetDateTime decidedAt) {
    }

    @Serdeable
    public record PendingOrderView(long orderId, long areaM2, String areaHectares, long amountFen, String amountYuan) {
    }

    @Serdeable
    public record PendingNoticeView(long noticeId, String remittanceCode, long areaM2, long amountFen, String amountYuan) {
    }

    @Serdeable
    public record GiveBackView(long lotId, long townshipId, String township, long areaM2, String areaHectares) {
    }

    @Serdeable
    public record RefundView(String kind, long townshipId, String township, long amountFen, String amountYuan,
                             String paymentReference) {
    }

    @Serdeable
    public record KeptFeeView(long feePaymentId, long townshipId, String township, long amountFen, String amountYuan,
                              long areaM2) {
    }

    /**
     * What rejecting or withdrawing the application would do now: the orders and fee notices cancelled, the coverage
     * reversed (indicators given back to their lots), the money refunded and the fees kept under the county's rule.
     */
    @Serdeable
    public record ReversalView(long applicationId, OutflowStatus status, boolean endable, FeeOnReversal feeOnReversal,
                               List<PendingOrderView> ordersCancelled, List<PendingNoticeView> feeNoticesCancelled,
                               long coverageReversedM2, String coverageReversedHectares, List<GiveBackView> giveBacks,
                               List<RefundView> refunds, long refundFen, String refundYuan, List<KeptFeeView> feesKept,
                               long keptFen, String keptYuan) {
    }

    @Post
    @Secured({"ENTERPRISE", "TOWNSHIP_OFFICER", "COUNTY_ADMIN"})
    @Transactional
    @Idempotent
    public HttpResponse<OutflowView> create(Actor actor, @Valid @Body CreateOutflow body) {
        OutflowApplication created = outflow.create(actor, new OutflowService.Draft(body.townshipId(), body.applicantOrgId(),
                body.category(), body.landClassAfter(), body.areaM2(), body.qualityGrade(), body.paddy(), body.site(),
                body.planYear(), body.slopes() == null ? null : body.slopes().areas(), body.ownership()));
        return HttpResponse.<OutflowView>status(HttpStatus.CREATED).body(views.view(created));
    }

    @Serdeable
    public record Implemented(@Nullable @Positive @Max(Units.MAX_AREA_M2) Long implementedAreaM2) {
    }

    @Serdeable
    public record ImplementedView(OutflowView application, @Nullable Long excessViolationCaseId,
                                  @Nullable Long excessM2) {
    }

    /**
     * The county records the conversion as carried out; with {@code implementedAreaM2} beyond the approved area a
     * violation case for the excess opens by itself.
     */
    @Post("/{id}/implement")
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<ImplementedView> implement(Actor actor, @PathVariable long id, @Nullable @Valid @Body Implemented body) {
        OutflowImplementation.Result result = implementation.implement(actor, id, body == null ? null : body.implementedAreaM2());
        return HttpResponse.ok(new ImplementedView(views.view(result.application()),
                result.excessCase() == null ? null : result.excessCase().id(),
                result.excessCase() == null ? null : result.excessCase().areaM2()));
    }

    @Post("/{id}/{action}")
    @Secured({"ENTERPRISE", "TOWNSHIP_OFFICER", "COUNTY_ADMIN"})
    @Transactional
    @Idempotent
    public HttpResponse<OutflowView> act(Actor actor, @PathVariable long id, @PathVariable String action,
                                         @Nullable @Valid @Body DecisionBody body) {
        OutflowStatus.Action parsed = OutflowViews.action(action);
        OutflowService.Decided decided = outflow.act(actor, id, parsed, body == null ? null : body.reason(),
                body != null && Boolean.TRUE.equals(body.override()));
        return HttpResponse.ok(views.view(decided.application()));
    }

    /** What rejecting or withdrawing the application now would undo (nothing is changed). */
    @Get("/{id}/reversal")
    @ReadOnly
    public ReversalView reversal(Actor actor, @PathVariable long id) {
        return views.reversal(outflow.endingPreview(actor, id));
    }

    /** The decisions taken on the application, oldest first, with who took them and why. */
    @Get("/{id}/decisions")
    @ReadOnly
    public List<DecisionView> decisions(Actor actor, @PathVariable long id) {
        return outflow.decisions(actor, id).stream().map(views::decision).toList();
    }

    /**
     * A payment notice for the fee of {@code areaM2} of the obligation, payable to the home township's fund. The area
     * is held for the notice until it is paid, cancelled or expires; it is settled when the township's finance confirms
     * the money arrived.
     */
    @Post("/{id}/fee-notices")
    @Secured({"ENTERPRISE", "TOWNSHIP_OFFICER", "COUNTY_ADMIN"})
    @Transactional
    @Idempotent
    public HttpResponse<cn.landbalance.api.payment.NoticeView> feeNotice(Actor actor, @PathVariable long id,
                                                                       @Valid @Body FeeNoticeBody body) {
        return HttpResponse.<cn.landbalance.api.payment.NoticeView>status(HttpStatus.CREATED)
                .body(cn.landbalance.api.payment.NoticeView.of(payments.issueFee(actor, id, body.areaM2())));
    }

    @Post("/{id}/self-restore")
    @Secured({"ENTERPRISE", "TOWNSHIP_OFFICER", "COUNTY_ADMIN"})
    @Transactional
    @Idempotent
    public HttpResponse<OutflowView> selfRestore(Actor actor, @PathVariable long id, @Valid @Body SelfRestoreBody body) {
        outflow.selfRestore(actor, id, body.lotId(), body.areaM2());
        return HttpResponse.ok(views.view(outflow.get(actor, id)));
    }

    @Get("/{id}")
    @ReadOnly
    public OutflowView get(Actor actor, @PathVariable long id) {
        return views.view(outflow.get(actor, id));
    }

    /** Newest first; {@code applicantOrgId} narrows to one applicant's (an enterprise sees only its own anyway). */
    @Get("{?townshipId,applicantOrgId,status,page,size}")
    @ReadOnly
    public Page<OutflowView> list(Actor actor, @Nullable @QueryValue Long townshipId, @Nullable @QueryValue Long applicantOrgId,
                                  @Nullable @QueryValue OutflowStatus status,
                                  @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                  @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        OutflowService.ApplicationList found = outflow.list(actor, townshipId, applicantOrgId, status, page, size);
        return new Page<>(found.applications().stream().map(views::view).toList(), page, size, found.total());
    }
}
