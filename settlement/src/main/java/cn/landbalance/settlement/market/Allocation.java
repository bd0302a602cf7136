package cn.landbalance.settlement.market;

/** Part of an order: area reserved on one lot of one township at the listed price, and its amount in fen. */
public record Allocation(long id, long lotId, long listingLotId, long townshipId, long holdId, long areaM2,
                         long pricePerMuFen, long amountFen, int qualityGrade) {
}
