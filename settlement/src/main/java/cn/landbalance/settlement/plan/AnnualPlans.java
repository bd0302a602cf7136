package cn.landbalance.settlement.plan;

import java.util.Optional;
import cn.landbalance.settlement.event.EventType;

/** Port: the counties' annual plans, one per county and year. Row locks last until the transaction ends. */
public interface AnnualPlans {
    Optional<AnnualPlan> find(long countyId, int year);

    /** The plan row-locked, or the unsaved draft of a year nobody touched, with the year locked against a second draft. */
    AnnualPlan lockOrDraft(long countyId, int year);

    /** Stores the plan as moved by the domain and announces {@code plan.<status>} (or {@code plan.deadlines_set}). */
    void save(AnnualPlan plan, EventType event, long userId);
}
