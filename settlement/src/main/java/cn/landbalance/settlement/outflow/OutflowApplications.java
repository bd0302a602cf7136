package cn.landbalance.settlement.outflow;

import java.util.List;
import java.util.Optional;

/** Port: outflow applications, their coverages and decisions (their fee payments: {@link FeePayments}). */
public interface OutflowApplications {
    OutflowApplication insert(OutflowApplication application);

    /** Stores the applications of plan import {@code planImportId} in batches (no event per row). */
    void insertImported(List<OutflowApplication> applications, long planImportId);

    /** How many applications of the import have coverage, a fee payment, or a status other than APPROVED. */
    long countUsedInImport(long planImportId);

    /** Marks every application of the import WITHDRAWN. */
    void withdrawImport(long planImportId);

    Optional<OutflowApplication> find(long id);

    /** Reads and row-locks the application: every change of its coverage happens under this lock. */
    Optional<OutflowApplication> lock(long id);

    /** Reads and row-locks these applications, in ascending id (the order every use case takes them in). */
    List<OutflowApplication> lockAll(java.util.Collection<Long> ids);

    /** Records a step of the (locked) application: from its status, which it still has, to the step's. */
    void saveTransition(long id, OutflowStatus.Transition step);

    /** Which applications a list shows: one county, optionally one township, applicant and status. */
    record Selection(long countyId, Long townshipId, Long applicantOrgId, OutflowStatus status) {
    }

    /** A page of the selected applications, newest first. */
    List<OutflowApplication> list(Selection selection, int offset, int limit);

    long count(Selection selection);

    List<Coverage> coverages(long applicationId);

    /** A coverage of an application locked in this transaction, among many added at once. */
    record NewCoverage(OutflowApplication application, Coverage coverage) {
    }

    /**
     * Stores many coverages at once, in order, each announced as {@code obligation.coverage_added} and, when it
     * completes its obligation, {@code obligation.covered}: what {@link #cover} does for one, in a few statements.
     */
    List<Coverage.Added> coverAll(List<NewCoverage> coverages);

    /**
     * The one way coverage is added: stored, and when it completes the obligation (the covered total after it equals
     * what is required) announced as such. Several coverages in one transaction each see the total the one before left.
     */
    default Coverage cover(OutflowApplication application, Coverage coverage) {
        return coverAll(List.of(new NewCoverage(application, coverage))).get(0).coverage();
    }

    /**
     * Stores the reversal of a coverage of {@code application} (read under its row lock), made by
     * {@link Coverage#reversal()}, with the refund transfer of its money if any; announced as
     * {@code obligation.coverage_reversed}. Returns it as stored.
     */
    Coverage reverse(OutflowApplication application, Coverage reversal, Long refundTransferId);

    /** Records a decision on an application (with the status change it made). */
    void recordDecision(OutflowDecision decision);

    /** The decisions on an application, oldest first. */
    List<OutflowDecision> decisions(long applicationId);
}
