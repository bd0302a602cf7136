package cn.landbalance.ledger.indicator;

/** One immutable ledger entry: {@code areaM2} moved as {@code kind} on a lot, possibly under a hold. */
public record Movement(long lotId, MovementKind kind, long areaM2, Long holdId, String reference) {
}
