package cn.landbalance.api.fund;

import cn.landbalance.ledger.common.MoneyFen;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.ledger.money.Account;
import cn.landbalance.ledger.money.AccountKind;
import cn.landbalance.ledger.money.MoneyStore;
import cn.landbalance.ledger.money.Transfer;
import cn.landbalance.ledger.money.TransferKind;
import cn.landbalance.ledger.region.Regions;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import io.micronaut.transaction.TransactionOperations;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The money store remembers a clearing account's id so a payment does not look it up again; it may only remember an
 * account that was committed. A payment credits a fund and records its transfer in one statement; a fund that does not
 * exist yet is created first, and the payment is not credited twice.
 */
@MicronautTest(transactional = false)
class ClearingAccountsTest extends ApiTest {
    @Inject
    MoneyStore store;
    @Inject
    Regions regions;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    DSLContext db;

    @Test
    void aClearingAccountCreatedByATransactionThatRolledBackIsNotRemembered() {
        long county = countyId();
        long owner = tx.executeRead(status -> regions.children(county)).get(5).id();

        long[] rolledBack = new long[1];
        assertThrows(IllegalStateException.class, () -> tx.executeWrite(status -> {
            rolledBack[0] = store.clearingAccount(AccountKind.EXPENSE_CLEARING, owner, county).id();
            throw new IllegalStateException("the change that needed the account fails");
        }));
        assertEquals(0, accounts(rolledBack[0]), "the account's creation rolled back");

        long committed = tx.executeWrite(status -> store.clearingAccount(AccountKind.EXPENSE_CLEARING, owner, county).id());
        assertNotEquals(rolledBack[0], committed, "not the id of the account that rolled back");
        assertEquals(1, accounts(committed));
        assertEquals(committed, (long) tx.<Long>executeWrite(status ->
                store.clearingAccount(AccountKind.EXPENSE_CLEARING, owner, county).id()), "the same account afterwards");
    }

    @Test
    void aPaymentIntoAFundThatDoesNotExistYetCreatesItAndCreditsOnce() {
        long county = countyId();
        long township = tx.executeRead(status -> regions.children(county)).get(6).id();
        tx.executeWrite(status -> db.execute("delete from fund_account where kind = 'TOWNSHIP_FUND' and owner_region_id = ?"
                + " and not exists (select 1 from money_transfer t where t.credit_account_id = fund_account.id"
                + " or t.debit_account_id = fund_account.id)", township));
        assertEquals(0, tx.<Long>executeRead(status -> db.fetchSingle("select count(*) from fund_account"
                + " where kind = 'TOWNSHIP_FUND' and owner_region_id = ?", township).get(0, Long.class)), "no fund yet");
        long before = balance(township);

        Transfer first = tx.executeWrite(status -> {
            Account payer = store.clearingAccount(AccountKind.PAYER_CLEARING, county, county);
            return store.creditFrom(payer, AccountKind.TOWNSHIP_FUND, township, county, MoneyFen.of(12_345), TransferKind.SALE,
                    "clearing-test-1", "first payment", null);
        });
        assertEquals(before + 12_345, balance(township));
        Transfer second = tx.executeWrite(status -> {
            Account payer = store.clearingAccount(AccountKind.PAYER_CLEARING, county, county);
            return store.creditFrom(payer, AccountKind.TOWNSHIP_FUND, township, county, MoneyFen.of(55), TransferKind.SALE,
                    "clearing-test-2", "second payment", null);
        });
        assertEquals(before + 12_400, balance(township));
        assertEquals(first.creditAccountId(), second.creditAccountId());
        assertEquals(12_345L, tx.<Long>executeRead(status -> db.fetchSingle(
                "select amount_fen from money_transfer where id = ?", first.id()).get(0, Long.class)));
    }

    private long accounts(long id) {
        return tx.<Long>executeRead(status -> db.fetchSingle("select count(*) from fund_account where id = ?", id)
                .get(0, Long.class));
    }

    private long balance(long township) {
        return tx.<Long>executeRead(status -> db.fetchSingle("select coalesce(sum(balance_fen), 0) from fund_account"
                + " where kind = 'TOWNSHIP_FUND' and owner_region_id = ?", township).get(0, Long.class));
    }
}
