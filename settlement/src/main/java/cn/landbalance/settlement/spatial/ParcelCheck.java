package cn.landbalance.settlement.spatial;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import org.locationtech.jts.geom.Geometry;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 套合分析: a parcel (on the county's plane) against the current version of each constraint layer. Its area is compared
 * with the declared one; each layer's overlap is measured, and an overlap beyond the county's tolerance with a layer
 * the purpose may not touch refuses — for a conversion 永久基本农田 and 城镇开发边界 always, 高标准农田 unless a
 * supplement plan exists; for a restoration 生态保护红线, 自然保护地 and 饮用水水源一级保护区. A parcel that only touches
 * a layer along an edge overlaps it by nothing.
 *
 * @param notLoaded the kinds the purpose cares about that the county has no layer of: declared, not checked
 */
public record ParcelCheck(Purpose purpose, long parcelAreaM2, long declaredAreaM2, long areaToleranceM2,
                          List<Finding> findings, Set<LayerKind> notLoaded) {

    public enum Purpose {
        OUTFLOW(Map.of(LayerKind.PERMANENT_BASIC_FARMLAND, ErrorCode.OUTFLOW_PERMANENT_BASIC_FARMLAND,
                LayerKind.URBAN_DEVELOPMENT_BOUNDARY, ErrorCode.OUTFLOW_PLANNED_CONSTRUCTION_LAND,
                LayerKind.HIGH_STANDARD_FARMLAND, ErrorCode.OUTFLOW_HIGH_STANDARD_WITHOUT_PLAN)),
        INFLOW(Map.of(LayerKind.ECOLOGICAL_RED_LINE, ErrorCode.INFLOW_ECOLOGICAL_RED_LINE,
                LayerKind.NATURE_RESERVE, ErrorCode.INFLOW_NATURE_RESERVE,
                LayerKind.WATER_SOURCE_PROTECTION, ErrorCode.INFLOW_WATER_SOURCE_LEVEL1,
                LayerKind.RIVER_LAKE_FOREST_PASTORAL_DESERT, ErrorCode.INFLOW_RIVER_LAKE_FOREST_PASTORAL_DESERT,
                LayerKind.BUILT_UP_AREA, ErrorCode.INFLOW_BUILT_UP_AREA,
                LayerKind.RETURNED_FARMLAND_FOREST, ErrorCode.INFLOW_RETURNED_FARMLAND_FOREST,
                LayerKind.POLLUTED_SOIL, ErrorCode.INFLOW_POLLUTED_SOIL));

        private final Map<LayerKind, ErrorCode> refusals;

        Purpose(Map<LayerKind, ErrorCode> refusals) {
            this.refusals = refusals;
        }

        /** The refusal an overlap with {@code kind} brings, or null when the purpose may touch it. */
        public ErrorCode refusal(LayerKind kind, boolean supplementPlan) {
            if (kind == LayerKind.HIGH_STANDARD_FARMLAND && supplementPlan) {
                return null;
            }
            return refusals.get(kind);
        }

        public Set<LayerKind> kinds() {
            return refusals.keySet();
        }
    }

    /** What of the parcel lies in one layer version; {@code refusal} set when that overlap refuses. */
    public record Finding(ConstraintLayer layer, long overlapM2, ErrorCode refusal, Geometry overlap) {
    }

    public static ParcelCheck of(Purpose purpose, Geometry parcel, long declaredAreaM2, SpatialSettings settings,
                                 List<LayerIndex> currentLayers, boolean supplementPlan) {
        List<Finding> findings = new ArrayList<>();
        Set<LayerKind> notLoaded = EnumSet.noneOf(LayerKind.class);
        notLoaded.addAll(purpose.kinds());
        for (LayerIndex index : currentLayers) {
            LayerKind kind = index.layer().kind();
            if (kind.outline()) {
                continue;
            }
            notLoaded.remove(kind);
            Geometry overlap = index.overlap(parcel);
            long overlapM2 = Math.round(overlap.getArea());
            ErrorCode refusal = overlapM2 > settings.overlapToleranceM2() ? purpose.refusal(kind, supplementPlan) : null;
            findings.add(new Finding(index.layer(), overlapM2, refusal, overlap));
        }
        return new ParcelCheck(purpose, Math.round(parcel.getArea()), declaredAreaM2,
                settings.areaToleranceM2(declaredAreaM2), List.copyOf(findings), Set.copyOf(notLoaded));
    }

    public boolean areaMatches() {
        return Math.abs(parcelAreaM2 - declaredAreaM2) <= areaToleranceM2;
    }

    /** Whether the parcel overlaps a layer of {@code kind} beyond the tolerance (a derived fact, no longer declared). */
    public boolean overlaps(LayerKind kind) {
        return findings.stream().anyMatch(f -> f.layer().kind() == kind && f.refusal() != null);
    }

    /** Refuses the first conflict: the area first, then the layers in the order of their kinds. */
    public void requireClear() {
        if (!areaMatches()) {
            throw DomainException.field(ErrorCode.PARCEL_AREA_MISMATCH, "parcels",
                    "地块图形面积 " + Units.areaZh(parcelAreaM2) + "，申报面积 " + Units.areaZh(declaredAreaM2) + "，相差超过允许的 "
                            + areaToleranceM2 + " 平方米",
                    "the parcels measure " + parcelAreaM2 + " m², the declared area is " + declaredAreaM2
                            + " m²; they differ by more than the " + areaToleranceM2 + " m² allowed");
        }
        findings.stream().filter(f -> f.refusal() != null)
                .min(java.util.Comparator.comparing(f -> f.layer().kind()))
                .ifPresent(f -> {
                    throw DomainException.field(f.refusal(), "parcels",
                            "地块与" + f.layer().kind().zh() + "（第 " + f.layer().version() + " 版）重叠 " + f.overlapM2() + " 平方米（"
                                    + Units.areaZh(f.overlapM2()) + "）",
                            "the parcel overlaps the " + f.layer().kind().en() + " (version " + f.layer().version() + ") by "
                                    + f.overlapM2() + " m²");
                });
    }
}
