package cn.landbalance.infra.indicator;

import cn.landbalance.infra.jooq.tables.records.IndicatorHoldRecord;
import cn.landbalance.infra.jooq.tables.records.IndicatorLotRecord;
import cn.landbalance.ledger.common.AreaM2;
import cn.landbalance.ledger.indicator.Hold;
import cn.landbalance.ledger.indicator.HoldKind;
import cn.landbalance.ledger.indicator.IndicatorLedger;
import cn.landbalance.ledger.indicator.IndicatorLot;
import cn.landbalance.ledger.indicator.IndicatorStore;
import cn.landbalance.ledger.indicator.LotBalances;
import cn.landbalance.ledger.indicator.Movement;
import cn.landbalance.settlement.event.IndicatorEvent;
import cn.landbalance.infra.outbox.Outbox;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static cn.landbalance.infra.jooq.Tables.INDICATOR_HOLD;
import static cn.landbalance.infra.jooq.Tables.INDICATOR_LOT;
import static cn.landbalance.infra.jooq.Tables.INDICATOR_MOVEMENT;

/** The indicator ledger in PostgreSQL: row locks serialise each lot; constraints keep its buckets whole. */
@Singleton
public class JooqIndicatorStore implements IndicatorStore {
    private final DSLContext db;
    private final Outbox outbox;

    public JooqIndicatorStore(DSLContext db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    @Override
    public IndicatorLot insertLot(long ownerRegionId, long countyId, int qualityGrade, boolean paddy, int vintageYear,
                                  Long sourceProjectId, AreaM2 issued) {
        long issuedM2 = issued.value();
        IndicatorLotRecord row = db.insertInto(INDICATOR_LOT)
                .set(INDICATOR_LOT.OWNER_REGION_ID, ownerRegionId)
                .set(INDICATOR_LOT.COUNTY_ID, countyId)
                .set(INDICATOR_LOT.QUALITY_GRADE, (short) qualityGrade)
                .set(INDICATOR_LOT.PADDY, paddy)
                .set(INDICATOR_LOT.VINTAGE_YEAR, vintageYear)
                .set(INDICATOR_LOT.SOURCE_PROJECT_ID, sourceProjectId)
                .set(INDICATOR_LOT.ISSUED_M2, issuedM2)
                .set(INDICATOR_LOT.AVAILABLE_M2, issuedM2)
                .set(INDICATOR_LOT.RESERVED_M2, 0L)
                .set(INDICATOR_LOT.FROZEN_M2, 0L)
                .set(INDICATOR_LOT.CONSUMED_M2, 0L)
                .set(INDICATOR_LOT.DEDUCTED_M2, 0L)
                .set(INDICATOR_LOT.CREATED_AT, OffsetDateTime.now())
                .returning()
                .fetchOne();
        return toLot(row);
    }

    /** Multi-row inserts of 1 000 lots each; the lots come back in order, matched by their source project. */
    @Override
    public List<IndicatorLot> insertLots(List<IndicatorLedger.NewLot> lots) {
        java.util.Map<Long, IndicatorLot> bySource = new java.util.HashMap<>();
        OffsetDateTime now = OffsetDateTime.now();
        for (int from = 0; from < lots.size(); from += 1000) {
            var insert = db.insertInto(INDICATOR_LOT, INDICATOR_LOT.OWNER_REGION_ID, INDICATOR_LOT.COUNTY_ID,
                    INDICATOR_LOT.QUALITY_GRADE, INDICATOR_LOT.PADDY, INDICATOR_LOT.VINTAGE_YEAR, INDICATOR_LOT.SOURCE_PROJECT_ID,
                    INDICATOR_LOT.ISSUED_M2, INDICATOR_LOT.AVAILABLE_M2, INDICATOR_LOT.RESERVED_M2, INDICATOR_LOT.FROZEN_M2,
                    INDICATOR_LOT.CONSUMED_M2, INDICATOR_LOT.DEDUCTED_M2, INDICATOR_LOT.REVOKED_M2, INDICATOR_LOT.CREATED_AT);
            for (IndicatorLedger.NewLot l : lots.subList(from, Math.min(lots.size(), from + 1000))) {
                insert = insert.values(l.ownerRegionId(), l.countyId(), (short) l.qualityGrade(), l.paddy(), l.vintageYear(),
                        l.sourceProjectId(), l.area().value(), l.area().value(), 0L, 0L, 0L, 0L, 0L, now);
            }
            insert.returning().fetch().forEach(r -> bySource.put(r.getSourceProjectId(), toLot(r)));
        }
        List<IndicatorLot> inOrder = lots.stream().map(l -> bySource.get(l.sourceProjectId())).toList();
        if (inOrder.contains(null) || bySource.size() != lots.size()) {
            throw new IllegalStateException("bulk-issued lots need distinct source projects");
        }
        return inOrder;
    }

    @Override
    public Optional<IndicatorLot> lockLot(long lotId) {
        return db.selectFrom(INDICATOR_LOT).where(INDICATOR_LOT.ID.eq(lotId)).forUpdate().fetchOptional()
                .map(JooqIndicatorStore::toLot);
    }

    @Override
    public List<IndicatorLot> lockLotsOwnedBy(long regionId) {
        return db.selectFrom(INDICATOR_LOT).where(INDICATOR_LOT.OWNER_REGION_ID.eq(regionId))
                .orderBy(INDICATOR_LOT.ID).forUpdate().fetch(JooqIndicatorStore::toLot);
    }

    @Override
    public Optional<LockedHold> lockHold(long holdId) {
        return db.select(INDICATOR_LOT.fields()).select(INDICATOR_HOLD.fields())
                .from(INDICATOR_LOT).join(INDICATOR_HOLD).on(INDICATOR_HOLD.LOT_ID.eq(INDICATOR_LOT.ID))
                .where(INDICATOR_HOLD.ID.eq(holdId))
                .forUpdate().of(INDICATOR_LOT, INDICATOR_HOLD)
                .fetchOptional()
                .map(r -> new LockedHold(toLot(r.into(INDICATOR_LOT)), toHold(r.into(INDICATOR_HOLD))));
    }

    @Override
    public List<LockedHold> lockHolds(List<Long> holdIds) {
        if (holdIds.isEmpty()) {
            return List.of();
        }
        return db.select(INDICATOR_LOT.fields()).select(INDICATOR_HOLD.fields())
                .from(INDICATOR_LOT).join(INDICATOR_HOLD).on(INDICATOR_HOLD.LOT_ID.eq(INDICATOR_LOT.ID))
                .join(DSL.table("unnest(?::bigint[])", (Object) holdIds.toArray(Long[]::new)).as("k", "id"))
                .on(DSL.field(DSL.name("k", "id"), Long.class).eq(INDICATOR_HOLD.ID))
                .orderBy(INDICATOR_LOT.ID, INDICATOR_HOLD.ID)
                .forUpdate().of(INDICATOR_LOT, INDICATOR_HOLD)
                .fetch(r -> new LockedHold(toLot(r.into(INDICATOR_LOT)), toHold(r.into(INDICATOR_HOLD))));
    }

    /** Lots, holds and movements in one statement over arrays, however many there are. */
    @Override
    public void settleHolds(java.util.Map<Long, LotBalances> balancesByLot, List<Hold> holds, List<Movement> movements) {
        if (movements.isEmpty()) {
            return;
        }
        List<Long> lots = List.copyOf(balancesByLot.keySet());
        List<LotBalances> b = lots.stream().map(balancesByLot::get).toList();
        org.jooq.Record written = db.fetchOne("""
                with lot as (
                    update indicator_lot l set available_m2 = v.a, reserved_m2 = v.r, frozen_m2 = v.f, consumed_m2 = v.c,
                        deducted_m2 = v.d, revoked_m2 = v.x
                    from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
                         as v(id, a, r, f, c, d, x)
                    where l.id = v.id returning l.id),
                hold as (
                    update indicator_hold h set remaining_m2 = v.remaining
                    from unnest(?::bigint[], ?::bigint[]) as v(id, remaining) where h.id = v.id returning h.id),
                movement as (
                    insert into indicator_movement (lot_id, kind, area_m2, hold_id, reference, created_at)
                    select lot_id, kind, area_m2, hold_id, reference, ?::timestamptz
                    from unnest(?::bigint[], ?::text[], ?::bigint[], ?::bigint[], ?::text[]) with ordinality
                         as m(lot_id, kind, area_m2, hold_id, reference, n)
                    order by n
                    returning 1)
                select (select count(*) from lot), (select count(*) from hold), (select count(*) from movement)""",
                longs(lots), longs(b.stream().map(LotBalances::availableM2).toList()),
                longs(b.stream().map(LotBalances::reservedM2).toList()), longs(b.stream().map(LotBalances::frozenM2).toList()),
                longs(b.stream().map(LotBalances::consumedM2).toList()), longs(b.stream().map(LotBalances::deductedM2).toList()),
                longs(b.stream().map(LotBalances::revokedM2).toList()),
                longs(holds.stream().map(Hold::id).toList()), longs(holds.stream().map(Hold::remainingM2).toList()),
                OffsetDateTime.now(), longs(movements.stream().map(Movement::lotId).toList()),
                movements.stream().map(m -> m.kind().name()).toArray(String[]::new),
                longs(movements.stream().map(Movement::areaM2).toList()),
                movements.stream().map(Movement::holdId).toArray(Long[]::new),
                movements.stream().map(Movement::reference).toArray(String[]::new));
        if (written.get(0, Integer.class) != lots.size() || written.get(1, Integer.class) != holds.size()
                || written.get(2, Integer.class) != movements.size()) {
            throw new IllegalStateException("wrote " + written + " of " + lots.size() + " lots, " + holds.size() + " holds, "
                    + movements.size() + " movements");
        }
        movements.forEach(this::recordEvent);
    }

    private static Long[] longs(List<Long> values) {
        return values.toArray(Long[]::new);
    }

    @Override
    public Optional<Hold> findHold(long holdId) {
        return db.selectFrom(INDICATOR_HOLD).where(INDICATOR_HOLD.ID.eq(holdId)).fetchOptional()
                .map(JooqIndicatorStore::toHold);
    }

    /** How every ledger step's statement starts: the lot's new balances (binds: the six buckets, then the lot's id). */
    private static final String LOT_BALANCES = """
            with lot as (
                update indicator_lot set available_m2 = ?, reserved_m2 = ?, frozen_m2 = ?, consumed_m2 = ?, deducted_m2 = ?,
                    revoked_m2 = ?
                where id = ? returning id),
            """;

    /** The binds of {@link #LOT_BALANCES} followed by {@code rest}. */
    private static Object[] balances(LotBalances b, long lotId, Object... rest) {
        Object[] binds = new Object[7 + rest.length];
        binds[0] = b.availableM2();
        binds[1] = b.reservedM2();
        binds[2] = b.frozenM2();
        binds[3] = b.consumedM2();
        binds[4] = b.deductedM2();
        binds[5] = b.revokedM2();
        binds[6] = lotId;
        System.arraycopy(rest, 0, binds, 7, rest.length);
        return binds;
    }

    /** The lot's balances, the new hold and its movement (which names the hold) in one statement. */
    @Override
    public Hold openHold(IndicatorLot lot, LotBalances b, HoldKind kind, AreaM2 area, String reference) {
        long areaM2 = area.value();
        OffsetDateTime now = OffsetDateTime.now();
        Long holdId = db.resultQuery(LOT_BALANCES + """
                        hold as (
                            insert into indicator_hold (lot_id, kind, held_m2, remaining_m2, reference, created_at)
                            select id, ?, ?, ?, ?, ?::timestamptz from lot returning id, lot_id),
                        movement as (
                            insert into indicator_movement (lot_id, kind, area_m2, hold_id, reference, created_at)
                            select lot_id, ?, ?, id, ?, ?::timestamptz from hold)
                        select id from hold""",
                        balances(b, lot.id(), kind.name(), areaM2, areaM2, reference, now,
                                kind.open().name(), areaM2, reference, now))
                .fetchSingle().get(0, Long.class);
        recordEvent(new Movement(lot.id(), lot.ownerRegionId(), lot.countyId(), kind.open(), areaM2, holdId, reference));
        return new Hold(holdId, lot.id(), kind, areaM2, areaM2, reference);
    }

    /** The lot's balances, the hold's remaining area and the movement in one statement. */
    @Override
    public void settleHold(IndicatorLot lot, LotBalances b, Hold settled, Movement movement) {
        int written = db.execute(LOT_BALANCES + """
                        hold as (
                            update indicator_hold set remaining_m2 = ? where id = ? and lot_id = ? returning id)
                        insert into indicator_movement (lot_id, kind, area_m2, hold_id, reference, created_at)
                        select lot.id, ?, ?, hold.id, ?, ?::timestamptz from lot, hold""",
                balances(b, lot.id(), settled.remainingM2(), settled.id(), lot.id(),
                        movement.kind().name(), movement.areaM2(), movement.reference(), OffsetDateTime.now()));
        if (written != 1) {
            throw new IllegalStateException("hold " + settled.id() + " of lot " + lot.id() + " was not written");
        }
        recordEvent(movement);
    }

    @Override
    public boolean hasHolds(long lotId) {
        return db.fetchExists(INDICATOR_HOLD, INDICATOR_HOLD.LOT_ID.eq(lotId));
    }

    /** The lot's balances and a movement of no hold in one statement. */
    @Override
    public void write(IndicatorLot lot, LotBalances b, Movement movement) {
        int written = db.execute(LOT_BALANCES + """
                        movement as (select 1)
                        insert into indicator_movement (lot_id, kind, area_m2, hold_id, reference, created_at)
                        select lot.id, ?, ?, null, ?, ?::timestamptz from lot""",
                balances(b, lot.id(), movement.kind().name(), movement.areaM2(), movement.reference(), OffsetDateTime.now()));
        if (written != 1) {
            throw new IllegalStateException("lot " + lot.id() + " was not written");
        }
        recordEvent(movement);
    }

    @Override
    public void appendAll(List<Movement> movements) {
        OffsetDateTime now = OffsetDateTime.now();
        for (int from = 0; from < movements.size(); from += 1000) {
            var insert = db.insertInto(INDICATOR_MOVEMENT, INDICATOR_MOVEMENT.LOT_ID, INDICATOR_MOVEMENT.KIND,
                    INDICATOR_MOVEMENT.AREA_M2, INDICATOR_MOVEMENT.HOLD_ID, INDICATOR_MOVEMENT.REFERENCE, INDICATOR_MOVEMENT.CREATED_AT);
            for (Movement m : movements.subList(from, Math.min(movements.size(), from + 1000))) {
                insert = insert.values(m.lotId(), m.kind(), m.areaM2(), m.holdId(), m.reference(), now);
            }
            insert.execute();
        }
        movements.forEach(this::recordEvent);
    }

    @Override
    public void append(Movement movement) {
        db.insertInto(INDICATOR_MOVEMENT)
                .set(INDICATOR_MOVEMENT.LOT_ID, movement.lotId())
                .set(INDICATOR_MOVEMENT.KIND, movement.kind())
                .set(INDICATOR_MOVEMENT.AREA_M2, movement.areaM2())
                .set(INDICATOR_MOVEMENT.HOLD_ID, movement.holdId())
                .set(INDICATOR_MOVEMENT.REFERENCE, movement.reference())
                .set(INDICATOR_MOVEMENT.CREATED_AT, OffsetDateTime.now())
                .execute();
        recordEvent(movement);
    }

    private void recordEvent(Movement movement) {
        outbox.publish(IndicatorEvent.Moved.of(movement));
    }

    @Override
    public void assignHolder(long lotId, long holderOrgId) {
        db.update(INDICATOR_LOT).set(INDICATOR_LOT.HOLDER_ORG_ID, holderOrgId).where(INDICATOR_LOT.ID.eq(lotId)).execute();
    }

    static IndicatorLot toLot(IndicatorLotRecord r) {
        return new IndicatorLot(r.getId(), r.getOwnerRegionId(), r.getCountyId(), r.getQualityGrade(), r.getPaddy(),
                r.getVintageYear(), r.getSourceProjectId(), new LotBalances(r.getAvailableM2(), r.getReservedM2(),
                r.getFrozenM2(), r.getConsumedM2(), r.getDeductedM2(), r.getRevokedM2()), r.getHolderOrgId());
    }

    static Hold toHold(IndicatorHoldRecord r) {
        return new Hold(r.getId(), r.getLotId(), r.getKind(), r.getHeldM2(), r.getRemainingM2(),
                r.getReference());
    }
}
