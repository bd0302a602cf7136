package cn.landbalance.settlement.outflow;

import java.util.List;
import java.util.Optional;

/** Port: outflow applications, their coverages and fee payments. */
public interface OutflowApplications {
    OutflowApplication insert(OutflowApplication application);

    Optional<OutflowApplication> find(long id);

    /** Reads and row-locks the application: every change of its coverage happens under this lock. */
    Optional<OutflowApplication> lock(long id);

    void updateStatus(long id, OutflowStatus status);

    List<OutflowApplication> list(long countyId, Long townshipId, Long applicantOrgId, OutflowStatus status);

    List<Coverage> coverages(long applicationId);

    /** Adds a coverage to {@code application} (read under its row lock in this transaction). */
    Coverage addCoverage(OutflowApplication application, CoverageKind kind, long areaM2, String ref, long townshipId, Long lotId,
                         Integer qualityGrade, Long amountFen);

    boolean importKeyExists(long countyId, String importKey);

    /** The fee payment recorded under this reference, if any. */
    Optional<FeePayment> feePayment(String paymentReference);

    FeePayment insertFeePayment(FeePayment payment);

    /** Reads and row-locks a fee payment. */
    java.util.Optional<FeePayment> lockFeePayment(long id);

    void moveDuty(long feePaymentId, long townshipId);
}
