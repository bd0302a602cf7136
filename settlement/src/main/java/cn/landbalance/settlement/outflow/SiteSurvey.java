package cn.landbalance.settlement.outflow;

import cn.landbalance.settlement.identity.Actor;

/**
 * The overlay of an application's parcels with the county's constraint layers (套合分析), asked at declaring and at
 * approving: it refuses what the layers forbid and records what it checked against.
 */
@FunctionalInterface
public interface SiteSurvey {
    /** Nothing is checked (a county without layers or parcels, and the tests that bring none). */
    SiteSurvey NONE = (actor, application, action) -> { };

    void atDecision(Actor actor, OutflowApplication application, OutflowStatus.Action action);
}
