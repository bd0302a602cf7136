package cn.landbalance.settlement.adjustment;

/** Area of one lot that covers one application: from a region (a township or the county reserve) to a township. */
public record Line(long lotId, long fromRegionId, long applicationId, long toTownshipId, long areaM2, long amountFen) {

    /** Whether the township uses its own indicators (self-balance, nothing paid). */
    public boolean own() {
        return fromRegionId == toTownshipId;
    }
}
