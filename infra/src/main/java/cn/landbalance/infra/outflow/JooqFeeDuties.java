package cn.landbalance.infra.outflow;

import cn.landbalance.settlement.outflow.FeeDuties;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.List;

/** The fees' duties in one statement over fee payments, their applications, deliveries and refunds. */
@Singleton
public class JooqFeeDuties implements FeeDuties {
    private final DSLContext db;

    public JooqFeeDuties(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<Held> of(long countyId, Long townshipId) {
        return db.fetch("""
                        select f.id, f.application_id, a.plan_year, f.duty_township_id, f.payment_reference, f.amount_fen,
                          f.area_m2, coalesce(d.delivered, 0), exists (select 1 from fee_reversal r
                            where r.fee_payment_id = f.id and r.outcome = 'REFUNDED'), d.last_at
                        from fee_payment f join outflow_application a on a.id = f.application_id
                          left join (select fee_payment_id, sum(area_m2) as delivered, max(delivered_at) as last_at
                                     from fee_delivery group by fee_payment_id) d on d.fee_payment_id = f.id
                        where a.county_id = ? and (?::bigint is null or f.duty_township_id = ?::bigint)
                        order by a.plan_year, f.id""", countyId, townshipId, townshipId)
                .map(r -> new Held(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Integer.class), r.get(3, Long.class),
                        r.get(4, String.class), r.get(5, Long.class), r.get(6, Long.class), r.get(7, Long.class),
                        r.get(8, Boolean.class), r.get(9, OffsetDateTime.class) == null ? null
                        : r.get(9, OffsetDateTime.class).toInstant()));
    }
}
