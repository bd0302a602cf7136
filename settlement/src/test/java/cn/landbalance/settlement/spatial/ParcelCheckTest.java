package cn.landbalance.settlement.spatial;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 套合分析 of a parcel against the county's layers, on the plane (metres), with no database. */
class ParcelCheckTest {
    private static final SpatialSettings SETTINGS = new SpatialSettings(1, new GaussKruger(4523), 10, 1);

    private static Geometry wkt(String text) {
        try {
            return new WKTReader().read(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A 100 m × 100 m square with its lower left corner at (x, y) of zone 35. */
    private static Geometry square(double x, double y, double side) {
        double x0 = 35_500_000 + x;
        double y0 = 3_874_000 + y;
        return wkt("POLYGON ((" + x0 + " " + y0 + ", " + (x0 + side) + " " + y0 + ", " + (x0 + side) + " " + (y0 + side) + ", "
                + x0 + " " + (y0 + side) + ", " + x0 + " " + y0 + "))");
    }

    private static LayerIndex layer(LayerKind kind, int version, Geometry... polygons) {
        return new LayerIndex(new ConstraintLayer(version, 1, kind, version, "县自然资源局", LocalDate.of(2025, 12, 31),
                polygons.length, 0, Instant.EPOCH, 1), List.of(polygons));
    }

    private final LayerIndex farmland = layer(LayerKind.PERMANENT_BASIC_FARMLAND, 1, square(100, 0, 100), square(0, 300, 100));

    @Test
    void aParcelInsidePermanentBasicFarmlandBeyondTheToleranceIsRefusedWithTheOverlapArea() {
        // 100 × 100 parcel shifted 40 m into the farmland square: a 40 × 100 overlap
        ParcelCheck check = ParcelCheck.of(ParcelCheck.Purpose.OUTFLOW, square(40, 0, 100), 10_000, SETTINGS, List.of(farmland), false);
        assertEquals(10_000, check.parcelAreaM2());
        assertEquals(4_000, check.findings().get(0).overlapM2());
        assertTrue(check.overlaps(LayerKind.PERMANENT_BASIC_FARMLAND));
        DomainException refused = assertThrows(DomainException.class, check::requireClear);
        assertEquals(ErrorCode.OUTFLOW_PERMANENT_BASIC_FARMLAND, refused.code());
        assertTrue(refused.getMessage().contains("4000 m²"), refused.getMessage());
        assertTrue(refused.detailZh().contains("第 1 版"), refused.detailZh());
    }

    @Test
    void aParcelThatOnlyTouchesTheLayerAlongAnEdgeIsAccepted() {
        ParcelCheck check = ParcelCheck.of(ParcelCheck.Purpose.OUTFLOW, square(0, 0, 100), 10_000, SETTINGS, List.of(farmland), false);
        assertEquals(0, check.findings().get(0).overlapM2());
        assertFalse(check.overlaps(LayerKind.PERMANENT_BASIC_FARMLAND));
        check.requireClear();
        // and half a square metre across the line is drawing noise under the 1 m² tolerance
        ParcelCheck sliver = ParcelCheck.of(ParcelCheck.Purpose.OUTFLOW, square(0.005, 0, 100), 10_000, SETTINGS, List.of(farmland), false);
        assertEquals(1, sliver.findings().get(0).overlapM2());
        sliver.requireClear();
    }

    @Test
    void anAreaBeyondTheCountysToleranceIsReported() {
        ParcelCheck off = ParcelCheck.of(ParcelCheck.Purpose.OUTFLOW, square(0, 0, 100), 10_200, SETTINGS, List.of(), false);
        assertEquals(102, off.areaToleranceM2(), "10‰ of 10 200 m²");
        assertFalse(off.areaMatches());
        DomainException refused = assertThrows(DomainException.class, off::requireClear);
        assertEquals(ErrorCode.PARCEL_AREA_MISMATCH, refused.code());
        assertTrue(ParcelCheck.of(ParcelCheck.Purpose.OUTFLOW, square(0, 0, 100), 10_100, SETTINGS, List.of(), false).areaMatches());
    }

    @Test
    void highStandardFarmlandRefusesOnlyWithoutASupplementPlanAndOtherPurposesLayersDoNot() {
        LayerIndex highStandard = layer(LayerKind.HIGH_STANDARD_FARMLAND, 2, square(0, 0, 100));
        LayerIndex redLine = layer(LayerKind.ECOLOGICAL_RED_LINE, 1, square(0, 0, 100));
        Geometry parcel = square(0, 0, 100);
        assertEquals(ErrorCode.OUTFLOW_HIGH_STANDARD_WITHOUT_PLAN, assertThrows(DomainException.class, () -> ParcelCheck.of(
                ParcelCheck.Purpose.OUTFLOW, parcel, 10_000, SETTINGS, List.of(highStandard), false).requireClear()).code());
        ParcelCheck.of(ParcelCheck.Purpose.OUTFLOW, parcel, 10_000, SETTINGS, List.of(highStandard, redLine), true).requireClear();
        assertEquals(ErrorCode.INFLOW_ECOLOGICAL_RED_LINE, assertThrows(DomainException.class, () -> ParcelCheck.of(
                ParcelCheck.Purpose.INFLOW, parcel, 10_000, SETTINGS, List.of(highStandard, redLine), false).requireClear()).code());
    }

    @Test
    void theKindsWithNoLayerAreDeclaredNotChecked() {
        ParcelCheck check = ParcelCheck.of(ParcelCheck.Purpose.OUTFLOW, square(0, 0, 100), 10_000, SETTINGS, List.of(farmland), false);
        assertEquals(Set.of(LayerKind.URBAN_DEVELOPMENT_BOUNDARY, LayerKind.HIGH_STANDARD_FARMLAND), check.notLoaded());
    }

    @Test
    void overlappingPolygonsOfOneLayerCountTheParcelOnce() {
        LayerIndex doubled = layer(LayerKind.PERMANENT_BASIC_FARMLAND, 3, square(0, 0, 100), square(50, 0, 100));
        ParcelCheck check = ParcelCheck.of(ParcelCheck.Purpose.OUTFLOW, square(0, 0, 100), 10_000, SETTINGS, List.of(doubled), false);
        assertEquals(10_000, check.findings().get(0).overlapM2());
    }

    @Test
    void eachRestorationLayerRefusesWithItsOwnCodeAndOutlinesAreNeverOverlaid() {
        Geometry parcel = square(0, 0, 100);
        for (var refusal : java.util.Map.of(LayerKind.RIVER_LAKE_FOREST_PASTORAL_DESERT, ErrorCode.INFLOW_RIVER_LAKE_FOREST_PASTORAL_DESERT,
                LayerKind.BUILT_UP_AREA, ErrorCode.INFLOW_BUILT_UP_AREA, LayerKind.RETURNED_FARMLAND_FOREST,
                ErrorCode.INFLOW_RETURNED_FARMLAND_FOREST, LayerKind.POLLUTED_SOIL, ErrorCode.INFLOW_POLLUTED_SOIL).entrySet()) {
            LayerIndex layer = layer(refusal.getKey(), 1, square(50, 0, 100));
            assertEquals(refusal.getValue(), assertThrows(DomainException.class, () -> ParcelCheck.of(ParcelCheck.Purpose.INFLOW,
                    parcel, 10_000, SETTINGS, List.of(layer), false).requireClear()).code(), refusal.getKey().name());
            // an outflow may lie there: the layer is the restoration's concern
            ParcelCheck.of(ParcelCheck.Purpose.OUTFLOW, parcel, 10_000, SETTINGS, List.of(layer), false).requireClear();
        }
        LayerIndex township = layer(LayerKind.TOWNSHIP_OUTLINE, 1, square(-1_000, -1_000, 3_000));
        LayerIndex county = layer(LayerKind.COUNTY_OUTLINE, 1, square(-5_000, -5_000, 10_000));
        ParcelCheck check = ParcelCheck.of(ParcelCheck.Purpose.INFLOW, parcel, 10_000, SETTINGS, List.of(township, county), false);
        assertTrue(check.findings().isEmpty(), "an outline is drawn, never overlaid");
        assertEquals(7, check.notLoaded().size(), "every restoration layer still declared, not checked");
        assertTrue(check.notLoaded().stream().noneMatch(LayerKind::outline));
        check.requireClear();
    }
}
