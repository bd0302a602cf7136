package cn.landbalance.settlement.spatial;

import cn.landbalance.ledger.common.AreaM2;
import org.locationtech.jts.geom.Geometry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Port: the county's plane and tolerances, its constraint layers, the parcels of applications and their checks. */
public interface SpatialStore {
    Optional<SpatialSettings> settings(long countyId);

    void saveSettings(SpatialSettings settings, Instant at);

    /** Stores the next version of a layer kind with its polygons (on the plane); returns it. */
    ConstraintLayer addLayer(long countyId, LayerKind kind, String source, LocalDate dataDate, List<Geometry> polygons,
                             AreaM2 area, long userId, Instant at);

    /** Every version of every layer of the county, newest first. */
    List<ConstraintLayer> layers(long countyId);

    Optional<ConstraintLayer> layer(long layerId);

    /** The newest version of each kind the county has loaded, in the order of the kinds. */
    List<ConstraintLayer> currentLayers(long countyId);

    /** The newest version of each kind the county has loaded, indexed (built once per version and kept). */
    List<LayerIndex> currentIndexes(long countyId);

    /** A layer version indexed (built once per version and kept), whether current or not. */
    LayerIndex index(ConstraintLayer layer);

    /** A layer version's polygons (on the plane), in the order uploaded. */
    List<Geometry> polygons(long layerId);

    /** Keeps a new set of parcels of an application (the newest counts) and returns its id. */
    long saveParcels(long countyId, Subject subject, Geometry plane, AreaM2 area, long userId, Instant at);

    /** The newest parcels of an application, with the id of their set. */
    Optional<ParcelSet> parcels(Subject subject);

    /** Keeps what a decision's check found, naming the layer versions it used. */
    void recordCheck(long countyId, Subject subject, long parcelSetId, String stage, ParcelCheck check, long userId, Instant at);

    /** The checks recorded for an application, oldest first. */
    List<RecordedCheck> checks(Subject subject);

    /** What the parcels belong to. */
    record Subject(String kind, long id) {
        public static Subject outflow(long applicationId) {
            return new Subject("OUTFLOW", applicationId);
        }

        public static Subject inflow(long projectId) {
            return new Subject("INFLOW", projectId);
        }
    }

    record ParcelSet(long id, Geometry plane, long areaM2, Instant uploadedAt) {
    }

    /** A check as recorded: the layer versions with the overlap found in each. */
    record RecordedCheck(long id, String stage, boolean passed, String refusal, long parcelAreaM2, long declaredAreaM2,
                         List<RecordedFinding> findings, List<LayerKind> notLoaded, Instant checkedAt, long checkedBy,
                         long parcelSetId) {
    }

    record RecordedFinding(long layerId, LayerKind kind, int version, long overlapM2, String refusal) {
    }
}
