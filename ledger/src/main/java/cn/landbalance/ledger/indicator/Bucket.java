package cn.landbalance.ledger.indicator;

/**
 * The sub-balances of an indicator lot; issued = available + reserved + frozen + consumed + deducted + revoked.
 * REVOKED holds area whose issue was withdrawn before anything used it (its plan import was replaced).
 */
public enum Bucket { AVAILABLE, RESERVED, FROZEN, CONSUMED, DEDUCTED, REVOKED }
