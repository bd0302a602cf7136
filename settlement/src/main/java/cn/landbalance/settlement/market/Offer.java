package cn.landbalance.settlement.market;

/**
 * The part of an open listing that lies on one lot, with what an order needs to know to choose it (the lot's vintage:
 * an obligation of a year is covered only by indicators of that year or earlier).
 */
public record Offer(long listingLotId, long listingId, long lotId, long townshipId, long pricePerMuFen, long remainingM2,
                    int qualityGrade, boolean paddy, int vintageYear) {
}
