package cn.landbalance.settlement.event;

import java.time.LocalDate;
import java.util.List;

/** The county's layers and the parcels of applications and projects. */
public sealed interface SpatialEvent extends DomainEvent {

    record SettingsSaved(Long countyId, int epsg, int areaTolerancePermille, long overlapToleranceM2) implements SpatialEvent {
        @Override
        public EventType type() {
            return EventType.SPATIAL_SETTINGS_SAVED;
        }

        @Override
        public long aggregateId() {
            return countyId;
        }

        @Override
        public Long regionId() {
            return null;
        }
    }

    record LayerUploaded(@Envelope Long countyId, long layerId, String kind, int version, String source, LocalDate dataDate,
                         int features, long areaM2, long userId) implements SpatialEvent {
        @Override
        public EventType type() {
            return EventType.LAYER_UPLOADED;
        }

        @Override
        public long aggregateId() {
            return layerId;
        }

        @Override
        public Long regionId() {
            return null;
        }
    }

    /** {@code subject}: OUTFLOW (an outflow application) or INFLOW (an inflow project). */
    record ParcelsUploaded(@Envelope Long countyId, long parcelSetId, String subject, long subjectId, long areaM2, long userId)
            implements SpatialEvent {
        @Override
        public EventType type() {
            return EventType.PARCELS_UPLOADED;
        }

        @Override
        public String aggregateType() {
            return aggregateOf(subject);
        }

        @Override
        public long aggregateId() {
            return subjectId;
        }

        @Override
        public Long regionId() {
            return null;
        }
    }

    record Finding(long layerId, String kind, int version, long overlapM2, String refusal) {
    }

    record ParcelsChecked(@Envelope Long countyId, @Envelope String subject, @Envelope long subjectId, long checkId,
                          long parcelSetId, String stage, boolean passed, String refusal, long parcelAreaM2,
                          long declaredAreaM2, List<Finding> findings, List<String> notLoaded, long userId)
            implements SpatialEvent {
        @Override
        public EventType type() {
            return EventType.PARCELS_CHECKED;
        }

        @Override
        public String aggregateType() {
            return aggregateOf(subject);
        }

        @Override
        public long aggregateId() {
            return subjectId;
        }

        @Override
        public Long regionId() {
            return null;
        }
    }

    private static String aggregateOf(String subject) {
        return "INFLOW".equals(subject) ? "inflow-project" : "outflow-application";
    }
}
