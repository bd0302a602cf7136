package cn.landbalance.api.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Synthetic geometry on 陇西县's plane (CGCS2000 3° zone 35, EPSG:4523), in metres from a point near the county seat,
 * written as GeoJSON with the zone prefix in the eastings, as a county's own data comes.
 */
public final class Zone35 {
    public static final double X0 = 35_500_000;
    public static final double Y0 = 3_874_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Zone35() {
    }

    /** A rectangle from (x, y) of width w and height h, as a GeoJSON polygon. */
    public static String rectangle(double x, double y, double w, double h) {
        double a = X0 + x;
        double b = Y0 + y;
        Json ring = Json.array(corner(a, b), corner(a + w, b), corner(a + w, b + h), corner(a, b + h), corner(a, b));
        return Json.object("type", "Polygon", "coordinates", Json.array(ring)).toString();
    }

    private static Json corner(double easting, double northing) {
        return Json.array(easting, northing);
    }

    /** The geometries (GeoJSON texts, as {@link #rectangle} gives them) as a FeatureCollection of features without properties. */
    public static String collection(String... geometries) {
        Object[] features = new Object[geometries.length];
        for (int i = 0; i < geometries.length; i++) {
            features[i] = Json.object("type", "Feature", "properties", Json.object(), "geometry", parse(geometries[i]));
        }
        return Json.object("type", "FeatureCollection", "features", Json.array(features)).toString();
    }

    private static JsonNode parse(String geometry) {
        try {
            return MAPPER.readTree(geometry);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not GeoJSON: " + geometry, e);
        }
    }
}
