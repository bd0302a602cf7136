import cn.landbalance.settlement.spatial.ConstraintLayer;
import cn.landbalance.settlement.spatial.GaussKruger;
import cn.landbalance.settlement.spatial.LayerIndex;
import cn.landbalance.settlement.spatial.LayerKind;
import cn.landbalance.settlement.spatial.ParcelCheck;
import cn.landbalance.settlement.spatial.SpatialSettings;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The overlay alone, in one process: the same synthetic hexagons as layer.py in an STR-tree (the application's
 * LayerIndex), then 100 m parcels checked against it (the application's ParcelCheck). Usage: POLYGONS PARCELS.
 */
public class OverlayBench {
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int parcels = Integer.parseInt(args[1]);
        GeometryFactory geometry = new GeometryFactory();
        int side = (int) Math.ceil(Math.sqrt(n));
        List<Geometry> polygons = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double cx = 35_500_000 + (i % side) * 80.0;
            double cy = 3_874_000 + (i / side) * 80.0;
            Coordinate[] ring = new Coordinate[7];
            for (int k = 0; k < 6; k++) {
                double a = k * Math.PI / 3 + (i % 7) * 0.05;
                double r = 28 + (i * 31 + k * 17) % 5;
                ring[k] = new Coordinate(Math.round((cx + r * Math.cos(a)) * 100) / 100.0, Math.round((cy + r * Math.sin(a)) * 100) / 100.0);
            }
            ring[6] = ring[0];
            polygons.add(geometry.createPolygon(ring));
        }
        long built = System.nanoTime();
        LayerIndex index = new LayerIndex(new ConstraintLayer(1, 1, LayerKind.PERMANENT_BASIC_FARMLAND, 1, "bench",
                LocalDate.of(2025, 12, 31), n, 0, Instant.EPOCH, 1), polygons);
        SpatialSettings settings = new SpatialSettings(1, new GaussKruger(4523), 10, 1);
        index.overlap(square(geometry, 0));
        long indexMs = (System.nanoTime() - built) / 1_000_000;
        for (int i = 0; i < 2_000; i++) { // warm-up
            ParcelCheck.of(ParcelCheck.Purpose.OUTFLOW, square(geometry, i), 10_000, settings, List.of(index), false);
        }
        double[] ms = new double[parcels];
        long overlapping = 0;
        for (int i = 0; i < parcels; i++) {
            Geometry parcel = square(geometry, i * 7 + 1);
            long t = System.nanoTime();
            ParcelCheck check = ParcelCheck.of(ParcelCheck.Purpose.OUTFLOW, parcel, 10_000, settings, List.of(index), false);
            ms[i] = (System.nanoTime() - t) / 1e6;
            overlapping += check.findings().get(0).overlapM2() > 0 ? 1 : 0;
        }
        Arrays.sort(ms);
        System.out.printf("in process: index of %d polygons built in %d ms; %d overlays (%d overlapping), ms: p50 %.3f  p95 %.3f  p99 %.3f  max %.3f%n",
                n, indexMs, parcels, overlapping, ms[parcels / 2], ms[(int) (parcels * 0.95)], ms[(int) (parcels * 0.99)], ms[parcels - 1]);
    }

    private static Geometry square(GeometryFactory g, int i) {
        double x = 35_500_000 + 8_000 + (i * 37) % 8_000;
        double y = 3_874_000 + 8_000 + (i * 53) % 8_000;
        return g.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + 100, y), new Coordinate(x + 100, y + 100),
                new Coordinate(x, y + 100), new Coordinate(x, y)});
    }
}
