package cn.landbalance.infra.imports;

import cn.landbalance.infra.jooq.tables.records.PlanImportRecord;
import cn.landbalance.settlement.event.PlanEvent;
import cn.landbalance.infra.outbox.Outbox;
import cn.landbalance.settlement.imports.PlanImports;
import cn.landbalance.settlement.imports.PlanKind;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static cn.landbalance.infra.jooq.Tables.PLAN_IMPORT;

@Singleton
public class JooqPlanImports implements PlanImports {
    /** The stored state of an import: its rows count until it is reversed. */
    public enum Status { ACTIVE, REVERSED }

    /** Advisory lock space of plan imports (the market's is another). */
    private static final int IMPORT_LOCK_SPACE = 0x504C414E;

    private final DSLContext db;
    private final Outbox outbox;

    public JooqPlanImports(DSLContext db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    @Override
    public void lockCounty(long countyId) {
        db.fetch("select pg_advisory_xact_lock(?, ?)", IMPORT_LOCK_SPACE, (int) countyId);
    }

    @Override
    public Optional<PlanImport> activeOfYear(long countyId, PlanKind kind, int year) {
        return db.selectFrom(PLAN_IMPORT).where(PLAN_IMPORT.COUNTY_ID.eq(countyId)).and(PLAN_IMPORT.KIND.eq(kind))
                .and(PLAN_IMPORT.PLAN_YEAR.eq(year)).and(PLAN_IMPORT.STATUS.eq(Status.ACTIVE)).fetchOptional(JooqPlanImports::toDomain);
    }

    @Override
    public Optional<PlanImport> activeWithContent(long countyId, PlanKind kind, String contentSha256) {
        return db.selectFrom(PLAN_IMPORT).where(PLAN_IMPORT.COUNTY_ID.eq(countyId)).and(PLAN_IMPORT.KIND.eq(kind))
                .and(PLAN_IMPORT.CONTENT_SHA256.eq(contentSha256)).and(PLAN_IMPORT.STATUS.eq(Status.ACTIVE))
                .fetchOptional(JooqPlanImports::toDomain);
    }

    @Override
    public PlanImport insert(PlanImport p) {
        PlanImportRecord r = db.newRecord(PLAN_IMPORT);
        r.setCountyId(p.countyId());
        r.setKind(p.kind());
        r.setPlanYear(p.year());
        r.setContentSha256(p.contentSha256());
        r.setFileSha256(p.fileSha256());
        r.setFileName(p.fileName());
        r.setFileFormat(p.fileFormat());
        r.setRowsImported(p.rowsImported());
        r.setAreaM2(p.areaM2());
        r.setWarnings(p.warnings());
        r.setStatus(Status.ACTIVE);
        r.setImportedBy(p.importedBy());
        r.setCreatedAt(OffsetDateTime.now());
        r.store();
        outbox.publish(new PlanEvent.PlanImported(p.countyId(), r.getId(), p.kind().name(), p.year(), p.rowsImported(), p.areaM2(),
                p.warnings(), p.contentSha256(), p.fileName()));
        return toDomain(r);
    }

    @Override
    public void markReversed(long id) {
        PlanImportRecord r = db.selectFrom(PLAN_IMPORT).where(PLAN_IMPORT.ID.eq(id)).fetchSingle();
        r.setStatus(Status.REVERSED);
        r.setReversedAt(OffsetDateTime.now());
        r.store();
        outbox.publish(new PlanEvent.PlanImportReversed(r.getCountyId(), id, r.getKind().name(), r.getPlanYear(), r.getRowsImported(),
                r.getAreaM2()));
    }

    @Override
    public void linkReplacement(long reversedId, long replacementId) {
        db.update(PLAN_IMPORT).set(PLAN_IMPORT.REPLACED_BY, replacementId).where(PLAN_IMPORT.ID.eq(reversedId)).execute();
    }

    @Override
    public List<PlanImport> ofCounty(long countyId) {
        return db.selectFrom(PLAN_IMPORT).where(PLAN_IMPORT.COUNTY_ID.eq(countyId)).orderBy(PLAN_IMPORT.ID.desc())
                .limit(500).fetch(JooqPlanImports::toDomain);
    }

    private static PlanImport toDomain(PlanImportRecord r) {
        return new PlanImport(r.getId(), r.getCountyId(), r.getKind(), r.getPlanYear(),
                r.getContentSha256(), r.getFileSha256(), r.getFileName(), r.getFileFormat(), r.getRowsImported(),
                r.getAreaM2(), r.getWarnings(), r.getStatus() == Status.ACTIVE, r.getImportedBy(), r.getCreatedAt(),
                r.getReversedAt(), r.getReplacedBy());
    }
}
