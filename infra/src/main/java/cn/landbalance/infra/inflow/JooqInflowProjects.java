package cn.landbalance.infra.inflow;

import cn.landbalance.infra.audit.AuditTrail;
import cn.landbalance.infra.jooq.tables.records.InflowProjectRecord;
import cn.landbalance.settlement.inflow.InflowProject;
import cn.landbalance.settlement.inflow.InflowProjects;
import cn.landbalance.settlement.inflow.InflowStatus;
import cn.landbalance.settlement.inflow.SiteConstraints;
import cn.landbalance.settlement.inflow.SlopeAreas;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static cn.landbalance.infra.jooq.Tables.INFLOW_PROJECT;

@Singleton
public class JooqInflowProjects implements InflowProjects {
    private static final int BATCH = 1000;
    private final DSLContext db;
    private final AuditTrail audit;

    public JooqInflowProjects(DSLContext db, AuditTrail audit) {
        this.audit = audit;
        this.db = db;
    }

    @Override
    public InflowProject insert(InflowProject p) {
        InflowProjectRecord row = db.newRecord(INFLOW_PROJECT);
        fill(row, p);
        row.setCreatedAt(OffsetDateTime.now());
        row.store();
        audit.record("inflow_project.created", "inflow_project", row.getId(), p.countyId(), "townshipId", p.townshipId(),
                "areaM2", p.areaM2(), "status", p.status().name());
        return toDomain(row);
    }

    @Override
    public Optional<InflowProject> find(long id) {
        return db.selectFrom(INFLOW_PROJECT).where(INFLOW_PROJECT.ID.eq(id)).fetchOptional().map(JooqInflowProjects::toDomain);
    }

    @Override
    public Optional<InflowProject> lock(long id) {
        return db.selectFrom(INFLOW_PROJECT).where(INFLOW_PROJECT.ID.eq(id)).forUpdate().fetchOptional()
                .map(JooqInflowProjects::toDomain);
    }

    @Override
    public void update(InflowProject p) {
        InflowProjectRecord row = db.selectFrom(INFLOW_PROJECT).where(INFLOW_PROJECT.ID.eq(p.id())).fetchSingle();
        fill(row, p);
        row.store();
        audit.record("inflow_project.updated", "inflow_project", p.id(), p.countyId(), "status", p.status().name(),
                "qualityGrade", p.qualityGrade(), "lotId", p.lotId(), "rejectionReason", p.rejectionReason());
    }

    @Override
    public List<InflowProject> list(Selection selection, long offset, int limit) {
        return db.selectFrom(INFLOW_PROJECT).where(where(selection)).orderBy(INFLOW_PROJECT.ID.desc()).offset(offset).limit(limit)
                .fetch(JooqInflowProjects::toDomain);
    }

    @Override
    public long count(Selection selection) {
        return db.fetchCount(INFLOW_PROJECT, where(selection));
    }

    private static Condition where(Selection s) {
        Condition where = INFLOW_PROJECT.COUNTY_ID.eq(s.countyId());
        if (s.townshipId() != null) {
            where = where.and(INFLOW_PROJECT.TOWNSHIP_ID.eq(s.townshipId()));
        }
        if (s.status() != null) {
            where = where.and(INFLOW_PROJECT.STATUS.eq(s.status()));
        }
        String text = s.text() == null ? "" : s.text().strip();
        if (!text.isEmpty()) {
            Condition village = org.jooq.impl.DSL.condition("position(lower({0}) in lower(village)) > 0", org.jooq.impl.DSL.val(text));
            where = where.and(text.matches("\\d{1,18}") ? village.or(INFLOW_PROJECT.ID.eq(Long.parseLong(text))) : village);
        }
        return where;
    }

    @Override
    public List<Long> reserveIds(int count) {
        return db.fetch("select nextval(pg_get_serial_sequence('inflow_project', 'id')) from generate_series(1, ?)", count)
                .map(r -> r.get(0, Long.class));
    }

    @Override
    public void insertImported(List<InflowProject> projects, long planImportId) {
        OffsetDateTime now = OffsetDateTime.now();
        for (int from = 0; from < projects.size(); from += BATCH) {
            var insert = db.insertInto(INFLOW_PROJECT).set(record(projects.get(from), planImportId, now));
            for (InflowProject p : projects.subList(from + 1, Math.min(projects.size(), from + BATCH))) {
                insert = insert.newRecord().set(record(p, planImportId, now));
            }
            insert.execute();
        }
    }

    private InflowProjectRecord record(InflowProject p, long planImportId, OffsetDateTime now) {
        InflowProjectRecord row = db.newRecord(INFLOW_PROJECT);
        fill(row, p);
        row.setId(p.id());
        row.setPlanImportId(planImportId);
        row.setCreatedAt(now);
        return row;
    }

    @Override
    public List<InflowProject> ofImport(long planImportId) {
        return db.selectFrom(INFLOW_PROJECT).where(INFLOW_PROJECT.PLAN_IMPORT_ID.eq(planImportId))
                .and(INFLOW_PROJECT.STATUS.eq(InflowStatus.ACCEPTED)).orderBy(INFLOW_PROJECT.ID)
                .fetch(JooqInflowProjects::toDomain);
    }

    @Override
    public long countUsedInImport(long planImportId) {
        return db.fetchValue("""
                select count(*) from inflow_project p left join indicator_lot l on l.id = p.lot_id
                where p.plan_import_id = ? and (p.status <> 'ACCEPTED' or l.id is null or l.available_m2 <> l.issued_m2
                  or exists (select 1 from indicator_hold h where h.lot_id = l.id)
                  or exists (select 1 from listing_lot ll where ll.lot_id = l.id))""", planImportId) instanceof Number n
                ? n.longValue() : 0;
    }

    private static void fill(InflowProjectRecord row, InflowProject p) {
        row.setCountyId(p.countyId());
        row.setTownshipId(p.townshipId());
        row.setVillage(p.village());
        row.setLandClassBefore(p.landClassBefore());
        row.setTargetClass(p.targetClass());
        row.setOwnership(p.ownership());
        row.setRestorationAttr(p.restorationAttr());
        row.setSlope_1M2(p.slopes().grade1M2());
        row.setSlope_2M2(p.slopes().grade2M2());
        row.setSlope_3M2(p.slopes().grade3M2());
        row.setSlope_4M2(p.slopes().grade4M2());
        row.setSlope_5M2(p.slopes().grade5M2());
        row.setAreaM2(p.areaM2());
        SiteConstraints c = p.constraints();
        row.setEcologicalRedLine(c.ecologicalRedLine());
        row.setNatureReserve(c.natureReserve());
        row.setWaterSourceLevel1(c.waterSourceLevel1());
        row.setRiverLakeForestPastoralDesert(c.riverLakeForestPastoralDesert());
        row.setBuiltUpArea(c.builtUpArea());
        row.setReturnedFarmlandForest(c.returnedFarmlandForest());
        row.setPollutedSoil(c.pollutedSoil());
        row.setIllegalDeforestation(c.illegalDeforestation());
        row.setPlanYear(p.planYear());
        row.setStatus(p.status());
        row.setQualityGrade(p.qualityGrade() == null ? null : p.qualityGrade().shortValue());
        row.setLotId(p.lotId());
        row.setRejectionReason(p.rejectionReason());
        row.setImportKey(p.importKey());
        row.setHolderOrgId(p.holderOrgId());
        row.setUpdatedAt(OffsetDateTime.now());
    }

    static InflowProject toDomain(InflowProjectRecord r) {
        return new InflowProject(r.getId(), r.getCountyId(), r.getTownshipId(), r.getVillage(), r.getLandClassBefore(),
                r.getTargetClass(), r.getOwnership(),
                r.getRestorationAttr(),
                new SlopeAreas(r.getSlope_1M2(), r.getSlope_2M2(), r.getSlope_3M2(), r.getSlope_4M2(), r.getSlope_5M2()),
                new SiteConstraints(r.getEcologicalRedLine(), r.getNatureReserve(), r.getWaterSourceLevel1(),
                        r.getRiverLakeForestPastoralDesert(), r.getBuiltUpArea(), r.getReturnedFarmlandForest(),
                        r.getPollutedSoil(), r.getIllegalDeforestation()),
                r.getPlanYear(), r.getStatus(),
                r.getQualityGrade() == null ? null : r.getQualityGrade().intValue(), r.getLotId(), r.getRejectionReason(),
                r.getImportKey(), r.getHolderOrgId());
    }
}
