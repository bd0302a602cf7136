package cn.landbalance.api.spatial;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

import java.nio.charset.StandardCharsets;

/** GeoJSON in and out (JTS): a geometry, a Feature or a FeatureCollection in; geometries out, in degrees. */
final class GeoJson {
    private GeoJson() {
    }

    static Geometry read(byte[] body, ErrorCode code, String field) {
        if (body == null || body.length == 0) {
            throw DomainException.field(code, field, "请上传 GeoJSON（Polygon、MultiPolygon、Feature 或 FeatureCollection）",
                    "upload GeoJSON (a Polygon, MultiPolygon, Feature or FeatureCollection)");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            Geometry geometry = new GeoJsonReader().read(text.startsWith("\uFEFF") ? text.substring(1) : text);
            if (geometry == null || geometry.isEmpty()) {
                throw new ParseException("no geometry");
            }
            return geometry;
        } catch (ParseException | RuntimeException e) {
            throw DomainException.field(code, field, "不是可读的 GeoJSON：" + e.getMessage(), "not readable GeoJSON: " + e.getMessage());
        }
    }

    static String write(Geometry degrees) {
        GeoJsonWriter writer = new GeoJsonWriter(7);
        writer.setEncodeCRS(false);
        return writer.write(degrees);
    }
}
