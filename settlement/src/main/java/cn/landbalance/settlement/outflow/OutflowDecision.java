package cn.landbalance.settlement.outflow;

import java.time.Instant;

/**
 * A decision on an application as it was taken: the action, the status before and after, who took it and why.
 * {@code override} marks a county's decision against a rule (closing an application whose obligation is not fully
 * covered), which always carries its reason.
 */
public record OutflowDecision(long id, long applicationId, OutflowStatus.Action action, OutflowStatus from,
                              OutflowStatus to, String reason, boolean override, Long userId, Instant decidedAt) {
    public static final int MAX_REASON = 500;
}
