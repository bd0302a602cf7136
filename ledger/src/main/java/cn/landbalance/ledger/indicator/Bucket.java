package cn.landbalance.ledger.indicator;

/** The sub-balances of an indicator lot; issued = available + reserved + frozen + consumed + deducted. */
public enum Bucket { AVAILABLE, RESERVED, FROZEN, CONSUMED, DEDUCTED }
