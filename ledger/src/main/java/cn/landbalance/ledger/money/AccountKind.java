package cn.landbalance.ledger.money;

/**
 * The kinds of money account; only a township's fund account is held to "never below zero". The two clearing accounts
 * stand for the world outside the funds (payers, contractors): they keep no balance of their own, theirs is the sum of
 * their transfers, so payments never queue on one county-wide row.
 */
public enum AccountKind {
    /** 乡镇耕地进出平衡专项资金账户: receives fees and sale proceeds, pays inflow work; never below zero (超支不补). */
    TOWNSHIP_FUND,
    /** A county's or city's reserve: receives money repaid for indicators a township borrowed and could not return. */
    RESERVE_FUND,
    /** The county's clearing account for money arriving from payers (enterprises, project owners); goes negative by what was paid in. */
    PAYER_CLEARING,
    /** The county's clearing account for money paid out for inflow work. */
    EXPENSE_CLEARING;

    /** Whether the account keeps its balance on its row (locked and changed with each transfer); clearing accounts do not. */
    public boolean keepsBalance() {
        return this == TOWNSHIP_FUND || this == RESERVE_FUND;
    }
}
