package cn.landbalance.infra.money;

import cn.landbalance.infra.jooq.tables.records.FundAccountRecord;
import cn.landbalance.ledger.common.MoneyFen;
import cn.landbalance.settlement.event.MoneyEvent;
import cn.landbalance.infra.jooq.tables.records.MoneyTransferRecord;
import cn.landbalance.ledger.money.Account;
import cn.landbalance.ledger.money.AccountKind;
import cn.landbalance.ledger.money.MoneyStore;
import cn.landbalance.ledger.money.Transfer;
import cn.landbalance.ledger.money.TransferKind;
import cn.landbalance.infra.outbox.Outbox;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static cn.landbalance.infra.jooq.Tables.FUND_ACCOUNT;
import static cn.landbalance.infra.jooq.Tables.MONEY_TRANSFER;

@Singleton
public class JooqMoneyStore implements MoneyStore {
    private final DSLContext db;
    private final Outbox outbox;
    private final TransactionOperations<Connection> tx;
    /** Clearing accounts by kind and owner, remembered once the transaction that found or created them committed. */
    private final Map<String, Account> clearing = new ConcurrentHashMap<>();

    public JooqMoneyStore(DSLContext db, Outbox outbox, TransactionOperations<Connection> tx) {
        this.db = db;
        this.outbox = outbox;
        this.tx = tx;
    }

    @Override
    public Account lockAccount(AccountKind kind, long ownerRegionId, long countyId) {
        FundAccountRecord row = findOrCreate(kind, ownerRegionId, countyId, true);
        return new Account(row.getId(), kind, ownerRegionId, row.getCountyId(), row.getBalanceFen());
    }

    @Override
    public Account clearingAccount(AccountKind kind, long ownerRegionId, long countyId) {
        if (kind.keepsBalance()) {
            throw new IllegalArgumentException(kind + " keeps a balance: lock it");
        }
        String key = kind.name() + ":" + ownerRegionId;
        Account known = clearing.get(key);
        if (known != null) {
            return known;
        }
        FundAccountRecord row = findOrCreate(kind, ownerRegionId, countyId, false);
        Account account = new Account(row.getId(), kind, ownerRegionId, row.getCountyId(), 0);
        // a row created by this transaction is gone if it rolls back: remember it only after the commit
        tx.findTransactionStatus().ifPresent(status -> status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                clearing.put(key, account);
            }
        }));
        return account;
    }

    /** The account's row, created at zero first if it does not exist yet; row-locked when {@code lock}. */
    private FundAccountRecord findOrCreate(AccountKind kind, long ownerRegionId, long countyId, boolean lock) {
        FundAccountRecord row = select(kind, ownerRegionId, lock);
        if (row == null) {
            create(kind, ownerRegionId, countyId);
            row = select(kind, ownerRegionId, lock);
        }
        return row;
    }

    private FundAccountRecord select(AccountKind kind, long ownerRegionId, boolean lock) {
        var query = db.selectFrom(FUND_ACCOUNT)
                .where(FUND_ACCOUNT.KIND.eq(kind).and(FUND_ACCOUNT.OWNER_REGION_ID.eq(ownerRegionId)));
        return lock ? query.forUpdate().fetchOne() : query.fetchOne();
    }

    private void create(AccountKind kind, long ownerRegionId, long countyId) {
        db.insertInto(FUND_ACCOUNT)
                .set(FUND_ACCOUNT.KIND, kind)
                .set(FUND_ACCOUNT.OWNER_REGION_ID, ownerRegionId)
                .set(FUND_ACCOUNT.COUNTY_ID, countyId)
                .set(FUND_ACCOUNT.BALANCE_FEN, 0L)
                .onConflictDoNothing()
                .execute();
    }

    @Override
    public void changeBalance(long accountId, long deltaFen) {
        db.update(FUND_ACCOUNT).set(FUND_ACCOUNT.BALANCE_FEN, FUND_ACCOUNT.BALANCE_FEN.plus(deltaFen))
                .where(FUND_ACCOUNT.ID.eq(accountId)).execute();
    }

    /** The credit and its transfer in one statement; the account is created first if the credit found none. */
    @Override
    public Transfer creditFrom(Account debit, AccountKind kind, long ownerRegionId, long countyId, MoneyFen amount,
                               TransferKind transferKind, String reference, String memo, LocalDate valueDate) {
        long amountFen = amount.value();
        return creditAllFrom(debit, kind, ownerRegionId, countyId,
                java.util.List.of(new Credit(amountFen, transferKind, reference, memo, valueDate))).get(0);
    }

    @Override
    public Transfer insert(Account debit, Account credit, MoneyFen amount, TransferKind kind, String reference,
                           String memo, LocalDate valueDate) {
        long amountFen = amount.value();
        long debitAccountId = debit.id();
        long creditAccountId = credit.id();
        MoneyTransferRecord row = db.insertInto(MONEY_TRANSFER)
                .set(MONEY_TRANSFER.DEBIT_ACCOUNT_ID, debitAccountId)
                .set(MONEY_TRANSFER.CREDIT_ACCOUNT_ID, creditAccountId)
                .set(MONEY_TRANSFER.AMOUNT_FEN, amountFen)
                .set(MONEY_TRANSFER.KIND, kind)
                .set(MONEY_TRANSFER.REFERENCE, reference)
                .set(MONEY_TRANSFER.MEMO, memo)
                .set(MONEY_TRANSFER.CREATED_AT, OffsetDateTime.now())
                .set(MONEY_TRANSFER.VALUE_DATE, valueDate)
                .returning().fetchOne();
        return posted(row.getId(), debit, credit, amountFen, kind, reference, memo);
    }

    /** One statement over arrays (two the first time the account is used); ids come back in the order of the credits. */
    @Override
    public java.util.List<Transfer> creditAllFrom(Account debit, AccountKind kind, long ownerRegionId, long countyId,
                                                  java.util.List<Credit> credits) {
        if (credits.isEmpty()) {
            return java.util.List.of();
        }
        org.jooq.Result<Record> rows = creditAllAndInsert(debit, kind, ownerRegionId, credits);
        if (rows.isEmpty()) {
            create(kind, ownerRegionId, countyId);
            rows = creditAllAndInsert(debit, kind, ownerRegionId, credits);
        }
        Account credit = new Account(rows.get(0).get(1, Long.class), kind, ownerRegionId, countyId, 0);
        java.util.List<Long> ids = rows.stream().map(r -> r.get(0, Long.class)).sorted().toList();
        java.util.List<Transfer> transfers = new java.util.ArrayList<>(credits.size());
        for (int i = 0; i < credits.size(); i++) {
            Credit c = credits.get(i);
            transfers.add(posted(ids.get(i), debit, credit, c.amountFen(), c.kind(), c.reference(), c.memo()));
        }
        return transfers;
    }

    private org.jooq.Result<Record> creditAllAndInsert(Account debit, AccountKind kind, long ownerRegionId,
                                                       java.util.List<Credit> credits) {
        return db.fetch("""
                        with account as (
                            update fund_account set balance_fen = balance_fen + ?
                            where kind = ? and owner_region_id = ? returning id)
                        insert into money_transfer (debit_account_id, credit_account_id, amount_fen, kind, reference, memo,
                                                    created_at, value_date)
                        select ?, account.id, t.amount_fen, t.kind, t.reference, t.memo, ?::timestamptz, t.value_date::date
                        from account, unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality
                             as t(amount_fen, kind, reference, memo, value_date, n)
                        order by t.n
                        returning id, credit_account_id""",
                credits.stream().mapToLong(Credit::amountFen).reduce(0, Math::addExact), kind.name(), ownerRegionId,
                debit.id(), OffsetDateTime.now(), credits.stream().map(Credit::amountFen).toArray(Long[]::new),
                credits.stream().map(c -> c.kind().name()).toArray(String[]::new),
                credits.stream().map(Credit::reference).toArray(String[]::new),
                credits.stream().map(Credit::memo).toArray(String[]::new),
                credits.stream().map(c -> c.valueDate() == null ? null : c.valueDate().toString()).toArray(String[]::new));
    }

    private Transfer posted(long transferId, Account debit, Account credit, long amountFen, TransferKind kind,
                            String reference, String memo) {
        outbox.publish(new MoneyEvent.AccountPosting(credit.countyId(), credit.ownerRegionId(), transferId, debit.id(), credit.id(),
                credit.kind().name(), amountFen, kind.name(), reference, memo));
        return new Transfer(transferId, debit.id(), credit.id(), amountFen, kind, reference, memo);
    }
}
