package cn.landbalance.infra.payment;

import cn.landbalance.infra.outbox.Outbox;
import cn.landbalance.settlement.event.EventType;
import cn.landbalance.settlement.event.MoneyEvent;
import cn.landbalance.settlement.payment.NoticeQuery;
import cn.landbalance.settlement.payment.PaymentNotice;
import cn.landbalance.settlement.payment.PaymentNotices;
import cn.landbalance.settlement.payment.RemittanceCode;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Payment notices and the township funds' bank accounts, in plain SQL over {@code payment_notice}, {@code fund_bank_account}. */
@Singleton
public class JooqPaymentNotices implements PaymentNotices {
    private static final String COLUMNS = """
            n.id, n.county_id, n.township_id, n.kind, n.order_id, n.application_id, n.area_m2, n.amount_fen, n.payer_org_id,
            o.name as payer_org_name, n.remittance_code, n.payee_name, n.payee_bank, n.payee_account_no, n.issued_at,
            n.due_on, n.status, n.bank_serial, n.received_on, n.paid_by_name, n.paid_from_account, n.confirmed_by,
            n.confirmed_at, n.bank_line_id, n.rules_version_id""";
    private static final String FROM = " from payment_notice n join organization o on o.id = n.payer_org_id ";

    private final DSLContext db;
    private final Outbox outbox;
    private final java.time.Clock clock;

    public JooqPaymentNotices(DSLContext db, Outbox outbox, java.time.Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public PaymentNotice issue(PaymentNotice n) {
        long id = ((Number) db.fetchValue("select nextval(pg_get_serial_sequence('payment_notice', 'id'))")).longValue();
        int year = n.issuedAt().atZone(clock.getZone()).getYear();
        String code = RemittanceCode.of(year, id);
        db.execute("""
                insert into payment_notice (id, county_id, township_id, kind, order_id, application_id, area_m2, amount_fen,
                  payer_org_id, remittance_code, payee_name, payee_bank, payee_account_no, issued_at, due_on, status,
                  rules_version_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz, ?::date, 'OPEN', ?)""",
                id, n.countyId(), n.townshipId(), n.kind().name(), n.orderId(), n.applicationId(), n.areaM2(), n.amountFen(),
                n.payerOrgId(), code, n.payee().accountName(), n.payee().bankName(), n.payee().accountNo(),
                OffsetDateTime.ofInstant(n.issuedAt(), ZoneOffset.UTC), n.dueOn(), n.rulesVersionId());
        PaymentNotice issued = find(id).orElseThrow();
        announce(EventType.PAYMENT_NOTICE_ISSUED, issued);
        return issued;
    }

    @Override
    public Optional<PaymentNotice> find(long noticeId) {
        return one("n.id = ?", false, noticeId);
    }

    @Override
    public Optional<PaymentNotice> lock(long noticeId) {
        return one("n.id = ?", true, noticeId);
    }

    @Override
    public List<PaymentNotice> lockAll(java.util.Collection<Long> noticeIds) {
        return noticeIds.isEmpty() ? List.of() : db.fetch("select " + COLUMNS + FROM
                + "join unnest(?::bigint[]) as k(id) on k.id = n.id order by n.id for update of n",
                (Object) noticeIds.toArray(Long[]::new)).map(JooqPaymentNotices::toNotice);
    }

    @Override
    public List<PaymentNotice> findByCodes(java.util.Collection<String> remittanceCodes) {
        return remittanceCodes.isEmpty() ? List.of() : db.fetch("select " + COLUMNS + FROM
                + "join unnest(?::text[]) as c(code) on c.code = n.remittance_code",
                (Object) remittanceCodes.toArray(String[]::new)).map(JooqPaymentNotices::toNotice);
    }

    private Optional<PaymentNotice> one(String where, boolean lock, Object value) {
        Record r = db.fetchOne("select " + COLUMNS + FROM + "where " + where + (lock ? " for update of n" : ""), value);
        return Optional.ofNullable(r).map(JooqPaymentNotices::toNotice);
    }

    @Override
    public java.util.Map<Long, List<PaymentNotice>> ofOrders(java.util.Collection<Long> orderIds) {
        java.util.Map<Long, List<PaymentNotice>> byOrder = new java.util.HashMap<>();
        if (orderIds.isEmpty()) {
            return byOrder;
        }
        for (Record r : db.fetch("select " + COLUMNS + FROM
                + "join unnest(?::bigint[]) as k(id) on k.id = n.order_id order by n.order_id, n.township_id",
                (Object) orderIds.toArray(Long[]::new))) {
            PaymentNotice notice = toNotice(r);
            byOrder.computeIfAbsent(notice.orderId(), o -> new ArrayList<>()).add(notice);
        }
        return byOrder;
    }

    @Override
    public void save(PaymentNotice before, PaymentNotice after) {
        PaymentNotice.Receipt r = after.receipt();
        int updated = db.execute("""
                update payment_notice set status = ?, bank_serial = ?, received_on = ?::date, paid_by_name = ?,
                  paid_from_account = ?, confirmed_by = ?, confirmed_at = ?::timestamptz, bank_line_id = ?
                where id = ? and status = ?""",
                after.status().name(), r == null ? null : r.bankSerial(), r == null ? null : r.receivedOn(),
                r == null ? null : r.payerName(), r == null ? null : r.payerAccount(), r == null ? null : r.confirmedBy(),
                r == null ? null : OffsetDateTime.ofInstant(r.confirmedAt(), ZoneOffset.UTC), r == null ? null : r.bankLineId(),
                after.id(), before.status().name());
        if (updated != 1) {
            throw new IllegalStateException("payment notice " + after.id() + " was not " + before.status());
        }
        announce(switch (after.status()) {
            case OPEN -> EventType.PAYMENT_NOTICE_ISSUED;
            case PAID -> EventType.PAYMENT_NOTICE_PAID;
            case EXPIRED -> EventType.PAYMENT_NOTICE_EXPIRED;
            case CANCELLED -> EventType.PAYMENT_NOTICE_CANCELLED;
        }, after);
    }

    @Override
    public void savePaid(List<PaymentNotice> before, List<PaymentNotice> paid) {
        if (paid.isEmpty()) {
            return;
        }
        int updated = db.execute("""
                update payment_notice n set status = 'PAID', bank_serial = v.serial, received_on = v.received_on::date,
                  paid_by_name = v.payer_name, paid_from_account = v.payer_account, confirmed_by = v.confirmed_by,
                  confirmed_at = v.confirmed_at::timestamptz, bank_line_id = v.bank_line_id
                from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::bigint[])
                     as v(id, before, serial, received_on, payer_name, payer_account, confirmed_by, confirmed_at, bank_line_id)
                where n.id = v.id and n.status = v.before""",
                paid.stream().map(PaymentNotice::id).toArray(Long[]::new),
                before.stream().map(n -> n.status().name()).toArray(String[]::new),
                paid.stream().map(n -> n.receipt().bankSerial()).toArray(String[]::new),
                paid.stream().map(n -> n.receipt().receivedOn().toString()).toArray(String[]::new),
                paid.stream().map(n -> n.receipt().payerName()).toArray(String[]::new),
                paid.stream().map(n -> n.receipt().payerAccount()).toArray(String[]::new),
                paid.stream().map(n -> n.receipt().confirmedBy()).toArray(Long[]::new),
                paid.stream().map(n -> OffsetDateTime.ofInstant(n.receipt().confirmedAt(), ZoneOffset.UTC).toString()).toArray(String[]::new),
                paid.stream().map(n -> n.receipt().bankLineId()).toArray(Long[]::new));
        if (updated != paid.size()) {
            throw new IllegalStateException(updated + " of " + paid.size() + " payment notices were as read under their locks");
        }
        paid.forEach(n -> announce(EventType.PAYMENT_NOTICE_PAID, n));
    }

    @Override
    public long pendingAreaFor(long applicationId) {
        return db.fetchValue("""
                select coalesce((select sum(area_m2) from payment_notice
                                 where application_id = ? and kind = 'FEE' and status = 'OPEN'), 0)
                     + coalesce((select sum(a.area_m2) from market_order o join order_allocation a on a.order_id = o.id
                                 where o.outflow_application_id = ? and o.status = 'PENDING_PAYMENT'
                                   and not exists (select 1 from payment_notice p where p.order_id = o.id
                                                   and p.township_id = a.township_id and p.status = 'PAID')), 0)""",
                applicationId, applicationId) instanceof Number n ? n.longValue() : 0;
    }

    @Override
    public List<Long> dueFeeNotices(LocalDate today, int limit) {
        return db.fetch("select id from payment_notice where status = 'OPEN' and kind = 'FEE' and due_on < ?::date order by id limit ?",
                today, limit).map(r -> r.get(0, Long.class));
    }

    @Override
    public List<PaymentNotice> list(NoticeQuery query, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(query, args);
        args.add(limit);
        args.add(offset);
        return db.fetch("select " + COLUMNS + FROM + "where " + where + " order by n.id desc limit ? offset ?", args.toArray())
                .map(JooqPaymentNotices::toNotice);
    }

    @Override
    public long count(NoticeQuery query) {
        List<Object> args = new ArrayList<>();
        String where = where(query, args);
        return db.fetchValue("select count(*)" + FROM + "where " + where, args.toArray()) instanceof Number n ? n.longValue() : 0;
    }

    private static String where(NoticeQuery q, List<Object> args) {
        StringBuilder w = new StringBuilder("n.county_id = ?");
        args.add(q.countyId());
        if (q.payerOrPayee()) {
            w.append(" and (n.payer_org_id = ? or n.township_id = ?)");
            args.add(q.payerOrgId());
            args.add(q.townshipId());
        } else {
            if (q.payerOrgId() != null) {
                w.append(" and n.payer_org_id = ?");
                args.add(q.payerOrgId());
            }
            if (q.townshipId() != null) {
                w.append(" and n.township_id = ?");
                args.add(q.townshipId());
            }
        }
        if (q.status() != null) {
            w.append(" and n.status = ?");
            args.add(q.status().name());
        }
        if (q.kind() != null) {
            w.append(" and n.kind = ?");
            args.add(q.kind().name());
        }
        if (q.orderId() != null) {
            w.append(" and n.order_id = ?");
            args.add(q.orderId());
        }
        if (q.applicationId() != null) {
            w.append(" and n.application_id = ?");
            args.add(q.applicationId());
        }
        return w.toString();
    }

    @Override
    public Optional<PaymentNotice.Payee> payeeOf(long townshipId) {
        Record r = db.fetchOne("select account_name, bank_name, account_no from fund_bank_account where township_id = ?", townshipId);
        return Optional.ofNullable(r).map(x -> new PaymentNotice.Payee(x.get(0, String.class), x.get(1, String.class),
                x.get(2, String.class)));
    }

    @Override
    public void savePayee(long townshipId, PaymentNotice.Payee payee, long userId) {
        db.execute("""
                insert into fund_bank_account (township_id, account_name, bank_name, account_no, updated_by, updated_at)
                values (?, ?, ?, ?, ?, now())
                on conflict (township_id) do update set account_name = excluded.account_name, bank_name = excluded.bank_name,
                  account_no = excluded.account_no, updated_by = excluded.updated_by, updated_at = excluded.updated_at""",
                townshipId, payee.accountName(), payee.bankName(), payee.accountNo(), userId);
        Long countyId = db.fetchValue("select county_id from region where id = ?", townshipId) instanceof Number n ? n.longValue() : null;
        outbox.publish(new MoneyEvent.BankAccountSet(countyId, townshipId, payee.accountName(), payee.bankName(), payee.accountNo()));
    }

    private void announce(EventType type, PaymentNotice n) {
        outbox.publish(new MoneyEvent.PaymentNoticeChanged(type, n.countyId(), n.id(), n.kind().name(), n.orderId(), n.applicationId(),
                n.townshipId(), n.payerOrgId(), n.areaM2(), n.amountFen(), n.remittanceCode(), n.dueOn(), n.status().name(),
                n.receipt() == null ? null : n.receipt().bankSerial(), n.receipt() == null ? null : n.receipt().receivedOn(),
                n.rulesVersionId()));
    }

    private static PaymentNotice toNotice(Record r) {
        PaymentNotice.Status status = PaymentNotice.Status.valueOf(r.get("status", String.class));
        PaymentNotice.Receipt receipt = status != PaymentNotice.Status.PAID ? null : new PaymentNotice.Receipt(
                r.get("bank_serial", String.class), r.get("received_on", LocalDate.class), r.get("paid_by_name", String.class),
                r.get("paid_from_account", String.class), r.get("confirmed_by", Long.class),
                r.get("confirmed_at", OffsetDateTime.class).toInstant(), r.get("bank_line_id", Long.class));
        return new PaymentNotice(r.get("id", Long.class), r.get("county_id", Long.class), r.get("township_id", Long.class),
                PaymentNotice.Kind.valueOf(r.get("kind", String.class)), r.get("order_id", Long.class),
                r.get("application_id", Long.class), r.get("area_m2", Long.class), r.get("amount_fen", Long.class),
                r.get("payer_org_id", Long.class), r.get("payer_org_name", String.class), r.get("remittance_code", String.class),
                new PaymentNotice.Payee(r.get("payee_name", String.class), r.get("payee_bank", String.class),
                        r.get("payee_account_no", String.class)),
                r.get("issued_at", OffsetDateTime.class).toInstant(), r.get("due_on", LocalDate.class), status, receipt,
                r.get("rules_version_id", Long.class));
    }
}
