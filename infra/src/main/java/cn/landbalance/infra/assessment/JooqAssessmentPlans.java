package cn.landbalance.infra.assessment;

import cn.landbalance.infra.audit.AuditTrail;
import cn.landbalance.infra.jooq.tables.records.AssessmentPlanRecord;
import cn.landbalance.settlement.assessment.AssessmentPlan;
import cn.landbalance.settlement.assessment.AssessmentPlans;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static cn.landbalance.infra.jooq.Tables.ASSESSMENT_PLAN;
import static cn.landbalance.infra.jooq.Tables.ASSESSMENT_TASK;

@Singleton
public class JooqAssessmentPlans implements AssessmentPlans {
    private final DSLContext db;
    private final AuditTrail audit;

    public JooqAssessmentPlans(DSLContext db, AuditTrail audit) {
        this.audit = audit;
        this.db = db;
    }

    @Override
    public Optional<AssessmentPlan> find(long countyId, int year) {
        AssessmentPlanRecord plan = db.selectFrom(ASSESSMENT_PLAN)
                .where(ASSESSMENT_PLAN.COUNTY_ID.eq(countyId), ASSESSMENT_PLAN.PLAN_YEAR.eq(year)).fetchOne();
        if (plan == null) {
            return Optional.empty();
        }
        Map<Long, Long> tasks = new TreeMap<>();
        db.selectFrom(ASSESSMENT_TASK)
                .where(ASSESSMENT_TASK.COUNTY_ID.eq(countyId), ASSESSMENT_TASK.PLAN_YEAR.eq(year))
                .forEach(t -> tasks.put(t.getTownshipId(), t.getTaskM2()));
        return Optional.of(new AssessmentPlan(plan.getBasePoints(), plan.getMaxBonusPoints(), tasks));
    }

    /** Replaces the year's plan as a whole: points and every task. */
    @Override
    public void save(long countyId, int year, AssessmentPlan plan) {
        db.insertInto(ASSESSMENT_PLAN)
                .set(ASSESSMENT_PLAN.COUNTY_ID, countyId)
                .set(ASSESSMENT_PLAN.PLAN_YEAR, year)
                .set(ASSESSMENT_PLAN.BASE_POINTS, plan.basePoints())
                .set(ASSESSMENT_PLAN.MAX_BONUS_POINTS, plan.maxBonusPoints())
                .set(ASSESSMENT_PLAN.UPDATED_AT, OffsetDateTime.now())
                .onConflict(ASSESSMENT_PLAN.COUNTY_ID, ASSESSMENT_PLAN.PLAN_YEAR).doUpdate()
                .set(ASSESSMENT_PLAN.BASE_POINTS, plan.basePoints())
                .set(ASSESSMENT_PLAN.MAX_BONUS_POINTS, plan.maxBonusPoints())
                .set(ASSESSMENT_PLAN.UPDATED_AT, OffsetDateTime.now())
                .execute();
        audit.record("assessment_plan.saved", "county", countyId, countyId, "year", year, "basePoints", plan.basePoints(),
                "maxBonusPoints", plan.maxBonusPoints(), "tasks", plan.taskM2ByTownship());
        db.deleteFrom(ASSESSMENT_TASK)
                .where(ASSESSMENT_TASK.COUNTY_ID.eq(countyId), ASSESSMENT_TASK.PLAN_YEAR.eq(year)).execute();
        plan.taskM2ByTownship().forEach((townshipId, taskM2) -> db.insertInto(ASSESSMENT_TASK)
                .set(ASSESSMENT_TASK.COUNTY_ID, countyId)
                .set(ASSESSMENT_TASK.PLAN_YEAR, year)
                .set(ASSESSMENT_TASK.TOWNSHIP_ID, townshipId)
                .set(ASSESSMENT_TASK.TASK_M2, taskM2)
                .execute());
    }
}
