package cn.landbalance.ledger.money;

/** A money account as read under its row lock. */
public record Account(long id, AccountKind kind, long ownerRegionId, long countyId, long balanceFen) {
}
