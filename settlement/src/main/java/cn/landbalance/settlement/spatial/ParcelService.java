package cn.landbalance.settlement.spatial;

import cn.landbalance.ledger.common.AreaM2;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Role;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The county's layers and the parcels of applications: a layer uploaded becomes the next version of its kind; parcels
 * are measured on the county's plane and overlaid with the newest layers, as a preview when uploaded and as a recorded
 * check at each decision (which refuses what the rules forbid).
 */
public class ParcelService {
    public static final int MAX_LAYER_POLYGONS = 200_000;
    private final SpatialStore store;
    private final Clock clock;

    public ParcelService(SpatialStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The county's settings, or those inferred from a geometry drawn there (its longitude or zone prefix). */
    public Optional<SpatialSettings> settings(long countyId) {
        return store.settings(countyId);
    }

    public SpatialSettings saveSettings(Actor admin, long countyId, int epsg, int areaTolerancePermille, long overlapToleranceM2) {
        requireAdminOf(admin, countyId);
        SpatialSettings settings = new SpatialSettings(countyId, new GaussKruger(epsg), areaTolerancePermille, overlapToleranceM2);
        store.saveSettings(settings, clock.instant());
        return settings;
    }

    /** Stores the next version of a layer: its polygons on the county's plane (the zone set first if none was). */
    public ConstraintLayer uploadLayer(Actor admin, long countyId, LayerKind kind, String source, LocalDate dataDate,
                                       Geometry drawn) {
        requireAdminOf(admin, countyId);
        if (source == null || source.isBlank() || source.length() > 200) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "source", "请填写图层来源（1–200 字）",
                    "give the layer's source (1-200 characters)");
        }
        if (dataDate == null || dataDate.isAfter(LocalDate.now(clock))) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "dataDate", "请填写不晚于今天的数据日期",
                    "give the date of the data, not after today");
        }
        SpatialSettings settings = settingsFor(countyId, drawn, "layer");
        List<Geometry> polygons = polygonsOf(onPlane(settings, drawn, ErrorCode.LAYER_INVALID, "layer"), ErrorCode.LAYER_INVALID, "layer");
        if (polygons.size() > MAX_LAYER_POLYGONS) {
            throw DomainException.field(ErrorCode.LAYER_INVALID, "layer", "一个图层最多 " + MAX_LAYER_POLYGONS + " 个面，收到 "
                    + polygons.size(), "a layer holds at most " + MAX_LAYER_POLYGONS + " polygons; got " + polygons.size());
        }
        long areaM2 = Math.round(polygons.stream().mapToDouble(Geometry::getArea).sum());
        return store.addLayer(countyId, kind, source.strip(), dataDate, polygons, AreaM2.of(areaM2), admin.userId(), clock.instant());
    }

    /** Keeps an application's parcels and says what a check now would find (nothing is refused yet). */
    public ParcelCheck putParcels(Actor actor, long countyId, SpatialStore.Subject subject, Geometry drawn, long declaredAreaM2,
                                  ParcelCheck.Purpose purpose, boolean supplementPlan) {
        SpatialSettings settings = settingsFor(countyId, drawn, "parcels");
        Geometry plane = union(polygonsOf(onPlane(settings, drawn, ErrorCode.PARCEL_INVALID, "parcels"), ErrorCode.PARCEL_INVALID,
                "parcels"));
        store.saveParcels(countyId, subject, plane, AreaM2.of(Math.round(plane.getArea())), actor.userId(), clock.instant());
        return ParcelCheck.of(purpose, plane, declaredAreaM2, settings, store.currentIndexes(countyId), supplementPlan);
    }

    /** What a check of a drawn parcel would find now, nothing stored (a preview while drawing). */
    public ParcelCheck overlay(long countyId, Geometry drawn, long declaredAreaM2, ParcelCheck.Purpose purpose) {
        SpatialSettings settings = store.settings(countyId).orElseThrow(() -> DomainException.field(ErrorCode.VALIDATION_FAILED,
                "parcels", "本县尚未设定投影带，也没有加载图层", "the county has set no zone and loaded no layer"));
        Geometry plane = union(polygonsOf(onPlane(settings, drawn, ErrorCode.PARCEL_INVALID, "parcels"), ErrorCode.PARCEL_INVALID,
                "parcels"));
        return ParcelCheck.of(purpose, plane, declaredAreaM2, settings, store.currentIndexes(countyId), false);
    }

    /** What a check of the stored parcels would find now; empty when there are none. */
    public Optional<ParcelCheck> preview(long countyId, SpatialStore.Subject subject, long declaredAreaM2,
                                         ParcelCheck.Purpose purpose, boolean supplementPlan) {
        return store.parcels(subject).map(p -> ParcelCheck.of(purpose, p.plane(), declaredAreaM2,
                store.settings(countyId).orElseThrow(), store.currentIndexes(countyId), supplementPlan));
    }

    /**
     * At a decision: once the county has loaded a layer the application must carry parcels; parcels there are measured
     * and overlaid, refused on a conflict, and the check is recorded with the layer versions it used. Without layers
     * and parcels nothing is checked (the declared facts stand, "declared, not checked").
     */
    public void atDecision(Actor actor, long countyId, SpatialStore.Subject subject, String stage, long declaredAreaM2,
                           ParcelCheck.Purpose purpose, boolean supplementPlan) {
        List<LayerIndex> layers = store.currentIndexes(countyId);
        Optional<SpatialStore.ParcelSet> parcels = store.parcels(subject);
        if (parcels.isEmpty()) {
            if (layers.stream().anyMatch(l -> !l.layer().kind().outline())) {
                throw DomainException.field(ErrorCode.PARCELS_REQUIRED, "parcels", "本县已加载管控图层，请先上传或绘制地块图形",
                        "the county has loaded its constraint layers: upload or draw the parcels first");
            }
            return;
        }
        ParcelCheck check = ParcelCheck.of(purpose, parcels.get().plane(), declaredAreaM2, store.settings(countyId).orElseThrow(),
                layers, supplementPlan);
        check.requireClear();
        store.recordCheck(countyId, subject, parcels.get().id(), stage, check, actor.userId(), clock.instant());
    }

    private SpatialSettings settingsFor(long countyId, Geometry drawn, String field) {
        Optional<SpatialSettings> set = store.settings(countyId);
        if (set.isPresent()) {
            return set.get();
        }
        GaussKruger zone = GaussKruger.inferredFrom(drawn).orElseThrow(() -> DomainException.field(ErrorCode.VALIDATION_FAILED, field,
                "本县尚未设定投影带，且坐标未带带号：请先设定本县的 CGCS2000 高斯-克吕格投影带",
                "the county has not set its zone and the coordinates carry no zone prefix: set the county's CGCS2000 Gauss-Krüger zone first"));
        SpatialSettings settings = new SpatialSettings(countyId, zone, SpatialSettings.DEFAULT_AREA_TOLERANCE_PERMILLE,
                SpatialSettings.DEFAULT_OVERLAP_TOLERANCE_M2);
        store.saveSettings(settings, clock.instant());
        return settings;
    }

    /** The geometry on the county's plane; a coordinate off it is refused as the upload's own fault (layer or parcels). */
    private static Geometry onPlane(SpatialSettings settings, Geometry drawn, ErrorCode code, String field) {
        try {
            return settings.grid().toPlane(drawn);
        } catch (DomainException e) {
            throw e.code() == ErrorCode.PARCEL_INVALID ? DomainException.field(code, field, e.detailZh(), e.detailEn()) : e;
        }
    }

    /** The polygons of a geometry (collections and multi-polygons opened), each valid and of some area. */
    static List<Geometry> polygonsOf(Geometry geometry, ErrorCode code, String field) {
        List<Geometry> polygons = new ArrayList<>();
        collect(geometry, polygons, code, field);
        if (polygons.isEmpty()) {
            throw DomainException.field(code, field, "没有面要素", "no polygon");
        }
        for (int i = 0; i < polygons.size(); i++) {
            Geometry p = polygons.get(i);
            IsValidOp valid = new IsValidOp(p);
            if (!valid.isValid()) {
                throw DomainException.field(code, field, "第 " + (i + 1) + " 个面无效：" + valid.getValidationError().getMessage(),
                        "polygon " + (i + 1) + " is not valid: " + valid.getValidationError());
            }
            if (p.getArea() <= 0) {
                throw DomainException.field(code, field, "第 " + (i + 1) + " 个面面积为零", "polygon " + (i + 1) + " has no area");
            }
        }
        return polygons;
    }

    private static void collect(Geometry g, List<Geometry> into, ErrorCode code, String field) {
        if (g instanceof Polygon) {
            into.add(g);
        } else if (g instanceof MultiPolygon || g instanceof GeometryCollection) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                collect(g.getGeometryN(i), into, code, field);
            }
        } else {
            throw DomainException.field(code, field, "只接受面（Polygon / MultiPolygon），收到 " + g.getGeometryType(),
                    "only polygons are accepted (Polygon / MultiPolygon); got " + g.getGeometryType());
        }
    }

    private static Geometry union(List<Geometry> polygons) {
        return polygons.size() == 1 ? polygons.get(0)
                : org.locationtech.jts.operation.union.UnaryUnionOp.union(polygons);
    }

    private static void requireAdminOf(Actor actor, long countyId) {
        if (actor.role() != Role.COUNTY_ADMIN || !actor.inCounty(countyId)) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
    }
}
