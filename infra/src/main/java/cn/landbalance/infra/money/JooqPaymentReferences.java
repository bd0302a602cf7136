package cn.landbalance.infra.money;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.settlement.fund.PaymentReferences;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.OffsetDateTime;

@Singleton
public class JooqPaymentReferences implements PaymentReferences {
    private final DSLContext db;

    public JooqPaymentReferences(DSLContext db) {
        this.db = db;
    }

    /** Insert-or-nothing, then read who holds it: a concurrent claimer waits on the unique key until this one ends. */
    @Override
    public boolean claim(String reference, Kind kind, long targetId) {
        int inserted = db.execute("""
                insert into payment_reference (reference, kind, target_id, created_at) values (?, ?, ?, ?::timestamptz)
                on conflict (reference) do nothing""", reference, kind.name(), targetId, OffsetDateTime.now());
        if (inserted == 1) {
            return true;
        }
        Record holder = db.fetchOne("select kind, target_id from payment_reference where reference = ?", reference);
        if (holder != null && kind.name().equals(holder.get(0, String.class)) && targetId == holder.get(1, Long.class)) {
            return false;
        }
        throw new DomainException(ErrorCode.PAYMENT_REFERENCE_REUSED, reference);
    }

    @Override
    public boolean claimed(String reference) {
        return db.fetchExists(db.selectOne().from("payment_reference").where("reference = ?", reference));
    }
}
