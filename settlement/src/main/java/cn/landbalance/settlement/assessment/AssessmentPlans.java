package cn.landbalance.settlement.assessment;

import java.util.Optional;

/** Port: the county's assessment plan per year. */
public interface AssessmentPlans {
    Optional<AssessmentPlan> find(long countyId, int year);

    void save(long countyId, int year, AssessmentPlan plan);
}
