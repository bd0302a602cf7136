package cn.landbalance.ledger.money;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.MoneyFen;
import cn.landbalance.ledger.common.Units;

/**
 * The money ledger in whole fen: every movement is one balanced transfer between two accounts, written
 * with the balance changes of the accounts that keep one (funds, reserves) in the caller's transaction; a clearing
 * account's balance is the sum of its transfers. A township fund never goes below zero (超支不补).
 */
public class MoneyLedger {
    private final MoneyStore store;

    public MoneyLedger(MoneyStore store) {
        this.store = store;
    }

    /** Money paid in by a party (a fee or a purchase) into a township's fund account. */
    public Transfer receive(long countyId, long townshipId, MoneyFen amount, TransferKind kind, String reference, String memo) {
        return receive(countyId, townshipId, amount, kind, reference, memo, null);
    }

    /**
     * Money paid in, as the bank credited it on {@code valueDate} (到账日): the fund's books and its bank statement then
     * show it on the same day, whenever finance confirms it.
     */
    public Transfer receive(long countyId, long townshipId, MoneyFen amount, TransferKind kind, String reference, String memo,
                            java.time.LocalDate valueDate) {
        long amountFen = amount.value();
        requirePositive(amountFen);
        Account payer = store.clearingAccount(AccountKind.PAYER_CLEARING, countyId, countyId);
        return store.creditFrom(payer, AccountKind.TOWNSHIP_FUND, townshipId, countyId, amount, kind, reference, memo,
                valueDate);
    }

    /** Money paid in for one thing, among many confirmed at once (see {@link #receiveAll}). */
    public record Receipt(long townshipId, MoneyFen amount, TransferKind kind, String reference, String memo,
                          java.time.LocalDate valueDate) {
    }

    /**
     * Many payments in at once (a bank statement's lines): the same transfers as {@link #receive}, one per receipt and
     * in order, each fund's balance changed once by their sum; the funds are locked in ascending township order.
     */
    public java.util.List<Transfer> receiveAll(long countyId, java.util.List<Receipt> receipts) {
        receipts.forEach(r -> requirePositive(r.amount().value()));
        Account payer = store.clearingAccount(AccountKind.PAYER_CLEARING, countyId, countyId);
        java.util.SortedMap<Long, java.util.List<Integer>> byTownship = new java.util.TreeMap<>();
        for (int i = 0; i < receipts.size(); i++) {
            byTownship.computeIfAbsent(receipts.get(i).townshipId(), t -> new java.util.ArrayList<>()).add(i);
        }
        Transfer[] transfers = new Transfer[receipts.size()];
        byTownship.forEach((township, indexes) -> {
            java.util.List<Transfer> posted = store.creditAllFrom(payer, AccountKind.TOWNSHIP_FUND, township, countyId,
                    indexes.stream().map(i -> {
                        Receipt r = receipts.get(i);
                        return new MoneyStore.Credit(r.amount().value(), r.kind(), r.reference(), r.memo(), r.valueDate());
                    }).toList());
            for (int k = 0; k < indexes.size(); k++) {
                transfers[indexes.get(k)] = posted.get(k);
            }
        });
        return java.util.List.of(transfers);
    }

    /** Money moved from one township's fund to another's (the county reassigns a fee and its duty). */
    public Transfer reassign(long countyId, long fromTownshipId, long toTownshipId, MoneyFen amount, String reference, String memo) {
        Pair p = lockPair(countyId, AccountKind.TOWNSHIP_FUND, fromTownshipId, AccountKind.TOWNSHIP_FUND, toTownshipId);
        return move(p.payer(), p.payee(), amount, TransferKind.FEE_REASSIGNMENT, reference, memo);
    }

    /** A township repays a reserve with money from its fund; refused if the fund would go below zero. */
    public Transfer repay(long countyId, long townshipId, long reserveRegionId, MoneyFen amount, String reference, String memo) {
        Pair p = lockPair(countyId, AccountKind.TOWNSHIP_FUND, townshipId, AccountKind.RESERVE_FUND, reserveRegionId);
        return move(p.payer(), p.payee(), amount, TransferKind.REPAYMENT, reference, memo);
    }

    /**
     * The county's reserve fund pays a township's fund for indicators the county takes into its reserve; refused,
     * naming {@code field}, if the reserve fund does not hold the amount.
     */
    public Transfer payFromReserve(long countyId, long townshipId, MoneyFen amount, String reference, String memo,
                                   String field) {
        long amountFen = amount.value();
        Pair p = lockPair(countyId, AccountKind.RESERVE_FUND, countyId, AccountKind.TOWNSHIP_FUND, townshipId);
        requirePositive(amountFen);
        if (p.payer().balanceFen() < amountFen) {
            throw DomainException.field(ErrorCode.FUND_INSUFFICIENT, field,
                    "县级储备资金余额 " + Units.fenToYuan(p.payer().balanceFen()) + " 元，不足以支付 " + Units.fenToYuan(amountFen)
                            + " 元",
                    "the county reserve fund holds " + p.payer().balanceFen() + " fen, " + amountFen + " fen asked");
        }
        return move(p.payer(), p.payee(), amount, TransferKind.ADJUSTMENT, reference, memo);
    }

    /** The two accounts of a move between funds, as locked. */
    private record Pair(Account payer, Account payee) {
    }

    /**
     * Locks the payer's and the payee's accounts in ascending region order, the order every move between two funds
     * takes, so that two such moves never wait for each other.
     */
    private Pair lockPair(long countyId, AccountKind payerKind, long payerRegionId, AccountKind payeeKind, long payeeRegionId) {
        if (payerRegionId < payeeRegionId) {
            Account payer = store.lockAccount(payerKind, payerRegionId, countyId);
            return new Pair(payer, store.lockAccount(payeeKind, payeeRegionId, countyId));
        }
        Account payee = store.lockAccount(payeeKind, payeeRegionId, countyId);
        return new Pair(store.lockAccount(payerKind, payerRegionId, countyId), payee);
    }

    /** Money spent from a township's fund on inflow work; refused if the fund would go below zero. */
    public Transfer spend(long countyId, long townshipId, MoneyFen amount, String reference, String purpose) {
        return spend(countyId, townshipId, amount, reference, purpose, null);
    }

    /**
     * Money spent from a township's fund, as the bank paid it out on {@code valueDate} (null: today), so that the books and
     * the bank statement show it on the same day; refused if the fund would go below zero.
     */
    public Transfer spend(long countyId, long townshipId, MoneyFen amount, String reference, String purpose,
                          java.time.LocalDate valueDate) {
        Account fund = store.lockAccount(AccountKind.TOWNSHIP_FUND, townshipId, countyId);
        Account expenses = store.clearingAccount(AccountKind.EXPENSE_CLEARING, countyId, countyId);
        return move(fund, expenses, amount, TransferKind.EXPENSE, reference, purpose, valueDate);
    }

    /**
     * Money paid back from a township's fund to the payer it came from (the payer clearing account): refused, naming
     * the amount, if the fund would go below zero.
     */
    public Transfer refund(long countyId, long townshipId, MoneyFen amount, String reference, String memo) {
        Account fund = store.lockAccount(AccountKind.TOWNSHIP_FUND, townshipId, countyId);
        Account payers = store.clearingAccount(AccountKind.PAYER_CLEARING, countyId, countyId);
        return move(fund, payers, amount, TransferKind.REFUND, reference, memo);
    }

    /**
     * Locks these accounts (account kind by owner region) in ascending region order, before a use case moves money
     * between several of them, so that it never waits for one while holding a later one.
     */
    public void lockInOrder(long countyId, java.util.SortedMap<Long, AccountKind> accounts) {
        accounts.forEach((region, kind) -> store.lockAccount(kind, region, countyId));
    }

    /**
     * Compensation for indicators moved by the county's 调剂 (or its reversal): from {@code payerKind} account of
     * {@code payerRegionId} to {@code payeeKind} account of {@code payeeRegionId}, both locked in ascending region order;
     * refused if a township fund would go below zero.
     */
    public Transfer compensate(long countyId, AccountKind payerKind, long payerRegionId, AccountKind payeeKind,
                               long payeeRegionId, MoneyFen amount, String reference, String memo) {
        Pair p = lockPair(countyId, payerKind, payerRegionId, payeeKind, payeeRegionId);
        return move(p.payer(), p.payee(), amount, TransferKind.ADJUSTMENT, reference, memo);
    }

    private Transfer move(Account debit, Account credit, MoneyFen amount, TransferKind kind, String reference, String memo) {
        return move(debit, credit, amount, kind, reference, memo, null);
    }

    private Transfer move(Account debit, Account credit, MoneyFen amount, TransferKind kind, String reference, String memo,
                          java.time.LocalDate valueDate) {
        long amountFen = amount.value();
        requirePositive(amountFen);
        if (debit.kind() == AccountKind.TOWNSHIP_FUND && debit.balanceFen() < amountFen) {
            throw DomainException.field(ErrorCode.FUND_INSUFFICIENT, "amountFen",
                    "专户余额 " + Units.yuanText(debit.balanceFen()) + "，不足支付 " + Units.yuanText(amountFen),
                    "the fund holds " + Units.yuanText(debit.balanceFen()) + ", " + Units.yuanText(amountFen)
                            + " asked");
        }
        if (debit.kind().keepsBalance()) {
            store.changeBalance(debit.id(), -amountFen);
        }
        if (credit.kind().keepsBalance()) {
            store.changeBalance(credit.id(), amountFen);
        }
        return store.insert(debit, credit, amount, kind, reference, memo, valueDate);
    }

    private static void requirePositive(long amountFen) {
        if (amountFen <= 0) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "amountFen",
                    "金额须为正的整数分", "amount must be a positive whole number of fen");
        }
    }
}
