package cn.landbalance.infra.outflow;

import cn.landbalance.ledger.common.AreaM2;
import cn.landbalance.settlement.event.EventType;
import cn.landbalance.settlement.event.MoneyEvent;
import cn.landbalance.settlement.outflow.FeePayment;
import cn.landbalance.settlement.outflow.OutflowApplication;
import cn.landbalance.settlement.outflow.FeePayments;
import cn.landbalance.infra.outbox.Outbox;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static cn.landbalance.infra.jooq.Tables.FEE_DELIVERY;
import static cn.landbalance.infra.jooq.Tables.FEE_PAYMENT;
import static cn.landbalance.infra.jooq.Tables.FEE_REVERSAL;

/** Fee payments, the land delivered against them, duties moved and reversals, in PostgreSQL; each announced. */
@Singleton
public class JooqFeePayments implements FeePayments {
    private final DSLContext db;
    private final Outbox outbox;

    public JooqFeePayments(DSLContext db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    @Override
    public java.util.List<FeePayment> feePaymentsOf(long applicationId) {
        return db.select(FEE_PAYMENT.fields()).select(FEE_REVERSAL.OUTCOME).from(FEE_PAYMENT)
                .leftJoin(FEE_REVERSAL).on(FEE_REVERSAL.FEE_PAYMENT_ID.eq(FEE_PAYMENT.ID))
                .where(FEE_PAYMENT.APPLICATION_ID.eq(applicationId)).orderBy(FEE_PAYMENT.ID)
                .fetch(r -> toFeePayment(r.into(FEE_PAYMENT), r.get(FEE_REVERSAL.OUTCOME)));
    }

    @Override
    public Optional<FeePayment> lockFeePayment(long id) {
        return db.selectFrom(FEE_PAYMENT).where(FEE_PAYMENT.ID.eq(id)).forUpdate().fetchOptional()
                .map(r -> toFeePayment(r, db.select(FEE_REVERSAL.OUTCOME).from(FEE_REVERSAL)
                        .where(FEE_REVERSAL.FEE_PAYMENT_ID.eq(id)).fetchOne(FEE_REVERSAL.OUTCOME)));
    }

    @Override
    public void moveDuty(long feePaymentId, long townshipId) {
        db.execute("""
                insert into fee_duty_move (fee_payment_id, from_township_id, to_township_id, moved_at)
                select id, duty_township_id, ?, ?::timestamptz from fee_payment where id = ? and duty_township_id <> ?""",
                townshipId, OffsetDateTime.now(), feePaymentId, townshipId);
        db.update(FEE_PAYMENT).set(FEE_PAYMENT.DUTY_TOWNSHIP_ID, townshipId).where(FEE_PAYMENT.ID.eq(feePaymentId)).execute();
    }

    @Override
    public long deliveredM2(long feePaymentId) {
        Long sum = db.select(DSL.sum(FEE_DELIVERY.AREA_M2)).from(FEE_DELIVERY).where(FEE_DELIVERY.FEE_PAYMENT_ID.eq(feePaymentId))
                .fetchOne(0, Long.class);
        return sum == null ? 0 : sum;
    }

    @Override
    public void recordDelivery(OutflowApplication application, FeePayment payment, long lotId, AreaM2 area,
                               AreaM2 owedAfter, Long userId, java.time.Instant at) {
        long areaM2 = area.value();
        long owedAfterM2 = owedAfter.value();
        long id = db.insertInto(FEE_DELIVERY)
                .set(FEE_DELIVERY.FEE_PAYMENT_ID, payment.id())
                .set(FEE_DELIVERY.LOT_ID, lotId)
                .set(FEE_DELIVERY.TOWNSHIP_ID, payment.dutyTownshipId())
                .set(FEE_DELIVERY.AREA_M2, areaM2)
                .set(FEE_DELIVERY.USER_ID, userId)
                .set(FEE_DELIVERY.DELIVERED_AT, at.atOffset(java.time.ZoneOffset.UTC))
                .returning(FEE_DELIVERY.ID).fetchOne().getId();
        outbox.publish(new MoneyEvent.FeeDelivered(application.countyId(), payment.id(), payment.dutyTownshipId(), id,
                payment.applicationId(), lotId, areaM2, owedAfterM2));
    }

    static FeePayment toFeePayment(cn.landbalance.infra.jooq.tables.records.FeePaymentRecord r, FeePayment.Outcome reversal) {
        return new FeePayment(r.getId(), r.getApplicationId(), r.getAreaM2(), r.getAmountFen(), r.getPaymentReference(),
                r.getTownshipId(), r.getTransferId(), r.getDutyTownshipId(),
                reversal);
    }

    @Override
    public FeePayment insertFeePayment(OutflowApplication app, FeePayment p) {
        var r = db.insertInto(FEE_PAYMENT)
                .set(FEE_PAYMENT.APPLICATION_ID, p.applicationId())
                .set(FEE_PAYMENT.AREA_M2, p.areaM2())
                .set(FEE_PAYMENT.AMOUNT_FEN, p.amountFen())
                .set(FEE_PAYMENT.PAYMENT_REFERENCE, p.paymentReference())
                .set(FEE_PAYMENT.TOWNSHIP_ID, p.townshipId())
                .set(FEE_PAYMENT.TRANSFER_ID, p.transferId())
                .set(FEE_PAYMENT.DUTY_TOWNSHIP_ID, p.dutyTownshipId())
                .set(FEE_PAYMENT.CREATED_AT, OffsetDateTime.now())
                .returning().fetchOne();
        outbox.publish(new MoneyEvent.FeePaid(app.countyId(), r.getId(), p.applicationId(), app.applicantOrgId(), p.townshipId(),
                p.areaM2(), p.amountFen(), p.paymentReference()));
        return toFeePayment(r, null);
    }

    @Override
    public void recordFeeReversal(OutflowApplication app, FeePayment p, FeePayment.Outcome outcome, Long transferId) {
        db.insertInto(FEE_REVERSAL)
                .set(FEE_REVERSAL.FEE_PAYMENT_ID, p.id())
                .set(FEE_REVERSAL.OUTCOME, outcome)
                .set(FEE_REVERSAL.TRANSFER_ID, transferId)
                .set(FEE_REVERSAL.CREATED_AT, OffsetDateTime.now())
                .execute();
        outbox.publish(new MoneyEvent.FeeReversed(outcome == FeePayment.Outcome.REFUNDED ? EventType.FEE_REFUNDED
                : EventType.FEE_KEPT, app.countyId(), p.id(), p.applicationId(), app.applicantOrgId(), p.dutyTownshipId(),
                p.areaM2(), p.amountFen(), p.paymentReference(), transferId));
    }
}
