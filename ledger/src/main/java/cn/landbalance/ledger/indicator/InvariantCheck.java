package cn.landbalance.ledger.indicator;

/** One conservation law recomputed from the ledger: its name, whether it holds, and what was found. */
public record InvariantCheck(String name, boolean ok, String detail) {
}
