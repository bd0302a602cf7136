package cn.landbalance.settlement.outflow;

/**
 * A part of an obligation covered: by the applicant's own indicators (SELF, with the lot), by indicators bought
 * (PURCHASE, with the lot), by the fee (FEE, a duty of {@code townshipId} to deliver that inflow) or by indicators the
 * county's 调剂 moved from another region (ADJUSTMENT, with the lot; {@code townshipId} the region that gave). A coverage is
 * never changed: it is undone by its reversal, a coverage of the same kind, township and lot with the opposite area and
 * amount that names it ({@code reversesId}).
 */
public record Coverage(long id, CoverageKind kind, long areaM2, String ref, long townshipId, Long lotId,
                       Integer qualityGrade, Long amountFen, Long reversesId) {
    /** A fee paid for {@code areaM2}: the home township owes that inflow. */
    public static Coverage fee(long areaM2, String paymentReference, long townshipId, long amountFen) {
        return new Coverage(0, CoverageKind.FEE, areaM2, paymentReference, townshipId, null, null, amountFen, null);
    }

    /** The applicant's own indicators from {@code lotId}. */
    public static Coverage self(long areaM2, long lotId, long ownerRegionId, int qualityGrade) {
        return new Coverage(0, CoverageKind.SELF, areaM2, "lot:" + lotId, ownerRegionId, lotId, qualityGrade, null, null);
    }

    /** Indicators bought from {@code lotId} of the selling township. */
    public static Coverage purchase(long areaM2, String paymentReference, long townshipId, long lotId, int qualityGrade,
                                    long amountFen) {
        return new Coverage(0, CoverageKind.PURCHASE, areaM2, paymentReference, townshipId, lotId, qualityGrade, amountFen,
                null);
    }

    /**
     * Indicators of {@code lotId} of another region ({@code fromRegionId}: a township, or the county for its reserve)
     * moved by the county's 调剂 {@code reference}, with the compensation paid for them (0 when none).
     */
    public static Coverage adjustment(long areaM2, String reference, long fromRegionId, long lotId, int qualityGrade,
                                      long amountFen) {
        return new Coverage(0, CoverageKind.ADJUSTMENT, areaM2, reference, fromRegionId, lotId, qualityGrade, amountFen,
                null);
    }

    /** Whether this is the reversal of another coverage. */
    public boolean isReversal() {
        return reversesId != null;
    }

    /** The coverage that undoes this stored one. */
    public Coverage reversal() {
        if (isReversal() || id == 0) {
            throw new IllegalStateException("only a stored coverage that is not itself a reversal can be reversed");
        }
        return new Coverage(0, kind, -areaM2, ref, townshipId, lotId, qualityGrade, amountFen == null ? null : -amountFen,
                id);
    }

    /** What stored coverage and the application's covered total after it mean: whether this one completed it. */
    public record Added(Coverage coverage, long coveredAfterM2) {
        public boolean completes(OutflowApplication application) {
            return coverage.areaM2() > 0 && coveredAfterM2 == application.requiredM2();
        }
    }
}
