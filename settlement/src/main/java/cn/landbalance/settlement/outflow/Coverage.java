package cn.landbalance.settlement.outflow;

/**
 * A part of an obligation covered: by the applicant's own indicators (SELF, with the lot), by indicators bought
 * (PURCHASE, with the lot) or by the fee (FEE, a duty of {@code townshipId} to deliver that inflow).
 */
public record Coverage(long id, CoverageKind kind, long areaM2, String ref, long townshipId, Long lotId,
                       Integer qualityGrade, Long amountFen) {
}
