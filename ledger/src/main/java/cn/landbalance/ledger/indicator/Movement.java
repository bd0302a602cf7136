package cn.landbalance.ledger.indicator;

/**
 * One immutable ledger entry: {@code areaM2} moved as {@code kind} on a lot (owned by {@code ownerRegionId} in
 * {@code countyId}), possibly under a hold.
 */
public record Movement(long lotId, long ownerRegionId, long countyId, MovementKind kind, long areaM2, Long holdId,
                       String reference) {
    static Movement of(IndicatorLot lot, MovementKind kind, long areaM2, Long holdId, String reference) {
        return new Movement(lot.id(), lot.ownerRegionId(), lot.countyId(), kind, areaM2, holdId, reference);
    }
}
