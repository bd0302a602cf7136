package cn.landbalance.settlement.violation;

import cn.landbalance.ledger.common.AreaM2;
import java.util.List;
import java.util.Optional;

/** Port: violation cases and their freezes. */
public interface Violations {
    boolean caseNoExists(long countyId, String caseNo);

    ViolationCase insert(long countyId, long townshipId, String caseNo, String description, AreaM2 area,
                         Long outflowApplicationId);

    /** Stores a new freeze of the case (its id is the store's). */
    void addFreeze(long caseId, ViolationCase.Freeze freeze);

    void setUnsecured(long caseId, AreaM2 unsecured);

    /** Reads and row-locks the case with its freezes. */
    Optional<ViolationCase> lock(long caseId);

    Optional<ViolationCase> find(long caseId);

    void recordUnfreeze(long freezeId, AreaM2 area);

    void recordDeduct(long freezeId, AreaM2 area);

    /** Stores a case moved by {@code action} ({@code after} decided by the domain) and announces it. */
    void saveTransition(ViolationCase after, ViolationCase.Action action);

    void recordRepaid(long caseId, AreaM2 area);

    /**
     * Which cases a list shows: the county's, of one township, in one status, whose number contains {@code caseNo}
     * (case-insensitively); null leaves a filter out.
     */
    record Selection(long countyId, Long townshipId, ViolationCase.Status status, String caseNo) {
    }

    /** One page of the selected cases, newest first, with their freezes. */
    List<ViolationCase> list(Selection selection, long offset, int limit);

    long count(Selection selection);

    /** Records a decision on the case with its reason; announced as {@code violation.restored} or {@code violation.legalized}. */
    void recordDecision(ViolationCase c, ViolationDecision.Kind kind, AreaM2 area, String reason, long userId,
                        java.time.Instant at);

    /** The case's decisions, oldest first. */
    java.util.List<ViolationDecision> decisions(long caseId);
}
