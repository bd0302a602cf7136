package cn.landbalance.settlement.spatial;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** CGCS2000 longitude and latitude onto a county's 3-degree Gauss-Krüger zone, where areas are measured. */
class GaussKrugerTest {
    private final GaussKruger zone35 = new GaussKruger(4523);

    private static Geometry wkt(String text) throws Exception {
        return new WKTReader().read(text);
    }

    @Test
    void zonesAreNamedByTheirEpsgCodeAndLongitude() {
        assertEquals(35, zone35.zone());
        assertEquals(105, zone35.centralMeridian());
        assertEquals(4523, GaussKruger.forLongitude(104.63).epsg(), "陇西县 lies in zone 35");
        assertEquals(4513, new GaussKruger(4513).epsg());
        assertEquals(ErrorCode.VALIDATION_FAILED, assertThrows(DomainException.class, () -> new GaussKruger(4549)).code());
    }

    @Test
    void theCentralMeridianKeepsItsFalseEastingAndAPointComesBack() throws Exception {
        Coordinate onMeridian = zone35.toPlane(wkt("POINT (105 35)")).getCoordinate();
        assertEquals(35_500_000, onMeridian.x, 0.001);
        // GRS 80's meridian arc from the equator to 35°N
        assertEquals(3_874_592, onMeridian.y, 5);
        Coordinate back = zone35.toDegrees(zone35.toPlane(wkt("POINT (104.63 35.0037)"))).getCoordinate();
        assertEquals(104.63, back.x, 1e-9);
        assertEquals(35.0037, back.y, 1e-9);
    }

    @Test
    void anAreaIsMeasuredOnThePlane() throws Exception {
        // 0.01° × 0.01° at 35°N: about 911.9 m × 1 109.4 m (GRS 80), within the zone's scale error (< 0.01 % here)
        Geometry square = zone35.toPlane(wkt("POLYGON ((104.60 35.00, 104.61 35.00, 104.61 35.01, 104.60 35.01, 104.60 35.00))"));
        assertEquals(1_011_700, square.getArea(), 1_500);
    }

    @Test
    void planeCoordinatesOfTheZoneAreKeptWithOrWithoutTheirPrefixAndOtherZonesRefused() throws Exception {
        assertEquals(35_512_345, zone35.toPlane(wkt("POINT (35512345 3874000)")).getCoordinate().x, 0.001);
        assertEquals(35_512_345, zone35.toPlane(wkt("POINT (512345 3874000)")).getCoordinate().x, 0.001);
        DomainException other = assertThrows(DomainException.class, () -> zone35.toPlane(wkt("POINT (36512345 3874000)")));
        assertEquals(ErrorCode.PARCEL_INVALID, other.code());
        assertEquals(ErrorCode.PARCEL_INVALID, assertThrows(DomainException.class,
                () -> zone35.toPlane(wkt("POINT (-3.7 40.4)"))).code(), "not in China");
    }
}
