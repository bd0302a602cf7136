package cn.landbalance.infra.outflow;

import cn.landbalance.infra.jooq.tables.records.OutflowApplicationRecord;
import cn.landbalance.settlement.event.EventType;
import cn.landbalance.settlement.event.OutflowEvent;
import cn.landbalance.infra.jooq.tables.records.OutflowCoverageRecord;
import cn.landbalance.settlement.outflow.Coverage;
import cn.landbalance.settlement.outflow.OutflowApplication;
import cn.landbalance.settlement.outflow.OutflowApplications;
import cn.landbalance.settlement.outflow.OutflowDecision;
import cn.landbalance.settlement.outflow.OutflowStatus;
import cn.landbalance.infra.outbox.Outbox;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static cn.landbalance.infra.jooq.Tables.OUTFLOW_DECISION;
import static cn.landbalance.infra.jooq.Tables.OUTFLOW_APPLICATION;
import static cn.landbalance.infra.jooq.Tables.OUTFLOW_COVERAGE;

@Singleton
public class JooqOutflowApplications implements OutflowApplications {
    private final DSLContext db;
    private final Outbox outbox;

    public JooqOutflowApplications(DSLContext db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    @Override
    public OutflowApplication insert(OutflowApplication a) {
        OutflowApplicationRecord r = record(a);
        r.store();
        return OutflowRows.toDomain(r);
    }

    private OutflowApplicationRecord record(OutflowApplication a) {
        OutflowApplicationRecord r = db.newRecord(OUTFLOW_APPLICATION);
        OutflowRows.fill(r, a);
        return r;
    }

    @Override
    public void insertImported(List<OutflowApplication> applications, long planImportId) {
        for (int from = 0; from < applications.size(); from += 1000) {
            var insert = db.insertInto(OUTFLOW_APPLICATION).set(record(applications.get(from), planImportId));
            for (OutflowApplication a : applications.subList(from + 1, Math.min(applications.size(), from + 1000))) {
                insert = insert.newRecord().set(record(a, planImportId));
            }
            insert.execute();
        }
    }

    private OutflowApplicationRecord record(OutflowApplication a, long planImportId) {
        OutflowApplicationRecord r = record(a);
        r.setPlanImportId(planImportId);
        return r;
    }

    @Override
    public long countUsedInImport(long planImportId) {
        return db.fetchValue("""
                select count(*) from outflow_application a
                where a.plan_import_id = ? and (a.status <> 'APPROVED' or a.covered_m2 <> 0
                  or exists (select 1 from outflow_coverage c where c.application_id = a.id)
                  or exists (select 1 from fee_payment f where f.application_id = a.id))""", planImportId) instanceof Number n
                ? n.longValue() : 0;
    }

    @Override
    public void withdrawImport(long planImportId) {
        OffsetDateTime now = OffsetDateTime.now();
        db.execute("""
                with withdrawn as (
                  update outflow_application set status = 'WITHDRAWN', updated_at = ?::timestamptz
                  where plan_import_id = ? and status = 'APPROVED' returning id)
                insert into outflow_decision (application_id, action, from_status, to_status, reason, override, user_id,
                                              decided_at)
                select id, 'WITHDRAW', 'APPROVED', 'WITHDRAWN', '导入被替换 / the plan import was replaced', false, null, ?::timestamptz
                from withdrawn""", now, planImportId, now);
    }

    @Override
    public Optional<OutflowApplication> find(long id) {
        return db.selectFrom(OUTFLOW_APPLICATION).where(OUTFLOW_APPLICATION.ID.eq(id)).fetchOptional()
                .map(OutflowRows::toDomain);
    }

    @Override
    public Optional<OutflowApplication> lock(long id) {
        return db.selectFrom(OUTFLOW_APPLICATION).where(OUTFLOW_APPLICATION.ID.eq(id)).forUpdate().fetchOptional()
                .map(OutflowRows::toDomain);
    }

    @Override
    public List<OutflowApplication> lockAll(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : db.fetch("select a.* from outflow_application a join unnest(?::bigint[]) as k(id) "
                + "on k.id = a.id order by a.id for update of a", (Object) ids.toArray(Long[]::new)).into(OUTFLOW_APPLICATION)
                .map(OutflowRows::toDomain);
    }

    /**
     * One statement over arrays: each application's covered area grows by its coverages' sum, and each coverage keeps
     * the running total after it, in the order given.
     */
    @Override
    public List<Coverage.Added> coverAll(List<NewCoverage> coverages) {
        if (coverages.isEmpty()) {
            return List.of();
        }
        List<Coverage> c = coverages.stream().map(NewCoverage::coverage).toList();
        var rows = db.fetch("""
                        with c as (
                            select * from unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::bigint[], ?::bigint[],
                                                 ?::smallint[], ?::bigint[], ?::bigint[]) with ordinality
                                as c(application_id, kind, area_m2, ref, township_id, lot_id, quality_grade, amount_fen,
                                     reverses_id, n)),
                        a as (
                            update outflow_application a set covered_m2 = a.covered_m2 + s.total
                            from (select application_id, sum(area_m2) as total from c group by application_id) s
                            where a.id = s.application_id
                            returning a.id, a.covered_m2 - s.total as before)
                        insert into outflow_coverage (application_id, kind, area_m2, ref, township_id, lot_id, quality_grade,
                                                      amount_fen, reverses_id, created_at, covered_after_m2)
                        select c.application_id, c.kind, c.area_m2, c.ref, c.township_id, c.lot_id, c.quality_grade,
                               c.amount_fen, c.reverses_id, ?::timestamptz,
                               a.before + sum(c.area_m2) over (partition by c.application_id order by c.n)
                        from c join a on a.id = c.application_id
                        order by c.n
                        returning *""",
                coverages.stream().map(x -> x.application().id()).toArray(Long[]::new),
                c.stream().map(x -> x.kind().name()).toArray(String[]::new), c.stream().map(Coverage::areaM2).toArray(Long[]::new),
                c.stream().map(Coverage::ref).toArray(String[]::new), c.stream().map(Coverage::townshipId).toArray(Long[]::new),
                c.stream().map(Coverage::lotId).toArray(Long[]::new),
                c.stream().map(x -> x.qualityGrade() == null ? null : x.qualityGrade().shortValue()).toArray(Short[]::new),
                c.stream().map(Coverage::amountFen).toArray(Long[]::new), c.stream().map(Coverage::reversesId).toArray(Long[]::new),
                OffsetDateTime.now())
                .into(OUTFLOW_COVERAGE).sortAsc(OUTFLOW_COVERAGE.ID);
        List<Coverage.Added> added = new java.util.ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            OutflowApplication app = coverages.get(i).application();
            Coverage.Added one = new Coverage.Added(OutflowRows.toCoverage(rows.get(i)), rows.get(i).getCoveredAfterM2());
            outbox.publish(coverageEvent(EventType.OBLIGATION_COVERAGE_ADDED, app, one));
            if (one.completes(app)) {
                announceCovered(app, one);
            }
            added.add(one);
        }
        return added;
    }

    @Override
    public void saveTransition(long id, OutflowStatus.Transition step) {
        OutflowStatus status = step.to();
        int updated = db.update(OUTFLOW_APPLICATION).set(OUTFLOW_APPLICATION.STATUS, status)
                .set(OUTFLOW_APPLICATION.UPDATED_AT, OffsetDateTime.now())
                .where(OUTFLOW_APPLICATION.ID.eq(id).and(OUTFLOW_APPLICATION.STATUS.eq(step.from()))).execute();
        if (updated != 1) {
            throw new IllegalStateException("outflow application " + id + " was not " + step.from() + " under its lock");
        }
        OutflowApplication app = find(id).orElseThrow();
        outbox.publish(new OutflowEvent.StatusChanged(app.countyId(), id, app.applicantOrgId(), app.townshipId(), status,
                app.areaM2(), app.requiredM2()));
    }

    @Override
    public List<OutflowApplication> list(Selection selection, int offset, int limit) {
        return db.selectFrom(OUTFLOW_APPLICATION).where(selecting(selection)).orderBy(OUTFLOW_APPLICATION.ID.desc())
                .offset(offset).limit(limit).fetch(OutflowRows::toDomain);
    }

    @Override
    public long count(Selection selection) {
        return db.fetchCount(OUTFLOW_APPLICATION, selecting(selection));
    }

    private static Condition selecting(Selection s) {
        Condition where = OUTFLOW_APPLICATION.COUNTY_ID.eq(s.countyId());
        if (s.townshipId() != null) {
            where = where.and(OUTFLOW_APPLICATION.TOWNSHIP_ID.eq(s.townshipId()));
        }
        if (s.applicantOrgId() != null) {
            where = where.and(OUTFLOW_APPLICATION.APPLICANT_ORG_ID.eq(s.applicantOrgId()));
        }
        if (s.status() != null) {
            where = where.and(OUTFLOW_APPLICATION.STATUS.eq(s.status()));
        }
        return where;
    }

    @Override
    public List<Coverage> coverages(long applicationId) {
        return db.selectFrom(OUTFLOW_COVERAGE).where(OUTFLOW_COVERAGE.APPLICATION_ID.eq(applicationId))
                .orderBy(OUTFLOW_COVERAGE.ID).fetch(OutflowRows::toCoverage);
    }

    private void announceCovered(OutflowApplication app, Coverage.Added added) {
        outbox.publish(coverageEvent(EventType.OBLIGATION_COVERED, app, added));
    }

    private static OutflowEvent.CoverageAdded coverageEvent(EventType type, OutflowApplication app, Coverage.Added added) {
        Coverage c = added.coverage();
        return new OutflowEvent.CoverageAdded(type, app.countyId(), app.townshipId(), app.id(), app.applicantOrgId(),
                c.kind().name(), c.areaM2(), c.ref(), c.townshipId(), c.lotId(), app.requiredM2(), added.coveredAfterM2());
    }

    /**
     * The coverage and the application's covered area after it, in one statement (the database checks the totals once
     * the statement ends).
     */
    private OutflowCoverageRecord insertCoverage(long applicationId, Coverage c, Long refundTransferId) {
        return db.fetch("""
                        with a as (update outflow_application set covered_m2 = covered_m2 + ? where id = ? returning covered_m2)
                        insert into outflow_coverage (application_id, kind, area_m2, ref, township_id, lot_id, quality_grade,
                                                      amount_fen, reverses_id, refund_transfer_id, created_at, covered_after_m2)
                        select ?, ?, ?, ?, ?, ?, ?::smallint, ?, ?, ?, ?::timestamptz, a.covered_m2 from a
                        returning *""",
                c.areaM2(), applicationId, applicationId, c.kind().name(), c.areaM2(), c.ref(), c.townshipId(), c.lotId(),
                c.qualityGrade() == null ? null : c.qualityGrade().shortValue(), c.amountFen(), c.reversesId(),
                refundTransferId, OffsetDateTime.now()).into(OUTFLOW_COVERAGE).get(0);
    }

    @Override
    public Coverage reverse(OutflowApplication app, Coverage reversal, Long refundTransferId) {
        OutflowCoverageRecord stored = insertCoverage(app.id(), reversal, refundTransferId);
        Coverage c = OutflowRows.toCoverage(stored);
        outbox.publish(new OutflowEvent.CoverageReversed(app.countyId(), app.townshipId(), app.id(), app.applicantOrgId(),
                c.kind().name(), c.areaM2(), c.reversesId(), c.townshipId(), c.lotId(), c.amountFen(), refundTransferId,
                app.requiredM2(), stored.getCoveredAfterM2()));
        return c;
    }

    @Override
    public void recordDecision(OutflowDecision d) {
        db.insertInto(OUTFLOW_DECISION)
                .set(OUTFLOW_DECISION.APPLICATION_ID, d.applicationId())
                .set(OUTFLOW_DECISION.ACTION, d.action())
                .set(OUTFLOW_DECISION.FROM_STATUS, d.from())
                .set(OUTFLOW_DECISION.TO_STATUS, d.to())
                .set(OUTFLOW_DECISION.REASON, d.reason())
                .set(OUTFLOW_DECISION.OVERRIDE, d.override())
                .set(OUTFLOW_DECISION.USER_ID, d.userId())
                .set(OUTFLOW_DECISION.DECIDED_AT, d.decidedAt().atOffset(java.time.ZoneOffset.UTC))
                .execute();
    }

    @Override
    public List<OutflowDecision> decisions(long applicationId) {
        return db.selectFrom(OUTFLOW_DECISION).where(OUTFLOW_DECISION.APPLICATION_ID.eq(applicationId))
                .orderBy(OUTFLOW_DECISION.ID).fetch(r -> new OutflowDecision(r.getId(), r.getApplicationId(),
                        r.getAction(), r.getFromStatus(),
                        r.getToStatus(), r.getReason(), r.getOverride(), r.getUserId(),
                        r.getDecidedAt().toInstant()));
    }
}
