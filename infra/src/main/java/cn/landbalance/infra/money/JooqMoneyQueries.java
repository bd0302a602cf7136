package cn.landbalance.infra.money;

import cn.landbalance.ledger.indicator.InvariantCheck;
import cn.landbalance.ledger.money.AccountKind;
import cn.landbalance.ledger.money.MoneyQueries;
import cn.landbalance.ledger.money.TransferKind;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

@Singleton
public class JooqMoneyQueries implements MoneyQueries {
    /** The kinds whose balance is the sum of their transfers, not a column (AccountKind.keepsBalance). */
    private static final String[] CLEARING_KINDS = Arrays.stream(AccountKind.values())
            .filter(k -> !k.keepsBalance()).map(AccountKind::name).toArray(String[]::new);
    private final DSLContext db;

    /**
     * When a transfer counts in the fund's statement: the start of its value date (到账日, in the county's time) when
     * finance confirmed a receipt after the day the bank credited it, else when it was made.
     */
    private final String bookedAt;

    public JooqMoneyQueries(DSLContext db, java.time.Clock clock) {
        this.bookedAt = new cn.landbalance.infra.report.ZoneSql(clock).in(
                "coalesce(value_date::timestamp at time zone {zone}, created_at)");
        this.db = db;
    }

    @Override
    public AccountSummary townshipAccount(long townshipId) {
        Record r = db.fetchOne("""
                select a.balance_fen,
                  coalesce((select sum(amount_fen) from money_transfer where credit_account_id = a.id), 0) as received,
                  coalesce((select sum(amount_fen) from money_transfer where debit_account_id = a.id), 0) as spent
                from fund_account a where a.kind = 'TOWNSHIP_FUND' and a.owner_region_id = ?""", townshipId);
        return r == null ? new AccountSummary(0, 0, 0)
                : new AccountSummary(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Long.class));
    }

    @Override
    public Statement statement(long townshipId, OffsetDateTime from, OffsetDateTime to) {
        Long account = db.fetchValue("select id from fund_account where kind = 'TOWNSHIP_FUND' and owner_region_id = ?",
                townshipId) instanceof Number n ? n.longValue() : null;
        if (account == null) {
            return new Statement(0, 0, 0, 0, List.of());
        }
        long opening = db.fetchValue("""
                select coalesce(sum(case when credit_account_id = ? then amount_fen else -amount_fen end), 0)
                from money_transfer where (credit_account_id = ? or debit_account_id = ?)
                  and {bookedAt} < cast(? as timestamp with time zone)""".replace("{bookedAt}", bookedAt),
                account, account, account, from) instanceof Number n ? n.longValue() : 0;
        List<StatementLine> lines = new ArrayList<>();
        long balance = opening;
        long in = 0;
        long out = 0;
        for (Record r : db.fetch("""
                select {bookedAt}, case when credit_account_id = ? then amount_fen else -amount_fen end, kind, reference, memo
                from money_transfer where (credit_account_id = ? or debit_account_id = ?)
                  and {bookedAt} >= cast(? as timestamp with time zone) and {bookedAt} < cast(? as timestamp with time zone)
                order by 1, id""".replace("{bookedAt}", bookedAt), account, account, account, from, to)) {
            long amount = r.get(1, Long.class);
            balance += amount;
            if (amount > 0) {
                in += amount;
            } else {
                out -= amount;
            }
            lines.add(new StatementLine(r.get(0, OffsetDateTime.class), amount, TransferKind.valueOf(r.get(2, String.class)),
                    r.get(3, String.class), r.get(4, String.class), balance));
        }
        return new Statement(opening, balance, in, out, lines);
    }

    @Override
    public List<InvariantCheck> audit(long countyId) {
        List<InvariantCheck> checks = new ArrayList<>();
        long total = value("""
                select coalesce(sum(case when a.kind = any(?) then
                  coalesce((select sum(amount_fen) from money_transfer where credit_account_id = a.id), 0)
                  - coalesce((select sum(amount_fen) from money_transfer where debit_account_id = a.id), 0)
                  else a.balance_fen end), 0)
                from fund_account a where a.county_id = ?""", CLEARING_KINDS, countyId);
        checks.add(new InvariantCheck("money: all balances sum to zero", total == 0, "sum of balances " + total + " fen"));
        long mismatched = value("""
                select count(*) from fund_account a where a.county_id = ?
                  and a.kind <> all(?) and a.balance_fen <>
                  coalesce((select sum(amount_fen) from money_transfer where credit_account_id = a.id), 0)
                  - coalesce((select sum(amount_fen) from money_transfer where debit_account_id = a.id), 0)""",
                countyId, CLEARING_KINDS);
        checks.add(new InvariantCheck("money: balances equal their transfers", mismatched == 0,
                mismatched == 0 ? "ok" : mismatched + " accounts differ from their transfers"));
        long negative = value("select count(*) from fund_account where county_id = ? and kind = 'TOWNSHIP_FUND' and balance_fen < 0",
                countyId);
        checks.add(new InvariantCheck("money: no township fund below zero", negative == 0,
                negative == 0 ? "ok" : negative + " funds overdrawn"));
        long untraced = value("""
                select count(*) from money_transfer t join fund_account a on a.id = t.credit_account_id
                where a.county_id = ? and t.kind = 'FEE'
                  and not exists (select 1 from fee_payment f where f.transfer_id = t.id)""", countyId);
        checks.add(new InvariantCheck("money: every fee received is traceable to a payment reference", untraced == 0,
                untraced == 0 ? "ok" : untraced + " fee transfers without a payment"));
        long unexplained = value("""
                select count(*) from money_transfer t join fund_account a on a.id = t.debit_account_id
                where a.county_id = ? and t.kind = 'REFUND'
                  and not exists (select 1 from fee_reversal r where r.transfer_id = t.id)
                  and not exists (select 1 from outflow_coverage c where c.refund_transfer_id = t.id)
                  and not exists (select 1 from bank_line b join money_transfer r on r.id = b.transfer_id
                                  where b.booked_as = 'REFUND' and r.reference = t.reference and r.amount_fen = t.amount_fen
                                    and r.credit_account_id = t.debit_account_id)""", countyId);
        checks.add(new InvariantCheck("money: every refund undoes a fee or a purchase of an ended application, or pays back "
                + "money the bank received that settles nothing",
                unexplained == 0, unexplained == 0 ? "ok" : unexplained + " refunds without a reversal"));
        long unapproved = value("""
                select count(*) from money_transfer t join fund_account a on a.id = t.debit_account_id
                where a.county_id = ? and a.kind = 'TOWNSHIP_FUND' and t.kind = 'EXPENSE'
                  and not exists (select 1 from fund_expense e where e.transfer_id = t.id and e.status = 'PAID'
                                  and e.amount_fen = t.amount_fen and e.township_id = a.owner_region_id)
                  and not exists (select 1 from bank_line b where b.transfer_id = t.id)
                  and not exists (select 1 from legacy_expense l where l.transfer_id = t.id)""", countyId);
        checks.add(new InvariantCheck("money: every expense out of a fund was approved by the county and paid, or is a "
                + "bank statement line booked by finance", unapproved == 0,
                unapproved == 0 ? "ok" : unapproved + " expenses nobody approved"));
        long overCovered = value("""
                select count(*) from outflow_application a where a.county_id = ? and a.required_m2 <
                  (select coalesce(sum(area_m2), 0) from outflow_coverage c where c.application_id = a.id)""", countyId);
        checks.add(new InvariantCheck("obligations: none covered beyond what it requires", overCovered == 0,
                overCovered == 0 ? "ok" : overCovered + " applications over-covered"));
        long miscounted = value("""
                select count(*) from outflow_application a where a.county_id = ? and a.covered_m2 <>
                  (select coalesce(sum(area_m2), 0) from outflow_coverage c where c.application_id = a.id)""", countyId);
        checks.add(new InvariantCheck("obligations: covered area equals the sum of the coverages", miscounted == 0,
                miscounted == 0 ? "ok" : miscounted + " applications whose covered area differs from their coverages"));
        return checks;
    }

    private long value(String sql, Object... args) {
        return db.fetchValue(sql, args) instanceof Number n ? n.longValue() : -1;
    }
}
