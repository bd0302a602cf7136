package cn.landbalance.api.support;

/**
 * Synthetic geometry on 陇西县's plane (CGCS2000 3° zone 35, EPSG:4523), in metres from a point near the county seat,
 * written as GeoJSON with the zone prefix in the eastings, as a county's own data comes.
 */
public final class Zone35 {
    public static final double X0 = 35_500_000;
    public static final double Y0 = 3_874_000;

    private Zone35() {
    }

    /** A rectangle from (x, y) of width w and height h, as a GeoJSON polygon. */
    public static String rectangle(double x, double y, double w, double h) {
        double a = X0 + x;
        double b = Y0 + y;
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + a + "," + b + "],[" + (a + w) + "," + b + "],[" + (a + w) + ","
                + (b + h) + "],[" + a + "," + (b + h) + "],[" + a + "," + b + "]]]}";
    }

    /** The geometries as a FeatureCollection of features without properties. */
    public static String collection(String... geometries) {
        StringBuilder out = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < geometries.length; i++) {
            out.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{},\"geometry\":").append(geometries[i]).append('}');
        }
        return out.append("]}").toString();
    }
}
