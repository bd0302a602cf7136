package cn.landbalance.infra.violation;

import cn.landbalance.infra.jooq.tables.records.ViolationCaseRecord;
import cn.landbalance.ledger.common.AreaM2;
import cn.landbalance.settlement.event.EventType;
import cn.landbalance.settlement.event.ViolationEvent;
import cn.landbalance.infra.outbox.Outbox;
import cn.landbalance.settlement.violation.ViolationCase;
import cn.landbalance.settlement.violation.ViolationDecision;
import cn.landbalance.settlement.violation.Violations;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static cn.landbalance.infra.jooq.Tables.VIOLATION_CASE;
import static cn.landbalance.infra.jooq.Tables.VIOLATION_FREEZE;
import static cn.landbalance.infra.jooq.Tables.VIOLATION_REPAYMENT;

@Singleton
public class JooqViolations implements Violations {
    private final DSLContext db;
    private final Outbox outbox;

    public JooqViolations(DSLContext db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    @Override
    public boolean caseNoExists(long countyId, String caseNo) {
        return db.fetchExists(VIOLATION_CASE, VIOLATION_CASE.COUNTY_ID.eq(countyId).and(VIOLATION_CASE.CASE_NO.eq(caseNo)));
    }

    @Override
    public ViolationCase insert(long countyId, long townshipId, String caseNo, String description, AreaM2 area,
                                Long outflowApplicationId) {
        long areaM2 = area.value();
        long id = db.insertInto(VIOLATION_CASE)
                .set(VIOLATION_CASE.COUNTY_ID, countyId).set(VIOLATION_CASE.TOWNSHIP_ID, townshipId)
                .set(VIOLATION_CASE.CASE_NO, caseNo).set(VIOLATION_CASE.DESCRIPTION, description)
                .set(VIOLATION_CASE.AREA_M2, areaM2).set(VIOLATION_CASE.UNSECURED_M2, 0L)
                .set(VIOLATION_CASE.STATUS, ViolationCase.Status.OPEN).set(VIOLATION_CASE.OUTFLOW_APPLICATION_ID, outflowApplicationId)
                .set(VIOLATION_CASE.CREATED_AT, OffsetDateTime.now()).set(VIOLATION_CASE.UPDATED_AT, OffsetDateTime.now())
                .returning(VIOLATION_CASE.ID).fetchOne().getId();
        outbox.publish(new ViolationEvent.Opened(countyId, id, caseNo, townshipId, areaM2, outflowApplicationId));
        return find(id).orElseThrow();
    }

    @Override
    public void addFreeze(long caseId, ViolationCase.Freeze f) {
        db.insertInto(VIOLATION_FREEZE)
                .set(VIOLATION_FREEZE.CASE_ID, caseId).set(VIOLATION_FREEZE.HOLD_ID, f.holdId())
                .set(VIOLATION_FREEZE.LOT_ID, f.lotId()).set(VIOLATION_FREEZE.REGION_ID, f.regionId())
                .set(VIOLATION_FREEZE.AREA_M2, f.areaM2()).set(VIOLATION_FREEZE.BORROWED, f.borrowed())
                .set(VIOLATION_FREEZE.UNFROZEN_M2, f.unfrozenM2()).set(VIOLATION_FREEZE.DEDUCTED_M2, f.deductedM2())
                .execute();
    }

    @Override
    public void setUnsecured(long caseId, AreaM2 unsecured) {
        long unsecuredM2 = unsecured.value();
        db.update(VIOLATION_CASE).set(VIOLATION_CASE.UNSECURED_M2, unsecuredM2).where(VIOLATION_CASE.ID.eq(caseId)).execute();
    }

    @Override
    public Optional<ViolationCase> lock(long caseId) {
        return db.selectFrom(VIOLATION_CASE).where(VIOLATION_CASE.ID.eq(caseId)).forUpdate().fetchOptional().map(this::toCase);
    }

    @Override
    public Optional<ViolationCase> find(long caseId) {
        return db.selectFrom(VIOLATION_CASE).where(VIOLATION_CASE.ID.eq(caseId)).fetchOptional().map(this::toCase);
    }

    @Override
    public void recordUnfreeze(long freezeId, AreaM2 area) {
        long areaM2 = area.value();
        db.update(VIOLATION_FREEZE).set(VIOLATION_FREEZE.UNFROZEN_M2, VIOLATION_FREEZE.UNFROZEN_M2.plus(areaM2))
                .where(VIOLATION_FREEZE.ID.eq(freezeId)).execute();
    }

    @Override
    public void recordDeduct(long freezeId, AreaM2 area) {
        long areaM2 = area.value();
        db.update(VIOLATION_FREEZE).set(VIOLATION_FREEZE.DEDUCTED_M2, VIOLATION_FREEZE.DEDUCTED_M2.plus(areaM2))
                .where(VIOLATION_FREEZE.ID.eq(freezeId)).execute();
    }

    @Override
    public void saveTransition(ViolationCase c, ViolationCase.Action action) {
        db.update(VIOLATION_CASE).set(VIOLATION_CASE.STATUS, c.status()).set(VIOLATION_CASE.UPDATED_AT, OffsetDateTime.now())
                .where(VIOLATION_CASE.ID.eq(c.id())).execute();
        outbox.publish(new ViolationEvent.Resolved(c.countyId(), c.id(), c.caseNo(), c.townshipId(), c.unfrozenM2(),
                c.deductedM2(), c.owedM2()));
    }

    @Override
    public void recordRepaid(long caseId, AreaM2 area) {
        long areaM2 = area.value();
        OffsetDateTime now = OffsetDateTime.now();
        db.update(VIOLATION_CASE).set(VIOLATION_CASE.REPAID_M2, VIOLATION_CASE.REPAID_M2.plus(areaM2))
                .set(VIOLATION_CASE.UPDATED_AT, now).where(VIOLATION_CASE.ID.eq(caseId)).execute();
        db.insertInto(VIOLATION_REPAYMENT).set(VIOLATION_REPAYMENT.CASE_ID, caseId).set(VIOLATION_REPAYMENT.AREA_M2, areaM2)
                .set(VIOLATION_REPAYMENT.REPAID_AT, now).execute();
    }

    @Override
    public List<ViolationCase> list(Selection selection, long offset, int limit) {
        List<ViolationCaseRecord> cases = db.selectFrom(VIOLATION_CASE).where(where(selection)).orderBy(VIOLATION_CASE.ID.desc())
                .offset(offset).limit(limit).fetch();
        // the page's freezes in one query, not one per case
        java.util.Map<Long, List<ViolationCase.Freeze>> freezes = new java.util.HashMap<>();
        db.selectFrom(VIOLATION_FREEZE).where(VIOLATION_FREEZE.CASE_ID.in(cases.stream().map(ViolationCaseRecord::getId).toList()))
                .orderBy(VIOLATION_FREEZE.ID)
                .forEach(f -> freezes.computeIfAbsent(f.getCaseId(), k -> new java.util.ArrayList<>()).add(freeze(f)));
        return cases.stream().map(r -> toCase(r, freezes.getOrDefault(r.getId(), List.of()))).toList();
    }

    @Override
    public long count(Selection selection) {
        return db.fetchCount(VIOLATION_CASE, where(selection));
    }

    private static Condition where(Selection s) {
        Condition where = VIOLATION_CASE.COUNTY_ID.eq(s.countyId());
        if (s.townshipId() != null) {
            where = where.and(VIOLATION_CASE.TOWNSHIP_ID.eq(s.townshipId()));
        }
        if (s.status() != null) {
            where = where.and(VIOLATION_CASE.STATUS.eq(s.status()));
        }
        if (s.caseNo() != null && !s.caseNo().isBlank()) {
            where = where.and(org.jooq.impl.DSL.condition("position(lower({0}) in lower(case_no)) > 0",
                    org.jooq.impl.DSL.val(s.caseNo().strip())));
        }
        return where;
    }

    private ViolationCase toCase(ViolationCaseRecord r) {
        return toCase(r, db.selectFrom(VIOLATION_FREEZE).where(VIOLATION_FREEZE.CASE_ID.eq(r.getId()))
                .orderBy(VIOLATION_FREEZE.ID).fetch(JooqViolations::freeze));
    }

    private static ViolationCase.Freeze freeze(cn.landbalance.infra.jooq.tables.records.ViolationFreezeRecord f) {
        return new ViolationCase.Freeze(f.getId(), f.getHoldId(), f.getLotId(), f.getRegionId(), f.getAreaM2(), f.getBorrowed(),
                f.getUnfrozenM2(), f.getDeductedM2());
    }

    private static ViolationCase toCase(ViolationCaseRecord r, List<ViolationCase.Freeze> freezes) {
        return new ViolationCase(r.getId(), r.getCountyId(), r.getTownshipId(), r.getCaseNo(), r.getDescription(),
                r.getAreaM2(), r.getUnsecuredM2(), r.getStatus(), r.getOutflowApplicationId(),
                freezes, r.getRepaidM2());
    }

    @Override
    public void recordDecision(ViolationCase c, ViolationDecision.Kind kind, AreaM2 area, String reason, long userId,
                               java.time.Instant at) {
        long areaM2 = area.value();
        long id = db.fetchValue("""
                insert into violation_decision (case_id, action, area_m2, reason, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?::timestamptz) returning id""", c.id(), kind.name(), areaM2, reason, userId,
                OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC)) instanceof Number n ? n.longValue() : 0;
        outbox.publish(new ViolationEvent.Decided(kind == ViolationDecision.Kind.RESTORE ? EventType.VIOLATION_RESTORED
                : EventType.VIOLATION_LEGALIZED, c.countyId(), c.townshipId(), c.id(), c.caseNo(), id, areaM2, reason));
    }

    @Override
    public java.util.List<ViolationDecision> decisions(long caseId) {
        return db.fetch("select id, action, area_m2, reason, decided_by, decided_at from violation_decision where case_id = ? "
                        + "order by id", caseId)
                .map(r -> new ViolationDecision(r.get(0, Long.class), ViolationDecision.Kind.valueOf(r.get(1, String.class)),
                        r.get(2, Long.class), r.get(3, String.class), r.get(4, Long.class),
                        r.get(5, OffsetDateTime.class).toInstant()));
    }
}
