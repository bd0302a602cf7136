package cn.landbalance.infra.indicator;

import cn.landbalance.infra.jooq.tables.records.IndicatorHoldRecord;
import cn.landbalance.infra.jooq.tables.records.IndicatorLotRecord;
import cn.landbalance.ledger.indicator.Hold;
import cn.landbalance.ledger.indicator.HoldKind;
import cn.landbalance.ledger.indicator.IndicatorLot;
import cn.landbalance.ledger.indicator.IndicatorStore;
import cn.landbalance.ledger.indicator.LotBalances;
import cn.landbalance.ledger.indicator.Movement;
import cn.landbalance.ledger.indicator.MovementKind;
import cn.landbalance.infra.outbox.Outbox;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
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
                                  Long sourceProjectId, long issuedM2) {
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

    @Override
    public Optional<IndicatorLot> lockLot(long lotId) {
        return db.selectFrom(INDICATOR_LOT).where(INDICATOR_LOT.ID.eq(lotId)).forUpdate().fetchOptional()
                .map(JooqIndicatorStore::toLot);
    }

    @Override
    public Optional<IndicatorLot> lockLotOfHold(long holdId) {
        return db.selectFrom(INDICATOR_LOT)
                .where(INDICATOR_LOT.ID.eq(db.select(INDICATOR_HOLD.LOT_ID).from(INDICATOR_HOLD).where(INDICATOR_HOLD.ID.eq(holdId))))
                .forUpdate().fetchOptional().map(JooqIndicatorStore::toLot);
    }

    @Override
    public Optional<Hold> findHold(long holdId) {
        return db.selectFrom(INDICATOR_HOLD).where(INDICATOR_HOLD.ID.eq(holdId)).fetchOptional()
                .map(JooqIndicatorStore::toHold);
    }

    @Override
    public Hold lockHold(long holdId) {
        return toHold(db.selectFrom(INDICATOR_HOLD).where(INDICATOR_HOLD.ID.eq(holdId)).forUpdate().fetchSingle());
    }

    @Override
    public void updateBalances(long lotId, LotBalances b) {
        db.update(INDICATOR_LOT)
                .set(INDICATOR_LOT.AVAILABLE_M2, b.availableM2())
                .set(INDICATOR_LOT.RESERVED_M2, b.reservedM2())
                .set(INDICATOR_LOT.FROZEN_M2, b.frozenM2())
                .set(INDICATOR_LOT.CONSUMED_M2, b.consumedM2())
                .set(INDICATOR_LOT.DEDUCTED_M2, b.deductedM2())
                .where(INDICATOR_LOT.ID.eq(lotId))
                .execute();
    }

    @Override
    public Hold insertHold(long lotId, HoldKind kind, long areaM2, String reference) {
        return toHold(db.insertInto(INDICATOR_HOLD)
                .set(INDICATOR_HOLD.LOT_ID, lotId)
                .set(INDICATOR_HOLD.KIND, kind.name())
                .set(INDICATOR_HOLD.HELD_M2, areaM2)
                .set(INDICATOR_HOLD.REMAINING_M2, areaM2)
                .set(INDICATOR_HOLD.REFERENCE, reference)
                .set(INDICATOR_HOLD.CREATED_AT, OffsetDateTime.now())
                .returning()
                .fetchOne());
    }

    @Override
    public void updateHold(Hold hold) {
        db.update(INDICATOR_HOLD).set(INDICATOR_HOLD.REMAINING_M2, hold.remainingM2())
                .where(INDICATOR_HOLD.ID.eq(hold.id())).execute();
    }

    @Override
    public void append(Movement movement) {
        db.insertInto(INDICATOR_MOVEMENT)
                .set(INDICATOR_MOVEMENT.LOT_ID, movement.lotId())
                .set(INDICATOR_MOVEMENT.KIND, movement.kind().name())
                .set(INDICATOR_MOVEMENT.AREA_M2, movement.areaM2())
                .set(INDICATOR_MOVEMENT.HOLD_ID, movement.holdId())
                .set(INDICATOR_MOVEMENT.REFERENCE, movement.reference())
                .set(INDICATOR_MOVEMENT.CREATED_AT, OffsetDateTime.now())
                .execute();
        outbox.record("indicator." + EVENT_NAMES.get(movement.kind()), "indicator-lot", movement.lotId(),
                movement.countyId(), movement.ownerRegionId(), Outbox.fields("lotId", movement.lotId(),
                        "townshipId", movement.ownerRegionId(), "areaM2", movement.areaM2(),
                        "holdId", movement.holdId(), "reference", movement.reference()));
    }

    private static final java.util.Map<MovementKind, String> EVENT_NAMES = java.util.Map.of(
            MovementKind.ISSUE, "issued", MovementKind.RESERVE, "reserved", MovementKind.RELEASE, "released",
            MovementKind.CONSUME, "consumed", MovementKind.FREEZE, "frozen", MovementKind.UNFREEZE, "unfrozen",
            MovementKind.DEDUCT, "deducted");

    @Override
    public void assignHolder(long lotId, long holderOrgId) {
        db.update(INDICATOR_LOT).set(INDICATOR_LOT.HOLDER_ORG_ID, holderOrgId).where(INDICATOR_LOT.ID.eq(lotId)).execute();
    }

    static IndicatorLot toLot(IndicatorLotRecord r) {
        return new IndicatorLot(r.getId(), r.getOwnerRegionId(), r.getCountyId(), r.getQualityGrade(), r.getPaddy(),
                r.getVintageYear(), r.getSourceProjectId(), new LotBalances(r.getAvailableM2(), r.getReservedM2(),
                r.getFrozenM2(), r.getConsumedM2(), r.getDeductedM2()), r.getHolderOrgId());
    }

    static Hold toHold(IndicatorHoldRecord r) {
        return new Hold(r.getId(), r.getLotId(), HoldKind.valueOf(r.getKind()), r.getHeldM2(), r.getRemainingM2(),
                r.getReference());
    }
}
