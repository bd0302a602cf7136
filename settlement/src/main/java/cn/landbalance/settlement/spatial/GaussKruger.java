package cn.landbalance.settlement.spatial;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A county's plane: CGCS2000 / 3-degree Gauss-Krüger zone n (EPSG:4488 + n, n = 25…45, central meridian 3n°E, false
 * easting n·1 000 000 + 500 000 m), where areas are measured in m². Coordinates come as CGCS2000 longitude and latitude
 * (EPSG:4490; GeoJSON's WGS 84 is the same to a few centimetres) or already in the zone, with its prefix or without.
 *
 * <p>Coordinates are doubles (degrees, metres), as JTS and proj4j take them; they are never an area or an amount. An
 * area leaves the plane as whole m² ({@code Math.round} in {@link ParcelCheck} and {@link ParcelService}).
 */
public record GaussKruger(int epsg) {
    public static final int FIRST_EPSG = 4513;
    public static final int LAST_EPSG = 4533;
    private static final CRSFactory CRS = new CRSFactory();
    private static final CoordinateReferenceSystem CGCS2000 = CRS.createFromParameters("EPSG:4490",
            "+proj=longlat +ellps=GRS80 +no_defs");

    public GaussKruger {
        if (epsg < FIRST_EPSG || epsg > LAST_EPSG) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "epsg", "投影须为 CGCS2000 三度带高斯-克吕格投影 EPSG:4513–4533，收到 "
                    + epsg, "the projection must be a CGCS2000 3-degree Gauss-Krüger zone, EPSG:4513-4533; got " + epsg);
        }
    }

    /** The zone whose central meridian is nearest the longitude. */
    public static GaussKruger forLongitude(double longitude) {
        return new GaussKruger(4488 + (int) Math.round(longitude / 3));
    }

    /**
     * The zone a geometry is drawn in, for a county that has not set its own: from the longitude of its first point, or
     * from the zone prefix of its easting; empty when plane coordinates carry no prefix.
     */
    public static java.util.Optional<GaussKruger> inferredFrom(Geometry geometry) {
        Coordinate first = geometry.getCoordinate();
        if (first == null) {
            return java.util.Optional.empty();
        }
        if (Math.abs(first.x) <= 180 && Math.abs(first.y) <= 90) {
            return first.x >= 73.5 && first.x <= 136.5 ? java.util.Optional.of(forLongitude(first.x)) : java.util.Optional.empty();
        }
        int zone = (int) Math.floor(first.x / 1_000_000);
        return zone >= 25 && zone <= 45 ? java.util.Optional.of(new GaussKruger(4488 + zone)) : java.util.Optional.empty();
    }

    public int zone() {
        return epsg - 4488;
    }

    public int centralMeridian() {
        return zone() * 3;
    }

    private static final java.util.Map<Integer, CoordinateReferenceSystem> PLANES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The zone's reference system, parsed once per zone (it is immutable; a transform is made per use). */
    private CoordinateReferenceSystem plane() {
        return PLANES.computeIfAbsent(epsg, e -> CRS.createFromParameters("EPSG:" + epsg, "+proj=tmerc +lat_0=0 +lon_0=" + centralMeridian()
                + " +k=1 +x_0=" + (zone() * 1_000_000L + 500_000) + " +y_0=0 +ellps=GRS80 +units=m +no_defs"));
    }

    /**
     * The geometry on this plane: longitude/latitude projected, plane coordinates of this zone kept (with the zone's
     * prefix or given it). Refuses coordinates of another zone or outside China's longitudes and latitudes.
     */
    public Geometry toPlane(Geometry geometry) {
        Coordinate first = geometry.getCoordinate();
        if (first == null) {
            return geometry;
        }
        if (Math.abs(first.x) > 180 || Math.abs(first.y) > 90) {
            return eachPoint(geometry, (x, y) -> new double[] {inZone(x, y), y});
        }
        // a transform keeps state between calls: one per geometry
        CoordinateTransform toPlane = new CoordinateTransformFactory().createTransform(CGCS2000, plane());
        return eachPoint(geometry, (x, y) -> {
            if (x < 70 || x > 140 || y < 0 || y > 60) {
                throw outside(x, y);
            }
            ProjCoordinate projected = toPlane.transform(new ProjCoordinate(x, y), new ProjCoordinate());
            return new double[] {projected.x, projected.y};
        });
    }

    /** Longitude and latitude of a point on this plane (for maps that draw in degrees). */
    public Geometry toDegrees(Geometry plane) {
        CoordinateTransform back = new CoordinateTransformFactory().createTransform(plane(), CGCS2000);
        return eachPoint(plane, (x, y) -> {
            ProjCoordinate degrees = back.transform(new ProjCoordinate(x, y), new ProjCoordinate());
            return new double[] {degrees.x, degrees.y};
        });
    }

    /** The geometry with each point's x and y replaced by what {@code move} makes of them. */
    private static Geometry eachPoint(Geometry geometry, java.util.function.BiFunction<Double, Double, double[]> move) {
        return new GeometryTransformer() {
            @Override
            protected org.locationtech.jts.geom.CoordinateSequence transformCoordinates(
                    org.locationtech.jts.geom.CoordinateSequence coords, Geometry parent) {
                org.locationtech.jts.geom.CoordinateSequence out = coords.copy();
                for (int i = 0; i < out.size(); i++) {
                    double[] moved = move.apply(out.getX(i), out.getY(i));
                    out.setOrdinate(i, 0, moved[0]);
                    out.setOrdinate(i, 1, moved[1]);
                }
                return out;
            }
        }.transform(geometry);
    }

    private double inZone(double x, double y) {
        if (x >= 0 && x < 1_000_000 && y > 0 && y < 7_000_000) {
            return zone() * 1_000_000L + x;
        }
        if (Math.floor(x / 1_000_000) == zone() && y > 0 && y < 7_000_000) {
            return x;
        }
        throw outside(x, y);
    }

    private DomainException outside(double x, double y) {
        return DomainException.field(ErrorCode.PARCEL_INVALID, "geometry", "坐标 (" + x + ", " + y + ") 不是 CGCS2000 经纬度，也不在本县的 "
                + zone() + " 带（EPSG:" + epsg + "）内", "the coordinate (" + x + ", " + y + ") is neither CGCS2000 longitude and "
                + "latitude nor in the county's zone " + zone() + " (EPSG:" + epsg + ")");
    }
}
