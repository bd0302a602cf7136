package cn.landbalance.api.plan;

import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.api.fund.FundController;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Role;
import cn.landbalance.settlement.identity.Tenancy;
import cn.landbalance.settlement.outflow.CountyBalances;
import cn.landbalance.settlement.plan.AnnualPlan;
import cn.landbalance.settlement.plan.AnnualPlanService;
import cn.landbalance.settlement.plan.AnnualPlans;
import cn.landbalance.settlement.plan.Inbox;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The county's annual plan (年度进出平衡方案) through its lifecycle, with its deadlines and what is overdue; and the county's
 * worklist: what is overdue and what waits for its decision.
 */
@Tag(name = "county year")
@Controller("/api/counties/{countyId}")
@Secured({"COUNTY_ADMIN", "COUNTY_VIEWER"})
@io.micronaut.serde.annotation.SerdeImport(AnnualPlan.Deadlines.class)
public class AnnualPlanController {
    private final AnnualPlanService plans;
    private final Inbox inbox;
    private final Regions regions;

    public AnnualPlanController(AnnualPlanService plans, Inbox inbox, Regions regions) {
        this.plans = plans;
        this.inbox = inbox;
        this.regions = regions;
    }

    @Factory
    static class Wiring {
        @Singleton
        AnnualPlanService annualPlanService(AnnualPlans plans, CountyBalances balances, Inbox inbox, Clock clock) {
            return new AnnualPlanService(plans, balances, inbox, clock);
        }
    }

    @Serdeable
    public record DeadlinesBody(@Nullable LocalDate approvalDue, @Nullable LocalDate implementationDue,
                                @Nullable LocalDate acceptanceDue, @Nullable LocalDate feeDeliveryDue) {
    }

    /** The day a step was done (default: today). */
    @Serdeable
    public record Step(@Nullable LocalDate on) {
    }

    @Serdeable
    public record Approval(@Nullable LocalDate approvedOn, @Nullable @Size(max = 200) String documentNo) {
    }

    @Serdeable
    public record Filing(@Nullable LocalDate filedOn, @Nullable @Size(max = 200) String filingNo) {
    }

    @Serdeable
    public record TownshipLine(long townshipId, String name, long inflowM2, long obligationM2, long coveredM2,
                               long remainingM2, long feeOwedM2, long shortfallM2, boolean balanced) {
    }

    /** One overdue or waiting item, worded for the screen in both languages. */
    @Serdeable
    public record Item(String kind, boolean overdue, @Nullable Integer year, @Nullable LocalDate due,
                       @Nullable Long townshipId, @Nullable String township, long count, long areaM2, String textZh,
                       String textEn, @Nullable String link) {
    }

    @Serdeable
    public record PlanView(long countyId, int year, AnnualPlan.Status status, String statusLabel, boolean stored,
                           AnnualPlan.Deadlines deadlines, @Nullable LocalDate submittedOn,
                           @Nullable LocalDate approvedOn, @Nullable String approvalDocNo, @Nullable LocalDate filedOn,
                           @Nullable String filingNo, @Nullable LocalDate implementedOn, @Nullable LocalDate acceptedOn,
                           long inflowM2, long obligationM2, long shortfallM2, int townshipsBalanced,
                           List<TownshipLine> townships, List<Item> overdue) {
    }

    @Serdeable
    public record Worklist(long countyId, List<Item> items, long overdue, long waiting) {
    }

    @Get("/plans/{year}")
    @ReadOnly
    public PlanView get(Actor actor, @PathVariable long countyId, @PathVariable @Min(2000) @Max(2100) int year) {
        requireCounty(actor, countyId);
        return PlanViews.view(plans.view(countyId, year));
    }

    /** The year's deadlines (the county's own calendar; defaults follow the policy calendar). */
    @Put("/plans/{year}/deadlines")
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<PlanView> deadlines(Actor actor, @PathVariable long countyId, @PathVariable @Min(2000) @Max(2100) int year,
                                            @Valid @Body DeadlinesBody body) {
        requireCounty(actor, countyId);
        return HttpResponse.ok(PlanViews.view(plans.setDeadlines(countyId, year, new AnnualPlan.Deadlines(body.approvalDue(),
                body.implementationDue(), body.acceptanceDue(), body.feeDeliveryDue()), actor.userId())));
    }

    /** 报批: refused (PLAN_NOT_BALANCED) when the county's 转进 does not cover its obligation. */
    @Post("/plans/{year}/submit")
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<PlanView> submit(Actor actor, @PathVariable long countyId, @PathVariable @Min(2000) @Max(2100) int year,
                                         @Valid @Nullable @Body Step body) {
        requireCounty(actor, countyId);
        return HttpResponse.ok(PlanViews.view(plans.submit(countyId, year, body == null ? null : body.on(), actor.userId())));
    }

    @Post("/plans/{year}/approve")
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<PlanView> approve(Actor actor, @PathVariable long countyId, @PathVariable @Min(2000) @Max(2100) int year,
                                          @Valid @Body Approval body) {
        requireCounty(actor, countyId);
        return HttpResponse.ok(PlanViews.view(plans.approve(countyId, year, body.approvedOn(), body.documentNo(), actor.userId())));
    }

    @Post("/plans/{year}/file")
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<PlanView> file(Actor actor, @PathVariable long countyId, @PathVariable @Min(2000) @Max(2100) int year,
                                       @Valid @Body Filing body) {
        requireCounty(actor, countyId);
        return HttpResponse.ok(PlanViews.view(plans.file(countyId, year, body.filedOn(), body.filingNo(), actor.userId())));
    }

    @Post("/plans/{year}/implemented")
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<PlanView> implemented(Actor actor, @PathVariable long countyId,
                                              @PathVariable @Min(2000) @Max(2100) int year, @Valid @Nullable @Body Step body) {
        requireCounty(actor, countyId);
        return HttpResponse.ok(PlanViews.view(plans.implemented(countyId, year, body == null ? null : body.on(), actor.userId())));
    }

    /** 验收: refused (PLAN_NOT_BALANCED, naming the townships) until every township of the year is balanced. */
    @Post("/plans/{year}/accept")
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<PlanView> accept(Actor actor, @PathVariable long countyId, @PathVariable @Min(2000) @Max(2100) int year,
                                         @Valid @Nullable @Body Step body) {
        requireCounty(actor, countyId);
        return HttpResponse.ok(PlanViews.view(plans.accept(countyId, year, body == null ? null : body.on(), actor.userId())));
    }

    /**
     * What is overdue (plan steps, fee land owed over the recent years; declarations townships have not reported by their
     * round's date), then what waits for the county's decision.
     */
    @Get("/worklist")
    @ReadOnly
    public Worklist worklist(Actor actor, @PathVariable long countyId) {
        requireCounty(actor, countyId);
        List<Item> items = new ArrayList<>(plans.overdue(countyId).stream().map(WorklistItems::item).toList());
        plans.overdueReports(countyId, null).forEach(r -> items.add(WorklistItems.overdueReport(regions, r)));
        long overdue = items.size();
        Inbox.Waiting w = inbox.waiting(countyId);
        WorklistItems.waiting(items, "OUTFLOW_REVIEW", w.outflowsToReview(), "转出申请待乡镇审核", "outflow applications to review", "#/review");
        WorklistItems.waiting(items, "OUTFLOW_APPROVAL", w.outflowsToApprove(), "转出申请待审批", "outflow applications to approve", "#/review");
        WorklistItems.waiting(items, "INFLOW_ACCEPTANCE", w.inflowsToAccept(), "转进项目待验收", "inflow projects to accept", "#/inflows");
        WorklistItems.waiting(items, "EXPENSE_APPROVAL", w.expensesToApprove(), "支出申请待审批", "expenses to approve", "#/expenses");
        return new Worklist(countyId, items, overdue, items.size() - overdue);
    }

    /**
     * A township officer's worklist: its fee-funded land overdue and declarations it has not reported in time, then
     * money to confirm, bank lines to settle, approved expenses to pay, applications to review and inflow projects saved
     * but not submitted.
     */
    @Get("/townships/{townshipId}/worklist")
    @Secured({"TOWNSHIP_OFFICER", "COUNTY_ADMIN", "COUNTY_VIEWER"})
    @ReadOnly
    public Worklist townshipWorklist(Actor actor, @PathVariable long countyId, @PathVariable long townshipId) {
        Region township = FundController.visibleTownship(regions, actor, townshipId);
        if (township.countyId() != countyId) {
            throw new DomainException(ErrorCode.TOWNSHIP_NOT_FOUND, "乡镇 " + townshipId, "township " + townshipId);
        }
        List<Item> items = new ArrayList<>(plans.overdue(countyId).stream()
                .filter(o -> o.townshipId() != null && o.townshipId() == townshipId).map(WorklistItems::item).toList());
        plans.overdueReports(countyId, townshipId).forEach(r -> items.add(WorklistItems.overdueReport(regions, r)));
        long overdue = items.size();
        Inbox.TownshipWaiting w = inbox.waiting(countyId, townshipId);
        WorklistItems.waiting(items, "NOTICE_CONFIRMATION", w.noticesToConfirm(), "缴款通知书待确认到账", "payment notices to confirm", "#/fund");
        WorklistItems.waiting(items, "BANK_LINES", w.bankLinesOpen(), "银行流水未处理", "bank lines to settle", "#/fund");
        WorklistItems.waiting(items, "EXPENSE_PAYMENT", w.expensesToPay(), "已批准支出待付款", "approved expenses to pay", "#/fund");
        WorklistItems.waiting(items, "OUTFLOW_REVIEW", w.outflowsToReview(), "转出申请待乡镇审核", "outflow applications to review", "#/review");
        WorklistItems.waiting(items, "INFLOW_SUBMISSION", w.inflowsToSubmit(), "转进项目待提交", "inflow projects to submit", "#/inflows");
        return new Worklist(countyId, items, overdue, items.size() - overdue);
    }

    /**
     * An applicant's worklist (an enterprise, or a project owner): payment notices to pay, applications whose balance
     * is still open, applications saved and not declared. The enterprise reads its own; county roles any applicant's of
     * the county.
     */
    @Get("/applicants/{orgId}/worklist")
    @Secured({"ENTERPRISE", "COUNTY_ADMIN", "COUNTY_VIEWER"})
    @ReadOnly
    public Worklist applicantWorklist(Actor actor, @PathVariable long countyId, @PathVariable long orgId) {
        if (actor.countyId() != countyId || (actor.role() == Role.ENTERPRISE && actor.orgId() != orgId)) {
            throw new DomainException(ErrorCode.ORGANIZATION_NOT_FOUND, "单位 " + orgId, "organisation " + orgId);
        }
        List<Item> items = new ArrayList<>();
        Inbox.ApplicantWaiting w = inbox.waitingFor(countyId, orgId);
        WorklistItems.waiting(items, "NOTICE_PAYMENT", w.noticesToPay(), "缴款通知书待缴款（汇款时在附言中填写缴款识别码）",
                "payment notices to pay (quote the code in the transfer's memo)", "#/outflows");
        WorklistItems.waiting(items, "OUTFLOW_BALANCE", w.outflowsToBalance(), "转出申请尚需落实平衡（购买指标或缴纳费用）",
                "outflow applications still to balance (buy indicators or pay the fee)", "#/outflows");
        WorklistItems.waiting(items, "OUTFLOW_DECLARATION", w.outflowsToDeclare(), "转出申请已保存待申报", "saved applications to declare",
                "#/outflows");
        return new Worklist(countyId, items, 0, items.size());
    }

    private void requireCounty(Actor actor, long countyId) {
        Tenancy.requireCountyRoleOf(actor, countyId);
        regions.requireCounty(countyId);
    }
}
