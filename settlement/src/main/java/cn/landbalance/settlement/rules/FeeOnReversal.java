package cn.landbalance.settlement.rules;

/**
 * What becomes of a fee already paid when its application is rejected or withdrawn: paid back to the payer from the
 * fund that holds it (REFUND), or kept in that fund for restoration work (KEEP), its duty to restore the area staying
 * with the township. A county decides; the default refunds.
 */
public enum FeeOnReversal { REFUND, KEEP }
