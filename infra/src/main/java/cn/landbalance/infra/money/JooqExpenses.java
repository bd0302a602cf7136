package cn.landbalance.infra.money;

import cn.landbalance.infra.outbox.Outbox;
import cn.landbalance.settlement.event.EventType;
import cn.landbalance.settlement.event.MoneyEvent;
import cn.landbalance.ledger.common.AsOf;
import cn.landbalance.settlement.fund.Expense;
import cn.landbalance.settlement.fund.Expenses;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static cn.landbalance.infra.jooq.Tables.FUND_EXPENSE;

/** The townships' expenses in {@code fund_expense}; each change of status is announced as {@code expense.<status>}. */
@Singleton
public class JooqExpenses implements Expenses {
    private final DSLContext db;
    private final Outbox outbox;
    private final cn.landbalance.infra.report.ZoneSql zone;

    public JooqExpenses(DSLContext db, Outbox outbox, java.time.Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.zone = new cn.landbalance.infra.report.ZoneSql(clock);
    }

    @Override
    public Expense propose(Expense e) {
        long id = db.insertInto(FUND_EXPENSE)
                .set(FUND_EXPENSE.COUNTY_ID, e.countyId())
                .set(FUND_EXPENSE.TOWNSHIP_ID, e.townshipId())
                .set(FUND_EXPENSE.AMOUNT_FEN, e.amountFen())
                .set(FUND_EXPENSE.CATEGORY, e.category())
                .set(FUND_EXPENSE.INFLOW_PROJECT_ID, e.inflowProjectId())
                .set(FUND_EXPENSE.PAYEE_NAME, e.payeeName())
                .set(FUND_EXPENSE.PURPOSE, e.purpose())
                .set(FUND_EXPENSE.REFERENCE, e.reference())
                .set(FUND_EXPENSE.STATUS, e.status())
                .set(FUND_EXPENSE.PROPOSED_BY, e.proposedBy())
                .set(FUND_EXPENSE.PROPOSED_AT, utc(e.proposedAt()))
                .returning(FUND_EXPENSE.ID).fetchOne().getId();
        Expense stored = find(id).orElseThrow();
        announce(stored);
        return stored;
    }

    @Override
    public Optional<Expense> find(long id) {
        return db.selectFrom(FUND_EXPENSE).where(FUND_EXPENSE.ID.eq(id)).fetchOptional().map(JooqExpenses::expense);
    }

    @Override
    public Optional<Expense> lock(long id) {
        return db.selectFrom(FUND_EXPENSE).where(FUND_EXPENSE.ID.eq(id)).forUpdate().fetchOptional().map(JooqExpenses::expense);
    }

    @Override
    public void save(Expense before, Expense after) {
        Expense.Payment p = after.payment();
        Expense.Cancellation c = after.cancellation();
        int updated = db.update(FUND_EXPENSE)
                .set(FUND_EXPENSE.STATUS, after.status())
                .set(FUND_EXPENSE.DECIDED_BY, after.decidedBy())
                .set(FUND_EXPENSE.DECIDED_AT, after.decidedAt() == null ? null : utc(after.decidedAt()))
                .set(FUND_EXPENSE.DECISION_NOTE, after.decisionNote())
                .set(FUND_EXPENSE.BANK_SERIAL, p == null ? null : p.bankSerial())
                .set(FUND_EXPENSE.PAID_ON, p == null ? null : p.paidOn())
                .set(FUND_EXPENSE.PAID_BY, p == null ? null : p.paidBy())
                .set(FUND_EXPENSE.PAID_AT, p == null ? null : utc(p.paidAt()))
                .set(FUND_EXPENSE.TRANSFER_ID, p == null ? null : p.transferId())
                .set(FUND_EXPENSE.CANCELLED_BY, c == null ? null : c.by())
                .set(FUND_EXPENSE.CANCELLED_AT, c == null ? null : utc(c.at()))
                .set(FUND_EXPENSE.CANCEL_REASON, c == null ? null : c.reason())
                .where(FUND_EXPENSE.ID.eq(after.id()).and(FUND_EXPENSE.STATUS.eq(before.status())))
                .execute();
        if (updated != 1) {
            throw new IllegalStateException("expense " + after.id() + " was not " + before.status() + " as locked");
        }
        announce(after);
    }

    @Override
    public long committedFen(long townshipId) {
        return db.select(DSL.coalesce(DSL.sum(FUND_EXPENSE.AMOUNT_FEN), java.math.BigDecimal.ZERO)).from(FUND_EXPENSE)
                .where(FUND_EXPENSE.TOWNSHIP_ID.eq(townshipId).and(FUND_EXPENSE.STATUS.eq(Expense.Status.APPROVED)))
                .fetchOne(0, Long.class);
    }

    @Override
    public List<Expense> list(Query query, int offset, int limit) {
        return db.selectFrom(FUND_EXPENSE).where(where(query)).orderBy(FUND_EXPENSE.ID.desc()).offset(offset).limit(limit)
                .fetch(JooqExpenses::expense);
    }

    @Override
    public long count(Query query) {
        return db.fetchCount(FUND_EXPENSE, where(query));
    }

    /**
     * Paid in the year by the bank's date, and committed now, per township, project and category; then the EXPENSE
     * transfers out of the county's township funds in the year that no expense paid (booked from bank statement lines).
     */
    @Override
    public List<Spending> spending(long countyId, int year, AsOf asOf) {
        List<Spending> rows = new java.util.ArrayList<>(db.fetch("""
                        with moment as (select ?::timestamptz as t),
                        e as (
                          select township_id, inflow_project_id, category, amount_fen,
                            status = 'PAID' and paid_at < moment.t and extract(year from paid_on) = ? as paid,
                            decided_at < moment.t and coalesce(paid_at >= moment.t, true)
                              and coalesce(cancelled_at >= moment.t, true) as committed
                          from fund_expense, moment
                          where county_id = ? and status in ('PAID', 'APPROVED', 'CANCELLED'))
                        select township_id, inflow_project_id, category,
                               coalesce(sum(amount_fen) filter (where paid), 0), count(*) filter (where paid),
                               coalesce(sum(amount_fen) filter (where committed), 0)
                        from e
                        group by township_id, inflow_project_id, category
                        having count(*) filter (where paid or committed) > 0
                        order by township_id, inflow_project_id nulls last, category""", asOf.sql(), year, countyId)
                .map(r -> new Spending(r.get(0, Long.class), r.get(1, Long.class), Expense.Category.valueOf(r.get(2, String.class)),
                        r.get(3, Long.class), r.get(4, Integer.class), r.get(5, Long.class), false)));
        rows.addAll(db.fetch(zone.in("""
                        select f.owner_region_id, l.transfer_id is not null, sum(t.amount_fen), count(*)
                        from money_transfer t join fund_account f on f.id = t.debit_account_id
                          left join legacy_expense l on l.transfer_id = t.id
                        where f.kind = 'TOWNSHIP_FUND' and f.county_id = ? and t.kind = 'EXPENSE'
                          and extract(year from coalesce(t.value_date, (t.created_at at time zone {zone})::date)) = ?
                          and t.created_at < ?::timestamptz
                          and not exists (select 1 from fund_expense e where e.transfer_id = t.id)
                        group by f.owner_region_id, l.transfer_id is not null
                        order by f.owner_region_id, 2"""), countyId, year, asOf.sql())
                .map(r -> new Spending(r.get(0, Long.class), null, null, r.get(2, Long.class), r.get(3, Integer.class), 0,
                        r.get(1, Boolean.class))));
        return rows;
    }

    private static Condition where(Query q) {
        Condition c = FUND_EXPENSE.COUNTY_ID.eq(q.countyId());
        if (q.townshipId() != null) {
            c = c.and(FUND_EXPENSE.TOWNSHIP_ID.eq(q.townshipId()));
        }
        if (q.status() != null) {
            c = c.and(FUND_EXPENSE.STATUS.eq(q.status()));
        }
        if (q.inflowProjectId() != null) {
            c = c.and(FUND_EXPENSE.INFLOW_PROJECT_ID.eq(q.inflowProjectId()));
        }
        return c;
    }

    private void announce(Expense e) {
        EventType type = switch (e.status()) {
            case PROPOSED -> EventType.EXPENSE_PROPOSED;
            case APPROVED -> EventType.EXPENSE_APPROVED;
            case REJECTED -> EventType.EXPENSE_REJECTED;
            case WITHDRAWN -> EventType.EXPENSE_WITHDRAWN;
            case PAID -> EventType.EXPENSE_PAID;
            case CANCELLED -> EventType.EXPENSE_CANCELLED;
        };
        outbox.publish(new MoneyEvent.ExpenseChanged(type, e.countyId(), e.id(), e.townshipId(), e.amountFen(), e.category().name(),
                e.inflowProjectId(), e.payeeName(), e.status().name(),
                e.cancellation() == null ? e.decisionNote() : e.cancellation().reason(),
                e.payment() == null ? null : e.payment().bankSerial(), e.payment() == null ? null : e.payment().paidOn(),
                e.payment() == null ? null : e.payment().transferId()));
    }

    private static Expense expense(Record rec) {
        var r = rec.into(FUND_EXPENSE);
        Expense.Status status = r.getStatus();
        Expense.Payment payment = status != Expense.Status.PAID ? null : new Expense.Payment(r.getBankSerial(),
                r.getPaidOn(), r.getTransferId(), r.getPaidBy(), r.getPaidAt() == null ? null : r.getPaidAt().toInstant());
        return new Expense(r.getId(), r.getCountyId(), r.getTownshipId(), r.getAmountFen(),
                r.getCategory(), r.getInflowProjectId(), r.getPayeeName(), r.getPurpose(),
                r.getReference(), status, r.getProposedBy(), r.getProposedAt().toInstant(), r.getDecidedBy(),
                r.getDecidedAt() == null ? null : r.getDecidedAt().toInstant(), r.getDecisionNote(), payment,
                r.getCancelledAt() == null ? null : new Expense.Cancellation(r.getCancelledBy(),
                        r.getCancelledAt().toInstant(), r.getCancelReason()));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
