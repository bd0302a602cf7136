package cn.landbalance.settlement.assessment;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.outflow.YearBalance;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Role;
import cn.landbalance.settlement.identity.Tenancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The county's assessment of its townships (seed 001 五1): the year's plan (points and each township's restoration
 * task), kept by the county admin and read by every member of the county, and the scores it gives a year's balances.
 */
public class AssessmentService {
    private final AssessmentPlans plans;
    private final Regions regions;

    public AssessmentService(AssessmentPlans plans, Regions regions) {
        this.plans = plans;
        this.regions = regions;
    }

    /** The year's plan, or the default one where the county has set none; for any member of the county. */
    public AssessmentPlan plan(Actor actor, long countyId, int year) {
        Tenancy.requireMemberOfCounty(actor, countyId);
        regions.requireCounty(countyId);
        return plans.find(countyId, year).orElse(AssessmentPlan.defaults());
    }

    /** Replaces the year's plan; a task for a township not of this county is refused, naming its entry. */
    public AssessmentPlan savePlan(Actor admin, long countyId, int year, int basePoints, int maxBonusPoints,
                                   List<AssessmentPlan.Task> tasks) {
        if (admin.role() != Role.COUNTY_ADMIN) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        Tenancy.requireMemberOfCounty(admin, countyId);
        regions.requireCounty(countyId);
        Set<Long> townships = regions.children(countyId).stream().map(Region::id).collect(Collectors.toSet());
        for (int i = 0; i < tasks.size(); i++) {
            long township = tasks.get(i).townshipId();
            if (!townships.contains(township)) {
                throw DomainException.field(ErrorCode.TOWNSHIP_NOT_FOUND, "tasks[" + i + "].townshipId",
                        "乡镇 " + township + " 不属于县 " + countyId, "township " + township + " is not in county " + countyId);
            }
        }
        AssessmentPlan plan = AssessmentPlan.of(basePoints, maxBonusPoints, tasks);
        plans.save(countyId, year, plan);
        return plan;
    }

    /** One township's score with what it was scored on. */
    public record Line(YearBalance balance, long taskM2, Assessment.Score score) {
    }

    /** The townships' scores for a year's balances under the year's plan (the county's roles only). */
    public List<Line> scores(Actor actor, long countyId, int year, List<YearBalance> balances) {
        Tenancy.requireCountyRoleOf(actor, countyId);
        AssessmentPlan plan = plans.find(countyId, year).orElse(AssessmentPlan.defaults());
        List<Line> lines = new ArrayList<>();
        for (YearBalance b : balances) {
            long task = plan.taskM2(b.townshipId());
            lines.add(new Line(b, task, Assessment.of(b, task, plan)));
        }
        return lines;
    }
}
