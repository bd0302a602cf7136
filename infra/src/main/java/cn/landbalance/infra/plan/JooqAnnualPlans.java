package cn.landbalance.infra.plan;

import cn.landbalance.infra.outbox.Outbox;
import cn.landbalance.settlement.event.EventType;
import cn.landbalance.settlement.event.PlanEvent;
import cn.landbalance.infra.jooq.tables.records.AnnualPlanRecord;
import cn.landbalance.settlement.plan.AnnualPlan;
import cn.landbalance.settlement.plan.AnnualPlans;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.Optional;

import static cn.landbalance.infra.jooq.Tables.ANNUAL_PLAN;

/** The annual plans in {@code annual_plan}, one row per county and year once anyone acted on it. */
@Singleton
public class JooqAnnualPlans implements AnnualPlans {
    private final DSLContext db;
    private final Outbox outbox;

    public JooqAnnualPlans(DSLContext db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    @Override
    public Optional<AnnualPlan> find(long countyId, int year) {
        return db.selectFrom(ANNUAL_PLAN).where(ANNUAL_PLAN.COUNTY_ID.eq(countyId).and(ANNUAL_PLAN.PLAN_YEAR.eq((short) year)))
                .fetchOptional().map(JooqAnnualPlans::plan);
    }

    /** The row locked; when there is none yet, the county-year is locked (advisory, to the transaction's end) first. */
    @Override
    public AnnualPlan lockOrDraft(long countyId, int year) {
        db.execute("select pg_advisory_xact_lock(?, ?)", 7_302, (int) (countyId * 10_000 + year));
        return db.selectFrom(ANNUAL_PLAN).where(ANNUAL_PLAN.COUNTY_ID.eq(countyId).and(ANNUAL_PLAN.PLAN_YEAR.eq((short) year)))
                .forUpdate().fetchOptional().map(JooqAnnualPlans::plan).orElse(AnnualPlan.draft(countyId, year));
    }

    @Override
    public void save(AnnualPlan p, EventType event, long userId) {
        AnnualPlan.Deadlines d = p.deadlines();
        OffsetDateTime now = OffsetDateTime.now();
        java.util.Map<org.jooq.Field<?>, Object> row = new java.util.LinkedHashMap<>();
        row.put(ANNUAL_PLAN.STATUS, p.status());
        row.put(ANNUAL_PLAN.APPROVAL_DUE, d.approvalDue());
        row.put(ANNUAL_PLAN.IMPLEMENTATION_DUE, d.implementationDue());
        row.put(ANNUAL_PLAN.ACCEPTANCE_DUE, d.acceptanceDue());
        row.put(ANNUAL_PLAN.FEE_DELIVERY_DUE, d.feeDeliveryDue());
        row.put(ANNUAL_PLAN.SUBMITTED_ON, p.submittedOn());
        row.put(ANNUAL_PLAN.APPROVED_ON, p.approvedOn());
        row.put(ANNUAL_PLAN.APPROVAL_DOC_NO, p.approvalDocNo());
        row.put(ANNUAL_PLAN.FILED_ON, p.filedOn());
        row.put(ANNUAL_PLAN.FILING_NO, p.filingNo());
        row.put(ANNUAL_PLAN.IMPLEMENTED_ON, p.implementedOn());
        row.put(ANNUAL_PLAN.ACCEPTED_ON, p.acceptedOn());
        row.put(ANNUAL_PLAN.UPDATED_BY, userId);
        row.put(ANNUAL_PLAN.UPDATED_AT, now);
        // one set of values, for the first save and for every later one
        db.insertInto(ANNUAL_PLAN)
                .set(ANNUAL_PLAN.COUNTY_ID, p.countyId())
                .set(ANNUAL_PLAN.PLAN_YEAR, (short) p.year())
                .set(row)
                .onConflict(ANNUAL_PLAN.COUNTY_ID, ANNUAL_PLAN.PLAN_YEAR).doUpdate()
                .set(row)
                .execute();
        outbox.publish(new PlanEvent.PlanStep(event, p.countyId(), p.year(), p.status().name(), d.approvalDue(),
                d.implementationDue(), d.acceptanceDue(), d.feeDeliveryDue(), p.submittedOn(), p.approvedOn(), p.approvalDocNo(),
                p.filedOn(), p.filingNo(), p.implementedOn(), p.acceptedOn()));
    }

    private static AnnualPlan plan(AnnualPlanRecord r) {
        return new AnnualPlan(r.getCountyId(), r.getPlanYear(), r.getStatus(),
                new AnnualPlan.Deadlines(r.getApprovalDue(), r.getImplementationDue(), r.getAcceptanceDue(),
                        r.getFeeDeliveryDue()), r.getSubmittedOn(), r.getApprovedOn(), r.getApprovalDocNo(), r.getFiledOn(),
                r.getFilingNo(), r.getImplementedOn(), r.getAcceptedOn(), true);
    }
}
