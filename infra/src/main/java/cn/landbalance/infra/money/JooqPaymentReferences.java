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
        throw new DomainException(ErrorCode.PAYMENT_REFERENCE_REUSED, "支付流水号“" + reference + "”已用于其他款项", reference);
    }

    @Override
    public java.util.Set<String> claimedAmong(java.util.Collection<String> references) {
        return references.isEmpty() ? java.util.Set.of() : new java.util.HashSet<>(db.fetch(
                "select reference from payment_reference join unnest(?::text[]) as c(r) on c.r = reference", (Object) references.toArray(String[]::new))
                .map(r -> r.get(0, String.class)));
    }

    @Override
    public java.util.Set<String> claimAll(java.util.List<Claim> claims) {
        if (claims.isEmpty()) {
            return java.util.Set.of();
        }
        java.util.Set<String> claimed = new java.util.HashSet<>(db.fetch("""
                        insert into payment_reference (reference, kind, target_id, created_at)
                        select reference, kind, target_id, ?::timestamptz
                        from unnest(?::text[], ?::text[], ?::bigint[]) as c(reference, kind, target_id)
                        on conflict (reference) do nothing
                        returning reference""", OffsetDateTime.now(),
                claims.stream().map(Claim::reference).toArray(String[]::new),
                claims.stream().map(c -> c.kind().name()).toArray(String[]::new),
                claims.stream().map(Claim::targetId).toArray(Long[]::new)).map(r -> r.get(0, String.class)));
        java.util.Set<String> held = new java.util.HashSet<>();
        claims.stream().map(Claim::reference).filter(r -> !claimed.contains(r)).forEach(held::add);
        return held;
    }

    @Override
    public boolean claimed(String reference) {
        return db.fetchExists(db.selectOne().from("payment_reference").where("reference = ?", reference));
    }
}
