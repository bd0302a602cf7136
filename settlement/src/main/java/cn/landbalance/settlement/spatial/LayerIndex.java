package cn.landbalance.settlement.spatial;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import java.util.ArrayList;
import java.util.List;

/**
 * A layer version's polygons (on the county's plane) behind an STR-tree: what of a parcel lies inside the layer is found
 * by testing only the polygons whose boxes meet the parcel's. Built once per version (a version never changes) and
 * safe to share between threads once built.
 */
public final class LayerIndex {
    private final ConstraintLayer layer;
    private final STRtree tree = new STRtree();
    private final int size;

    public LayerIndex(ConstraintLayer layer, List<Geometry> polygons) {
        this.layer = layer;
        PreparedGeometryFactory prepare = new PreparedGeometryFactory();
        for (Geometry polygon : polygons) {
            tree.insert(polygon.getEnvelopeInternal(), prepare.create(polygon));
        }
        tree.build();
        this.size = polygons.size();
    }

    public ConstraintLayer layer() {
        return layer;
    }

    public int size() {
        return size;
    }

    /** The layer's polygons whose boxes meet {@code area} (on the plane), at most {@code limit}: what a map shows there. */
    public List<Geometry> near(org.locationtech.jts.geom.Envelope area, int limit) {
        List<Geometry> found = new ArrayList<>();
        for (Object item : tree.query(area)) {
            if (found.size() == limit) {
                break;
            }
            found.add(((PreparedGeometry) item).getGeometry());
        }
        return found;
    }

    /** The part of {@code parcel} inside the layer (empty when they only touch or do not meet). */
    public Geometry overlap(Geometry parcel) {
        List<Geometry> pieces = new ArrayList<>();
        for (Object found : tree.query(parcel.getEnvelopeInternal())) {
            PreparedGeometry polygon = (PreparedGeometry) found;
            if (polygon.intersects(parcel) && !polygon.touches(parcel)) {
                Geometry piece = OverlayNGRobust.overlay(parcel, polygon.getGeometry(), org.locationtech.jts.operation.overlayng.OverlayNG.INTERSECTION);
                if (!piece.isEmpty() && piece.getArea() > 0) {
                    pieces.add(piece);
                }
            }
        }
        if (pieces.isEmpty()) {
            return new GeometryFactory().createGeometryCollection();
        }
        // layer polygons may overlap each other: what of the parcel lies in any of them, counted once
        return pieces.size() == 1 ? pieces.get(0) : UnaryUnionOp.union(pieces);
    }
}
