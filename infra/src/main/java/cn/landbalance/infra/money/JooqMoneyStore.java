package cn.landbalance.infra.money;

import cn.landbalance.infra.jooq.tables.records.FundAccountRecord;
import cn.landbalance.infra.jooq.tables.records.MoneyTransferRecord;
import cn.landbalance.ledger.money.Account;
import cn.landbalance.ledger.money.AccountKind;
import cn.landbalance.ledger.money.MoneyStore;
import cn.landbalance.ledger.money.Transfer;
import cn.landbalance.ledger.money.TransferKind;
import cn.landbalance.infra.outbox.Outbox;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;

import static cn.landbalance.infra.jooq.Tables.FUND_ACCOUNT;
import static cn.landbalance.infra.jooq.Tables.MONEY_TRANSFER;

@Singleton
public class JooqMoneyStore implements MoneyStore {
    private final DSLContext db;
    private final Outbox outbox;

    public JooqMoneyStore(DSLContext db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
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
        FundAccountRecord row = findOrCreate(kind, ownerRegionId, countyId, false);
        return new Account(row.getId(), kind, ownerRegionId, row.getCountyId(), 0);
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
                .where(FUND_ACCOUNT.KIND.eq(kind.name()).and(FUND_ACCOUNT.OWNER_REGION_ID.eq(ownerRegionId)));
        return lock ? query.forUpdate().fetchOne() : query.fetchOne();
    }

    private void create(AccountKind kind, long ownerRegionId, long countyId) {
        db.insertInto(FUND_ACCOUNT)
                .set(FUND_ACCOUNT.KIND, kind.name())
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

    @Override
    public Account credit(AccountKind kind, long ownerRegionId, long countyId, long amountFen) {
        FundAccountRecord row = addTo(kind, ownerRegionId, amountFen);
        if (row == null) {
            create(kind, ownerRegionId, countyId);
            row = addTo(kind, ownerRegionId, amountFen);
        }
        return new Account(row.getId(), kind, ownerRegionId, row.getCountyId(), row.getBalanceFen());
    }

    private FundAccountRecord addTo(AccountKind kind, long ownerRegionId, long amountFen) {
        return db.update(FUND_ACCOUNT).set(FUND_ACCOUNT.BALANCE_FEN, FUND_ACCOUNT.BALANCE_FEN.plus(amountFen))
                .where(FUND_ACCOUNT.KIND.eq(kind.name()).and(FUND_ACCOUNT.OWNER_REGION_ID.eq(ownerRegionId)))
                .returning().fetchOne();
    }

    @Override
    public Transfer insert(Account debit, Account credit, long amountFen, TransferKind kind, String reference,
                           String memo) {
        long debitAccountId = debit.id();
        long creditAccountId = credit.id();
        MoneyTransferRecord row = db.insertInto(MONEY_TRANSFER)
                .set(MONEY_TRANSFER.DEBIT_ACCOUNT_ID, debitAccountId)
                .set(MONEY_TRANSFER.CREDIT_ACCOUNT_ID, creditAccountId)
                .set(MONEY_TRANSFER.AMOUNT_FEN, amountFen)
                .set(MONEY_TRANSFER.KIND, kind.name())
                .set(MONEY_TRANSFER.REFERENCE, reference)
                .set(MONEY_TRANSFER.MEMO, memo)
                .set(MONEY_TRANSFER.CREATED_AT, OffsetDateTime.now())
                .returning().fetchOne();
        outbox.record("account.posting", "fund-account", creditAccountId, credit.countyId(), credit.ownerRegionId(),
                Outbox.fields("transferId", row.getId(), "debitAccountId", debitAccountId, "creditAccountId", creditAccountId,
                        "creditAccountKind", credit.kind().name(), "amountFen", amountFen, "kind", kind.name(),
                        "reference", reference, "memo", memo));
        return new Transfer(row.getId(), debitAccountId, creditAccountId, amountFen, kind, reference, memo);
    }
}
