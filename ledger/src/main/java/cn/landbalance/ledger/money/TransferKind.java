package cn.landbalance.ledger.money;

/** Why money moved. */
public enum TransferKind {
    /** 5万元/亩 fee paid for an outflow obligation into the home township's fund. */
    FEE,
    /** The county moved a fee (and its duty) to another township. */
    FEE_REASSIGNMENT,
    /** Proceeds of indicators sold by the township. */
    SALE,
    /** A township repays borrowed indicators with money at the guide price. */
    REPAYMENT,
    /** Money spent on inflow work (or a bank charge booked from the statement). */
    EXPENSE,
    /** Other money into the fund, booked from the bank statement: interest, a 财政补助, other receipts. */
    RECEIPT,
    /** Money paid back to a payer from a fund: the fee or the purchase of an application that was rejected or withdrawn. */
    REFUND,
    /**
     * Compensation at the guide price for indicators the county's 调剂 moved from one township (or the county reserve) to
     * cover another township's obligation; paid by the receiving township's fund, and paid back when that coverage is
     * reversed.
     */
    ADJUSTMENT
}
