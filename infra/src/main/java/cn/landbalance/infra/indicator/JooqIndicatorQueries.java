package cn.landbalance.infra.indicator;

import cn.landbalance.ledger.common.AsOf;
import cn.landbalance.ledger.indicator.Bucket;
import cn.landbalance.ledger.indicator.IndicatorLot;
import cn.landbalance.ledger.indicator.IndicatorQueries;
import cn.landbalance.ledger.indicator.IndicatorStatement;
import cn.landbalance.ledger.indicator.InvariantCheck;
import cn.landbalance.ledger.indicator.LotBalances;
import cn.landbalance.ledger.indicator.MovementKind;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.landbalance.infra.jooq.Tables.INDICATOR_LOT;

/** Inventory reads and the conservation audit, in SQL over the ledger tables. */
@Singleton
public class JooqIndicatorQueries implements IndicatorQueries {
    private final DSLContext db;

    public JooqIndicatorQueries(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<IndicatorLot> lotsOwnedBy(long regionId) {
        return db.selectFrom(INDICATOR_LOT).where(INDICATOR_LOT.OWNER_REGION_ID.eq(regionId))
                .orderBy(INDICATOR_LOT.ID).fetch(JooqIndicatorStore::toLot);
    }

    @Override
    public List<IndicatorLot> lotsHeldBy(long holderOrgId) {
        return db.selectFrom(INDICATOR_LOT).where(INDICATOR_LOT.HOLDER_ORG_ID.eq(holderOrgId))
                .orderBy(INDICATOR_LOT.ID).fetch(JooqIndicatorStore::toLot);
    }

    @Override
    public Map<Long, cn.landbalance.ledger.indicator.LotBalances> totalsByOwner(long countyId) {
        Map<Long, cn.landbalance.ledger.indicator.LotBalances> totals = new java.util.LinkedHashMap<>();
        db.fetch("""
                select owner_region_id, sum(available_m2), sum(reserved_m2), sum(frozen_m2), sum(consumed_m2), sum(deducted_m2)
                from indicator_lot where county_id = ? and revoked_m2 = 0 group by owner_region_id order by owner_region_id""", countyId)
                .forEach(r -> totals.put(r.get(0, Long.class), new cn.landbalance.ledger.indicator.LotBalances(r.get(1, Long.class),
                        r.get(2, Long.class), r.get(3, Long.class), r.get(4, Long.class), r.get(5, Long.class), 0)));
        return totals;
    }

    @Override
    public List<IndicatorLot> lotsOwnedBy(long regionId, AsOf asOf) {
        if (asOf.live()) {
            return lotsOwnedBy(regionId);
        }
        return db.fetch("""
                        select l.id, l.owner_region_id, l.county_id, l.quality_grade, l.paddy, l.vintage_year,
                          l.source_project_id, l.holder_org_id, b.available, b.reserved, b.frozen, b.consumed, b.deducted,
                          b.revoked
                        from indicator_lot l
                          join lot_buckets_before((select county_id from region where id = ?), ?::timestamptz) b
                            on b.lot_id = l.id
                        where l.owner_region_id = ?
                        order by l.id""", regionId, asOf.sql(), regionId)
                .map(r -> new IndicatorLot(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Long.class),
                        r.get(3, Integer.class), r.get(4, Boolean.class), r.get(5, Integer.class), r.get(6, Long.class),
                        new LotBalances(r.get(8, Long.class), r.get(9, Long.class), r.get(10, Long.class),
                                r.get(11, Long.class), r.get(12, Long.class), r.get(13, Long.class)), r.get(7, Long.class)));
    }

    /** One pass over the region's earlier movements, summed per kind; the domain turns kinds into buckets. */
    @Override
    public Map<Bucket, Long> bucketsBefore(long regionId, Instant at) {
        List<IndicatorStatement.Movement> sums = db.fetch("""
                        select m.kind, sum(m.area_m2)
                        from indicator_movement m join indicator_lot l on l.id = m.lot_id
                        where l.owner_region_id = ? and m.created_at < ?::timestamptz
                        group by m.kind""", regionId, at.toString())
                .map(r -> new IndicatorStatement.Movement(0, at, 0,
                        MovementKind.valueOf(r.get(0, String.class)), r.get(1, Long.class), null));
        return IndicatorStatement.buckets(sums);
    }

    @Override
    public List<IndicatorStatement.Movement> movementsOf(long regionId, Instant from,
                                                                                       Instant to) {
        return db.fetch("""
                        select m.id, m.created_at, m.lot_id, m.kind, m.area_m2, m.reference
                        from indicator_movement m join indicator_lot l on l.id = m.lot_id
                        where l.owner_region_id = ? and m.created_at >= ?::timestamptz and m.created_at < ?::timestamptz
                        order by m.created_at, m.id""", regionId, from.toString(), to.toString())
                .map(r -> new IndicatorStatement.Movement(r.get(0, Long.class),
                        r.get(1, OffsetDateTime.class).toInstant(), r.get(2, Long.class),
                        MovementKind.valueOf(r.get(3, String.class)), r.get(4, Long.class),
                        r.get(5, String.class)));
    }

    @Override
    public List<InvariantCheck> audit(long countyId) {
        List<InvariantCheck> checks = new ArrayList<>();
        checks.add(count("lot buckets equal the sums of their movements", """
                with m as (select * from lot_buckets_before(?, 'infinity'))
                select count(*) from indicator_lot l left join m on m.lot_id = l.id
                where l.county_id = ? and (m.lot_id is null or l.available_m2 <> m.available or l.reserved_m2 <> m.reserved
                  or l.frozen_m2 <> m.frozen or l.consumed_m2 <> m.consumed or l.deducted_m2 <> m.deducted
                  or l.revoked_m2 <> m.revoked or l.issued_m2 <> m.issued)""", "lots whose buckets differ from their movements", countyId, countyId));
        checks.add(count("no negative balance", """
                select count(*) from indicator_lot where county_id = ? and least(available_m2, reserved_m2, frozen_m2,
                  consumed_m2, deducted_m2, revoked_m2) < 0""", "lots with a negative bucket", countyId));
        checks.add(count("issued = available + reserved + frozen + consumed + deducted + revoked", """
                select count(*) from indicator_lot where county_id = ?
                  and issued_m2 <> available_m2 + reserved_m2 + frozen_m2 + consumed_m2 + deducted_m2 + revoked_m2""",
                "lots that do not add up", countyId));
        checks.add(count("open reservations and freezes match the reserved and frozen buckets", """
                select count(*) from indicator_lot l left join (
                  select lot_id, sum(case when kind = 'RESERVATION' then remaining_m2 else 0 end) as reserved,
                         sum(case when kind = 'FREEZE' then remaining_m2 else 0 end) as frozen
                  from indicator_hold where lot_id in (select id from indicator_lot where county_id = ?) group by lot_id) h
                  on h.lot_id = l.id
                where l.county_id = ? and (coalesce(h.reserved, 0) <> l.reserved_m2 or coalesce(h.frozen, 0) <> l.frozen_m2)""",
                "lots whose holds differ from their buckets", countyId, countyId));
        checks.add(count("nothing consumed, released, deducted or unfrozen twice", """
                select count(*) from indicator_hold h join indicator_lot l on l.id = h.lot_id
                left join (select hold_id, sum(case when kind in ('RESERVE','FREEZE') then area_m2 else 0 end) as opened,
                                  sum(case when kind in ('CONSUME','RELEASE','DEDUCT','UNFREEZE') then area_m2 else 0 end) as settled
                           from indicator_movement
                           where hold_id is not null and lot_id in (select id from indicator_lot where county_id = ?)
                           group by hold_id) m on m.hold_id = h.id
                where l.county_id = ? and (coalesce(m.opened, 0) <> h.held_m2 or coalesce(m.settled, 0) <> h.held_m2 - h.remaining_m2)""",
                "holds settled beyond what they held", countyId, countyId));
        checks.add(count("listed area is backed by available area, per lot", """
                select count(*) from (
                  select ll.lot_id, sum(ll.remaining_m2) as listed
                  from listing_lot ll join listing l on l.id = ll.listing_id
                  where l.county_id = ? and l.status = 'OPEN'
                  group by ll.lot_id) o
                join indicator_lot i on i.id = o.lot_id
                where o.listed > case when i.holder_org_id is null then i.available_m2 else 0 end""",
                "lots whose open listings offer more than they have available", countyId));
        checks.add(totals(countyId));
        return checks;
    }

    /** A check that counts the county's rows breaking a law; {@code binds} fill the {@code ?} of {@code sql}. */
    private InvariantCheck count(String name, String sql, String what, Object... binds) {
        long bad = db.fetchValue(sql, binds) instanceof Number n ? n.longValue() : -1;
        return new InvariantCheck(name, bad == 0, bad == 0 ? "ok" : bad + " " + what);
    }

    /** County and township totals: issued by movements equals the sum of all buckets, per township and for the county. */
    private InvariantCheck totals(long countyId) {
        List<Record> bad = db.fetch("""
                select l.owner_region_id, sum(l.available_m2 + l.reserved_m2 + l.frozen_m2 + l.consumed_m2 + l.deducted_m2 + l.revoked_m2) as buckets,
                       (select coalesce(sum(m.area_m2), 0) from indicator_movement m join indicator_lot x on x.id = m.lot_id
                        where m.kind = 'ISSUE' and x.owner_region_id = l.owner_region_id and x.county_id = ?) as issued
                from indicator_lot l where l.county_id = ? group by l.owner_region_id
                having sum(l.available_m2 + l.reserved_m2 + l.frozen_m2 + l.consumed_m2 + l.deducted_m2 + l.revoked_m2)
                  <> (select coalesce(sum(m.area_m2), 0) from indicator_movement m join indicator_lot x on x.id = m.lot_id
                      where m.kind = 'ISSUE' and x.owner_region_id = l.owner_region_id and x.county_id = ?)""",
                countyId, countyId, countyId);
        Record county = db.fetchOne("""
                select coalesce(sum(issued_m2), 0) as issued,
                       coalesce(sum(available_m2 + reserved_m2 + frozen_m2 + consumed_m2 + deducted_m2 + revoked_m2), 0) as buckets
                from indicator_lot where county_id = ?""", countyId);
        long issued = county.get("issued", Long.class);
        long buckets = county.get("buckets", Long.class);
        boolean ok = bad.isEmpty() && issued == buckets;
        return new InvariantCheck("township and county totals balance", ok,
                ok ? "county issued " + issued + " m² = buckets " + buckets + " m²"
                        : bad.size() + " townships out of balance; county issued " + issued + " m², buckets " + buckets + " m²");
    }
}
