package cn.landbalance.infra.spatial;

import cn.landbalance.infra.outbox.Outbox;
import cn.landbalance.ledger.common.AreaM2;
import cn.landbalance.settlement.event.Payload;
import cn.landbalance.settlement.event.SpatialEvent;
import cn.landbalance.settlement.spatial.ConstraintLayer;
import cn.landbalance.settlement.spatial.GaussKruger;
import cn.landbalance.settlement.spatial.LayerIndex;
import cn.landbalance.settlement.spatial.LayerKind;
import cn.landbalance.settlement.spatial.ParcelCheck;
import cn.landbalance.settlement.spatial.SpatialSettings;
import cn.landbalance.settlement.spatial.SpatialStore;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Layers, parcels and checks in PostgreSQL as WKB on the county's plane (no PostGIS needed). A layer version never
 * changes, so its index is built on first use and kept for the life of the process.
 */
@Singleton
public class JooqSpatialStore implements SpatialStore {
    private static final int BATCH = 2_000;
    private final DSLContext db;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Map<Long, LayerIndex> indexes = new ConcurrentHashMap<>();

    public JooqSpatialStore(DSLContext db, Outbox outbox, JsonMapper json) {
        this.db = db;
        this.json = json;
        this.outbox = outbox;
    }

    @Override
    public Optional<SpatialSettings> settings(long countyId) {
        return db.fetchOptional("select epsg, area_tolerance_permille, overlap_tolerance_m2 from spatial_setting where county_id = ?",
                countyId).map(r -> new SpatialSettings(countyId, new GaussKruger(r.get(0, Integer.class)), r.get(1, Integer.class),
                r.get(2, Long.class)));
    }

    @Override
    public void saveSettings(SpatialSettings s, Instant at) {
        db.execute("""
                insert into spatial_setting (county_id, epsg, area_tolerance_permille, overlap_tolerance_m2, updated_at)
                values (?, ?, ?, ?, ?::timestamptz)
                on conflict (county_id) do update set epsg = excluded.epsg,
                  area_tolerance_permille = excluded.area_tolerance_permille,
                  overlap_tolerance_m2 = excluded.overlap_tolerance_m2, updated_at = excluded.updated_at""",
                s.countyId(), s.grid().epsg(), s.areaTolerancePermille(), s.overlapToleranceM2(), at.toString());
        outbox.publish(new SpatialEvent.SettingsSaved(s.countyId(), s.grid().epsg(), s.areaTolerancePermille(), s.overlapToleranceM2()));
    }

    @Override
    public ConstraintLayer addLayer(long countyId, LayerKind kind, String source, LocalDate dataDate, List<Geometry> polygons,
                                    AreaM2 area, long userId, Instant at) {
        long areaM2 = area.value();
        // one version at a time per county and kind
        db.execute("select pg_advisory_xact_lock(?, ?)", (int) countyId, kind.ordinal());
        int version = db.fetchOne("select coalesce(max(version), 0) + 1 from constraint_layer where county_id = ? and kind = ?",
                countyId, kind.name()).get(0, Integer.class);
        long id = db.fetchOne("""
                        insert into constraint_layer (county_id, kind, version, source, data_date, feature_count, area_m2,
                          uploaded_at, uploaded_by)
                        values (?, ?, ?, ?, ?::date, ?, ?, ?::timestamptz, ?) returning id""",
                countyId, kind.name(), version, source, dataDate.toString(), polygons.size(), areaM2, at.toString(), userId)
                .get(0, Long.class);
        WKBWriter writer = new WKBWriter();
        for (int from = 0; from < polygons.size(); from += BATCH) {
            var batch = db.batch("insert into constraint_feature (layer_id, seq, wkb) values (?, ?, ?)");
            for (int i = from; i < Math.min(from + BATCH, polygons.size()); i++) {
                batch.bind(id, i, writer.write(polygons.get(i)));
            }
            batch.execute();
        }
        outbox.publish(new SpatialEvent.LayerUploaded(countyId, id, kind.name(), version, source, dataDate, polygons.size(), areaM2,
                userId));
        return new ConstraintLayer(id, countyId, kind, version, source, dataDate, polygons.size(), areaM2, at, userId);
    }

    @Override
    public List<ConstraintLayer> layers(long countyId) {
        return db.fetch("select * from constraint_layer where county_id = ? order by uploaded_at desc, id desc", countyId)
                .map(JooqSpatialStore::layerOf);
    }

    @Override
    public Optional<ConstraintLayer> layer(long layerId) {
        return db.fetchOptional("select * from constraint_layer where id = ?", layerId).map(JooqSpatialStore::layerOf);
    }

    @Override
    public List<ConstraintLayer> currentLayers(long countyId) {
        List<ConstraintLayer> current = new ArrayList<>(db.fetch("""
                        select distinct on (kind) * from constraint_layer where county_id = ?
                        order by kind, version desc""", countyId).map(JooqSpatialStore::layerOf));
        current.sort(java.util.Comparator.comparing(ConstraintLayer::kind));
        return current;
    }

    @Override
    public List<LayerIndex> currentIndexes(long countyId) {
        return currentLayers(countyId).stream().map(this::index).toList();
    }

    @Override
    public LayerIndex index(ConstraintLayer layer) {
        return indexes.computeIfAbsent(layer.id(), id -> new LayerIndex(layer, polygons(id)));
    }

    @Override
    public List<Geometry> polygons(long layerId) {
        WKBReader reader = new WKBReader();
        return db.fetch("select wkb from constraint_feature where layer_id = ? order by seq", layerId)
                .map(r -> read(reader, r.get(0, byte[].class)));
    }

    @Override
    public long saveParcels(long countyId, Subject subject, Geometry plane, AreaM2 area, long userId, Instant at) {
        long areaM2 = area.value();
        long id = db.fetchOne("""
                        insert into parcel_set (subject_kind, subject_id, wkb, area_m2, uploaded_at, uploaded_by)
                        values (?, ?, ?, ?, ?::timestamptz, ?) returning id""",
                subject.kind(), subject.id(), new WKBWriter().write(plane), areaM2, at.toString(), userId).get(0, Long.class);
        outbox.publish(new SpatialEvent.ParcelsUploaded(countyId, id, subject.kind(), subject.id(), areaM2, userId));
        return id;
    }

    @Override
    public Optional<ParcelSet> parcels(Subject subject) {
        return db.fetchOptional("""
                        select id, wkb, area_m2, uploaded_at from parcel_set where subject_kind = ? and subject_id = ?
                        order by id desc limit 1""", subject.kind(), subject.id())
                .map(r -> new ParcelSet(r.get(0, Long.class), read(new WKBReader(), r.get(1, byte[].class)),
                        r.get(2, Long.class), r.get(3, OffsetDateTime.class).toInstant()));
    }

    @Override
    public void recordCheck(long countyId, Subject subject, long parcelSetId, String stage, ParcelCheck check, long userId,
                            Instant at) {
        List<SpatialEvent.Finding> findings = check.findings().stream().map(f -> new SpatialEvent.Finding(f.layer().id(),
                f.layer().kind().name(), f.layer().version(), f.overlapM2(), f.refusal() == null ? "" : f.refusal().name())).toList();
        String refusal = check.findings().stream().filter(f -> f.refusal() != null).map(f -> f.refusal().name()).findFirst()
                .orElse(check.areaMatches() ? null : "PARCEL_AREA_MISMATCH");
        List<String> notLoaded = check.notLoaded().stream().map(Enum::name).sorted().toList();
        long id = db.fetchOne("""
                            insert into parcel_check (subject_kind, subject_id, parcel_set_id, stage, passed, refusal, parcel_area_m2,
                              declared_area_m2, findings, not_loaded, checked_at, checked_by)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz, ?) returning id""",
                    subject.kind(), subject.id(), parcelSetId, stage, refusal == null, refusal, check.parcelAreaM2(),
                    check.declaredAreaM2(), write(findings.stream().map(Payload::ofPart).toList()), String.join(",", notLoaded), at.toString(), userId)
                .get(0, Long.class);
        outbox.publish(new SpatialEvent.ParcelsChecked(countyId, subject.kind(), subject.id(), id, parcelSetId, stage, refusal == null,
                refusal, check.parcelAreaM2(), check.declaredAreaM2(), findings, notLoaded, userId));
    }

    private String write(Object value) {
        try {
            return new String(json.writeValueAsBytes(value), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public List<RecordedCheck> checks(Subject subject) {
        return db.fetch("select * from parcel_check where subject_kind = ? and subject_id = ? order by id", subject.kind(),
                subject.id()).map(this::checkOf);
    }

    private RecordedCheck checkOf(Record r) {
        JsonNode raw;
        try {
            raw = json.readValue(r.get("findings", String.class), JsonNode.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a recorded check is not readable", e);
        }
        List<RecordedFinding> findings = new ArrayList<>();
        for (JsonNode m : raw.values()) {
            String refusal = m.get("refusal").getStringValue();
            findings.add(new RecordedFinding(m.get("layerId").getLongValue(), LayerKind.valueOf(m.get("kind").getStringValue()),
                    m.get("version").getIntValue(), m.get("overlapM2").getLongValue(), refusal.isEmpty() ? null : refusal));
        }
        String notLoaded = r.get("not_loaded", String.class);
        return new RecordedCheck(r.get("id", Long.class), r.get("stage", String.class), r.get("passed", Boolean.class),
                r.get("refusal", String.class), r.get("parcel_area_m2", Long.class), r.get("declared_area_m2", Long.class),
                findings, notLoaded.isEmpty() ? List.of() : Arrays.stream(notLoaded.split(",")).map(LayerKind::valueOf).toList(),
                r.get("checked_at", OffsetDateTime.class).toInstant(), r.get("checked_by", Long.class),
                r.get("parcel_set_id", Long.class));
    }

    private static ConstraintLayer layerOf(Record r) {
        return new ConstraintLayer(r.get("id", Long.class), r.get("county_id", Long.class), LayerKind.valueOf(r.get("kind", String.class)),
                r.get("version", Integer.class), r.get("source", String.class), r.get("data_date", LocalDate.class),
                r.get("feature_count", Integer.class), r.get("area_m2", Long.class),
                r.get("uploaded_at", OffsetDateTime.class).toInstant(), r.get("uploaded_by", Long.class));
    }

    private static Geometry read(WKBReader reader, byte[] wkb) {
        try {
            return reader.read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored geometry is not readable", e);
        }
    }
}
