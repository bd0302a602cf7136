package cn.landbalance.settlement.plan;

import cn.landbalance.settlement.outflow.CountyBalances;
import cn.landbalance.settlement.event.EventType;
import cn.landbalance.settlement.outflow.YearBalance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The county's plan for a year through its lifecycle, and what is overdue across the county's recent years. */
public class AnnualPlanService {
    /** How many of the county's most recent plan years the worklist looks at. */
    public static final int YEARS = 10;
    private final AnnualPlans plans;
    private final CountyBalances balances;
    private final Inbox inbox;
    private final Clock clock;

    public AnnualPlanService(AnnualPlans plans, CountyBalances balances, Inbox inbox, Clock clock) {
        this.plans = plans;
        this.balances = balances;
        this.inbox = inbox;
        this.clock = clock;
    }

    /** The plan with the year's township balances and what is overdue today. */
    public record View(AnnualPlan plan, List<YearBalance> townships, List<AnnualPlan.Overdue> overdue) {
    }

    public View view(long countyId, int year) {
        AnnualPlan plan = plans.find(countyId, year).orElse(AnnualPlan.draft(countyId, year));
        List<YearBalance> townships = balances.forYear(countyId, year);
        return new View(plan, townships, plan.overdue(today(), townships));
    }

    public View setDeadlines(long countyId, int year, AnnualPlan.Deadlines deadlines, long userId) {
        return change(countyId, year, p -> p.withDeadlines(deadlines), EventType.PLAN_DEADLINES_SET, userId);
    }

    /** 报批 on {@code submittedOn} (today when not given); so are 实施完成 and 验收; 批准 and 备案 need their dates. */
    public View submit(long countyId, int year, LocalDate submittedOn, long userId) {
        return change(countyId, year, p -> p.submitted(orToday(submittedOn), today(), balances.forYear(countyId, year)),
                EventType.PLAN_SUBMITTED, userId);
    }

    public View approve(long countyId, int year, LocalDate approvedOn, String documentNo, long userId) {
        return change(countyId, year, p -> p.approved(approvedOn, documentNo, today()), EventType.PLAN_APPROVED, userId);
    }

    public View file(long countyId, int year, LocalDate filedOn, String filingNo, long userId) {
        return change(countyId, year, p -> p.filed(filedOn, filingNo, today()), EventType.PLAN_FILED, userId);
    }

    public View implemented(long countyId, int year, LocalDate implementedOn, long userId) {
        return change(countyId, year, p -> p.implemented(orToday(implementedOn), today()), EventType.PLAN_IMPLEMENTED, userId);
    }

    public View accept(long countyId, int year, LocalDate acceptedOn, long userId) {
        return change(countyId, year, p -> p.accepted(orToday(acceptedOn), today(), balances.forYear(countyId, year)),
                EventType.PLAN_ACCEPTED, userId);
    }

    /**
     * What is overdue in the county today, over the {@value #YEARS} most recent plan years it has applications, inflows or
     * a plan in, oldest first.
     */
    public List<AnnualPlan.Overdue> overdue(long countyId) {
        List<Integer> years = new ArrayList<>(inbox.yearsInPlay(countyId, YEARS));
        java.util.Collections.reverse(years);
        List<AnnualPlan.Overdue> overdue = new ArrayList<>();
        for (int y : years) {
            overdue.addAll(view(countyId, y).overdue());
        }
        return overdue;
    }

    /** Declarations their township has not reviewed and reported by their round's date (seed 000), on today. */
    public List<ReportingRounds.OverdueReport> overdueReports(long countyId, Long townshipId) {
        return ReportingRounds.overdue(inbox.declaredWaiting(countyId, townshipId), today());
    }

    private View change(long countyId, int year, UnaryOperator<AnnualPlan> step, EventType event, long userId) {
        AnnualPlan after = step.apply(plans.lockOrDraft(countyId, year));
        plans.save(after, event, userId);
        List<YearBalance> townships = balances.forYear(countyId, year);
        return new View(after, townships, after.overdue(today(), townships));
    }

    private LocalDate orToday(LocalDate day) {
        return day == null ? today() : day;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
