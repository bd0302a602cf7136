package cn.landbalance.ledger.money;

import cn.landbalance.ledger.common.MoneyFen;

/** Port: money accounts and transfers; the caller's transaction covers a whole transfer. */
public interface MoneyStore {
    /** The account of that kind and owner region, created at zero if it does not exist yet, row-locked until commit. */
    Account lockAccount(AccountKind kind, long ownerRegionId, long countyId);

    /**
     * A clearing account (one that keeps no balance), created if it does not exist yet, not locked: transfers to and
     * from it never wait for each other. Its balance in the returned value is 0. Its id never changes, so an
     * implementation may remember it once the account is committed.
     */
    Account clearingAccount(AccountKind kind, long ownerRegionId, long countyId);

    void changeBalance(long accountId, long deltaFen);

    /**
     * Adds {@code amountFen} to the balance of the account of that kind and owner region (created at zero if it does
     * not exist yet), row-locking it until commit, and records the transfer to it from {@code debit}: one step.
     * {@code valueDate} is the day the bank credited the money (到账日), when it is not the day of the transfer; null
     * means the day of the transfer.
     */
    Transfer creditFrom(Account debit, AccountKind kind, long ownerRegionId, long countyId, MoneyFen amount,
                        TransferKind transferKind, String reference, String memo, java.time.LocalDate valueDate);

    /** Records a transfer between two accounts; {@code valueDate} as in {@link #creditFrom}. */
    Transfer insert(Account debit, Account credit, MoneyFen amount, TransferKind kind, String reference, String memo,
                    java.time.LocalDate valueDate);

    /** A transfer among many from one debit account into one account; {@code valueDate} as in {@link #creditFrom}. */
    record Credit(long amountFen, TransferKind kind, String reference, String memo, java.time.LocalDate valueDate) {
    }

    /**
     * {@link #creditFrom} for many transfers into one account at once: its balance grows by their sum (the account
     * created at zero if need be, row-locked until commit) and the transfers are recorded in order, in one step; returns
     * them with their ids.
     */
    java.util.List<Transfer> creditAllFrom(Account debit, AccountKind kind, long ownerRegionId, long countyId,
                                           java.util.List<Credit> credits);
}
