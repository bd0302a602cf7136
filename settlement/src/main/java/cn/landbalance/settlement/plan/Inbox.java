package cn.landbalance.settlement.plan;

/** Port: how many things of a county wait for its decision now. */
public interface Inbox {
    /**
     * @param outflowsToReview  applications declared, waiting for the township's review (which the county may do)
     * @param outflowsToApprove applications reviewed, waiting for the county's approval
     * @param inflowsToAccept   inflow projects submitted, waiting for acceptance
     * @param expensesToApprove township expenses proposed, waiting for approval
     */
    record Waiting(long outflowsToReview, long outflowsToApprove, long inflowsToAccept, long expensesToApprove) {
    }

    Waiting waiting(long countyId);

    /**
     * What waits for a township's officer.
     *
     * @param noticesToConfirm  payment notices payable to the township, still open (money to confirm)
     * @param bankLinesOpen     bank statement lines neither matched nor booked
     * @param expensesToPay     expenses the county approved that the township has not paid
     * @param outflowsToReview  applications declared in the township, waiting for its review
     * @param inflowsToSubmit   the township's inflow projects still drafts
     */
    record TownshipWaiting(long noticesToConfirm, long bankLinesOpen, long expensesToPay, long outflowsToReview,
                           long inflowsToSubmit) {
    }

    TownshipWaiting waiting(long countyId, long townshipId);

    /**
     * What waits for an applicant (an enterprise or project owner).
     *
     * @param noticesToPay       its payment notices still open (money to transfer, quoting the code)
     * @param outflowsToBalance  its applications declared or further on, not ended, whose obligation is not yet covered
     * @param outflowsToDeclare  its applications saved and not declared (status DRAFT)
     */
    record ApplicantWaiting(long noticesToPay, long outflowsToBalance, long outflowsToDeclare) {
    }

    ApplicantWaiting waitingFor(long countyId, long orgId);

    /**
     * The applications declared and still waiting for their township's review (of one township when given), each with
     * the day it was declared (county time).
     */
    java.util.List<ReportingRounds.Declared> declaredWaiting(long countyId, Long townshipId);

    /** The plan years the county has applications, inflow projects or a plan in, newest first, at most {@code limit}. */
    java.util.List<Integer> yearsInPlay(long countyId, int limit);
}
