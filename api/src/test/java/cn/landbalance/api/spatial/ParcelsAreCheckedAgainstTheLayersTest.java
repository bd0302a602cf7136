package cn.landbalance.api.spatial;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import cn.landbalance.api.support.journey.RestorationProject;
import cn.landbalance.api.support.journey.Township;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static cn.landbalance.api.support.Zone35.collection;
import static cn.landbalance.api.support.Zone35.rectangle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 套合分析 through the API, with synthetic geometry on 陇西县's plane (CGCS2000 zone 35): a parcel inside 永久基本农田
 * is refused at declaring with the overlap in m², one touching it along an edge is accepted and its check recorded with
 * the layer version; a newer version of the layer leaves that record pointing at the old one.
 */
@MicronautTest(transactional = false)
class ParcelsAreCheckedAgainstTheLayersTest extends ApiTest {
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    DSLContext db;

    /** The finding of one layer kind in a check (the tests of this class share the county's layers). */
    private static JsonNode finding(JsonNode check, String kind) {
        for (JsonNode f : check.get("findings")) {
            if (f.get("kind").asText().equals(kind)) {
                return f;
            }
        }
        throw new AssertionError("no finding of " + kind + " in " + check);
    }

    private Response upload(String kind, String geojson) {
        return api().send("POST", "/api/counties/" + countyId() + "/layers?kind=" + kind + "&source=%E5%8E%BF%E8%87%AA%E7%84%B6%E8%B5%84%E6%BA%90%E5%B1%80"
                + "&dataDate=2025-12-31", login("county_admin"), geojson, "application/geo+json");
    }

    private Response putParcels(long application, String geojson) {
        // with an idempotency key, as a client that retries sends it
        return api().send("PUT", "/api/outflow-applications/" + application + "/parcels", login("enterprise_coop"), geojson,
                "application/geo+json", java.util.UUID.randomUUID().toString());
    }

    /** 文峰镇's inflow project of 5 000 m² on 其他林地, every eligibility answer declared "no". */
    private long project(Township wenfeng) {
        return wenfeng.filesProject(RestorationProject.in(wenfeng.id(), 5_000).inVillage("东铺村"));
    }

    private long application(long areaM2) {
        long gongchang = township("officer_gongchang").id();
        return enterprise("enterprise_coop").filesOutflow(OutflowDeclaration.in(gongchang).withArea(areaM2));
    }

    /** A GeoJSON polygon of one ring through the points, given as x, y, x, y… */
    private static String polygon(Number... xy) {
        java.util.List<Json> ring = new java.util.ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) {
            ring.add(Json.array(xy[i], xy[i + 1]));
        }
        return Json.object("type", "Polygon", "coordinates", Json.array(ring)).toString();
    }

    @Test
    void aParcelInPermanentBasicFarmlandIsRefusedAndOneAlongItsEdgeAccepted() {
        Response layer = upload("PERMANENT_BASIC_FARMLAND", collection(rectangle(100, 0, 200, 200), rectangle(0, 500, 100, 100)));
        assertEquals(201, layer.status(), layer.body());
        assertEquals(1, layer.number("version"));
        assertEquals(50_000, layer.number("areaM2"));
        JsonNode tiles = api().get("/api/map-settings", login("enterprise_coop")).json().path("tilesUrl");
        assertTrue(tiles.isNull() || tiles.isMissingNode(), "no tile source by default: vector layers only");
        JsonNode settings = api().get("/api/counties/" + countyId() + "/spatial-settings", login("enterprise_coop")).json();
        assertEquals(4523, settings.get("epsg").asInt(), "the zone read from the layer's eastings");

        long app = application(5_000);
        // 100 × 50, 40 m into the farmland: 2 000 m² overlap
        JsonNode preview = putParcels(app, rectangle(40, 0, 100, 50)).json();
        assertEquals(5_000, preview.get("parcelAreaM2").asLong());
        assertTrue(preview.get("areaMatches").asBoolean());
        assertFalse(preview.get("clear").asBoolean());
        assertEquals(2_000, finding(preview, "PERMANENT_BASIC_FARMLAND").get("overlapM2").asLong());
        assertEquals("OUTFLOW_PERMANENT_BASIC_FARMLAND", finding(preview, "PERMANENT_BASIC_FARMLAND").get("refusal").asText());
        assertTrue(finding(preview, "PERMANENT_BASIC_FARMLAND").get("overlap").asText().contains("Polygon"), "the overlap, to be drawn");
        assertTrue(preview.get("notLoaded").toString().contains("HIGH_STANDARD_FARMLAND"), "高标准农田: declared, not checked");
        assertFalse(preview.get("notLoaded").toString().contains("PERMANENT_BASIC_FARMLAND"));

        Response refused = api().post("/api/outflow-applications/" + app + "/declare", login("enterprise_coop"), null);
        assertEquals("OUTFLOW_PERMANENT_BASIC_FARMLAND", refused.string("code"), refused.body());
        assertTrue(refused.string("detailZh").contains("重叠 2000 平方米"), refused.body());
        assertEquals("parcels", refused.string("field"));

        // moved west until it only touches the farmland along x = 100
        JsonNode moved = putParcels(app, rectangle(0, 0, 100, 50)).json();
        assertTrue(moved.get("clear").asBoolean(), moved.toString());
        assertEquals(0, finding(moved, "PERMANENT_BASIC_FARMLAND").get("overlapM2").asLong());
        Response declared = api().post("/api/outflow-applications/" + app + "/declare", login("enterprise_coop"), null);
        assertEquals(200, declared.status(), declared.body());

        JsonNode checks = api().get("/api/outflow-applications/" + app + "/parcels", login("enterprise_coop")).json().get("checks");
        assertEquals(1, checks.size(), "only the decision that passed is recorded");
        assertEquals("DECLARE", checks.get(0).get("stage").asText());
        long v1 = layer.number("id");
        assertEquals(v1, checks.get(0).get("findings").get(0).get("layerId").asLong());

        aNewerVersionOfTheLayerLeavesTheRecordedCheckOnTheOldOne(app, v1);
    }

    /** The county replaces the layer: the recorded check still names version 1, the list shows version 2 as current. */
    private void aNewerVersionOfTheLayerLeavesTheRecordedCheckOnTheOldOne(long app, long v1) {
        Response v2 = upload("PERMANENT_BASIC_FARMLAND", collection(rectangle(1_000, 1_000, 100, 100)));
        assertEquals(2, v2.number("version"));
        JsonNode again = api().get("/api/outflow-applications/" + app + "/parcels", login("enterprise_coop")).json();
        assertEquals(v1, again.get("checks").get(0).get("findings").get(0).get("layerId").asLong());
        assertEquals(1, again.get("checks").get(0).get("findings").get(0).get("version").asInt());
        assertEquals(v2.number("id"), finding(again.get("check"), "PERMANENT_BASIC_FARMLAND").get("layerId").asLong(), "a check now uses version 2");
        JsonNode layers = api().get("/api/counties/" + countyId() + "/layers", login("county_viewer")).json();
        int farmland = 0;
        for (JsonNode l : layers) {
            if (!l.get("kind").asText().equals("PERMANENT_BASIC_FARMLAND")) {
                continue;
            }
            farmland++;
            assertEquals(l.get("version").asInt() == 2, l.get("current").asBoolean());
        }
        assertEquals(2, farmland);
        String features = "/api/counties/" + countyId() + "/layers/" + v1 + "/features";
        assertEquals(2, api().get(features, login("county_viewer")).json().get("features").size());
        // around the polygons (they lie near 105°E, 35°N) through the layer's index, and far from them
        assertEquals(2, api().get(features + "?bbox=104.9,34.9,105.1,35.1", login("county_viewer")).json().get("features").size());
        assertEquals(0, api().get(features + "?bbox=104.0,34.0,104.1,34.1", login("county_viewer")).json().get("features").size());
        Response badBox = api().get(features + "?bbox=105,35,104,34", login("county_viewer"));
        assertEquals(400, badBox.status());
        assertEquals("bbox", badBox.string("field"));
    }

    @Test
    void anAreaMismatchIsReportedAndAnApplicationWithoutParcelsIsAskedForThem() {
        assertEquals(201, upload("URBAN_DEVELOPMENT_BOUNDARY", collection(rectangle(5_000, 5_000, 100, 100))).status());
        long app = application(5_000);
        JsonNode larger = putParcels(app, rectangle(0, 0, 100, 60)).json();
        assertFalse(larger.get("areaMatches").asBoolean());
        assertEquals(50, larger.get("areaToleranceM2").asLong(), "10‰ of 5 000 m²");
        assertEquals("PARCEL_AREA_MISMATCH", api().post("/api/outflow-applications/" + app + "/declare", login("enterprise_coop"), null)
                .string("code"));

        long bare = application(2_000);
        assertEquals("PARCELS_REQUIRED", api().post("/api/outflow-applications/" + bare + "/declare", login("enterprise_coop"), null)
                .string("code"));
    }

    @Test
    void badGeometryIsRefusedNamingTheFieldAndLayersAreTheCountysToUpload() {
        // the county's zone set by the county itself (the other tests may or may not have set it by a first layer)
        assertEquals(200, api().send("PUT", "/api/counties/" + countyId() + "/spatial-settings", login("county_admin"),
                spatialSettings(4523).toString(), "application/json", java.util.UUID.randomUUID().toString()).status());
        long app = application(5_000);
        assertEquals("PARCEL_INVALID", putParcels(app, "not json").string("code"));
        assertEquals("PARCEL_INVALID", putParcels(app, Json.object("type", "Point", "coordinates", Json.array(104.6, 35.0))
                .toString()).string("code"));
        Response bowtie = putParcels(app, polygon(104.60, 35.00, 104.61, 35.01, 104.61, 35.00, 104.60, 35.01, 104.60, 35.00));
        assertEquals(400, bowtie.status(), bowtie.body());
        assertEquals("parcels", bowtie.string("field"));
        assertEquals("PARCEL_INVALID", putParcels(app, polygon(-3.7, 40.4, -3.6, 40.4, -3.6, 40.5, -3.7, 40.4)).string("code"),
                "not in China");
        String zone36 = polygon(36500000, 3874000, 36500100, 3874000, 36500100, 3874100, 36500000, 3874000);
        Response otherZone = putParcels(app, zone36);
        assertEquals("parcels", otherZone.string("field"), otherZone.body());
        Response layerOtherZone = api().send("POST", "/api/counties/" + countyId() + "/layers?kind=NATURE_RESERVE&source=x&dataDate=2025-01-01",
                login("county_admin"), zone36, "application/geo+json");
        assertEquals("LAYER_INVALID", layerOtherZone.string("code"), layerOtherZone.body());
        assertEquals("layer", layerOtherZone.string("field"));
        assertEquals(403, api().send("POST", "/api/counties/" + countyId() + "/layers?kind=NATURE_RESERVE&source=x&dataDate=2025-01-01",
                login("officer_gongchang"), collection(rectangle(0, 0, 10, 10)), "application/geo+json").status());
        assertEquals("MISSING_FIELD", api().send("POST", "/api/counties/" + countyId() + "/layers?source=x&dataDate=2025-01-01",
                login("county_admin"), collection(rectangle(0, 0, 10, 10)), "application/geo+json").string("code"));
        assertEquals(400, api().send("POST", "/api/counties/" + countyId() + "/layers?kind=NATURE_RESERVE&source=x&dataDate=2999-01-01",
                login("county_admin"), collection(rectangle(0, 0, 10, 10)), "application/geo+json").status());
        assertEquals(400, api().put("/api/counties/" + countyId() + "/spatial-settings", login("county_admin"),
                spatialSettings(4326)).status());
    }

    /** The county's spatial settings in {@code epsg}, with 10‰ area tolerance and 1 m² overlap tolerance. */
    private static Json spatialSettings(int epsg) {
        return Json.object("epsg", epsg, "areaTolerancePermille", 10, "overlapToleranceM2", 1);
    }

    @Test
    void anInflowProjectInTheEcologicalRedLineIsRefusedAtSubmittingAndItsChecksAreRecorded() {
        assertEquals(201, upload("ECOLOGICAL_RED_LINE", collection(rectangle(0, 0, 500, 100))).status());
        Township wenfeng = township("officer_wenfeng");
        String officer = wenfeng.token();
        long project = project(wenfeng);
        assertEquals("PARCELS_REQUIRED", api().post("/api/inflow-projects/" + project + "/submit", officer, null).string("code"));

        // declared outside the red line, drawn inside it: the drawing decides
        Response inside = api().send("PUT", "/api/inflow-projects/" + project + "/parcels", officer, rectangle(100, 75, 100, 50),
                "application/geo+json", java.util.UUID.randomUUID().toString());
        assertEquals(2_500, finding(inside.json(), "ECOLOGICAL_RED_LINE").get("overlapM2").asLong(), inside.body());
        Response refused = api().post("/api/inflow-projects/" + project + "/submit", officer, null);
        assertEquals("INFLOW_ECOLOGICAL_RED_LINE", refused.string("code"), refused.body());
        assertTrue(refused.string("detailZh").contains("生态保护红线"), refused.body());

        assertEquals(200, api().send("PUT", "/api/inflow-projects/" + project + "/parcels", officer, rectangle(100, 100, 100, 50),
                "application/geo+json", java.util.UUID.randomUUID().toString()).status());
        assertEquals(200, api().post("/api/inflow-projects/" + project + "/submit", officer, null).status());
        assertEquals(200, county().tryAcceptProject(project, 10).status());
        JsonNode checks = api().get("/api/inflow-projects/" + project + "/parcels", login("county_viewer")).json().get("checks");
        assertEquals(2, checks.size());
        assertEquals("SUBMIT", checks.get(0).get("stage").asText());
        assertEquals("ACCEPT", checks.get(1).get("stage").asText());
        assertEquals(403, api().send("PUT", "/api/inflow-projects/" + project + "/parcels", login("enterprise_coop"),
                rectangle(0, 0, 10, 10), "application/geo+json", null).status());
    }

    @Test
    void outlinesAreDrawnNotCheckedAndABuiltUpAreaRefusesARestorationWithItsEventsPublished() {
        // the outlines around everything the other tests draw: never overlaid, never named as "declared, not checked"
        Response township = upload("TOWNSHIP_OUTLINE", collection(rectangle(-2_000, -2_000, 4_000, 4_000),
                rectangle(2_000, -2_000, 4_000, 4_000)));
        assertEquals(201, township.status(), township.body());
        assertTrue(township.json().get("outline").asBoolean());
        assertEquals(201, upload("COUNTY_OUTLINE", collection(rectangle(-5_000, -5_000, 20_000, 20_000))).status());
        Response builtUp = upload("BUILT_UP_AREA", collection(rectangle(3_000, 3_000, 200, 200)));
        assertEquals(201, builtUp.status(), builtUp.body());

        Township wenfeng = township("officer_wenfeng");
        String officer = wenfeng.token();
        long project = project(wenfeng);
        // declared outside the built-up area, drawn 50 m into it
        Response inside = api().send("PUT", "/api/inflow-projects/" + project + "/parcels", officer, rectangle(3_150, 3_050, 100, 50),
                "application/geo+json", java.util.UUID.randomUUID().toString());
        assertEquals(200, inside.status(), inside.body());
        assertEquals(2_500, finding(inside.json(), "BUILT_UP_AREA").get("overlapM2").asLong(), inside.body());
        for (JsonNode f : inside.json().get("findings")) {
            assertFalse(f.get("kind").asText().endsWith("_OUTLINE"), "an outline is not overlaid: " + f);
        }
        assertFalse(inside.json().get("notLoaded").toString().contains("OUTLINE"), inside.body());
        Response refused = api().post("/api/inflow-projects/" + project + "/submit", officer, null);
        assertEquals("INFLOW_BUILT_UP_AREA", refused.string("code"), refused.body());
        assertTrue(refused.string("detailZh").contains("城镇村建成区") && refused.string("detailZh").contains("2500"), refused.body());
        assertEquals(200, api().send("PUT", "/api/inflow-projects/" + project + "/parcels", officer, rectangle(3_250, 3_250, 100, 50),
                "application/geo+json", java.util.UUID.randomUUID().toString()).status());
        assertEquals(200, api().post("/api/inflow-projects/" + project + "/submit", officer, null).status());

        // each upload, parcel set and recorded check is an event on the stream (and an entry of the audit log)
        assertEquals(List.of("parcels.uploaded", "parcels.uploaded", "parcels.checked"), tx.executeRead(status -> db.fetch(
                "select type from outbox_event where aggregate_type = 'inflow-project' and aggregate_id = ? order by id", project)
                .map(r -> r.get(0, String.class))));
        String checked = tx.executeRead(status -> db.fetchOne("select payload from outbox_event where type = 'parcels.checked' "
                + "and aggregate_id = ?", project).get(0, String.class));
        assertTrue(checked.contains("\"stage\":\"SUBMIT\"") && checked.contains("\"kind\":\"BUILT_UP_AREA\""), checked);
        int uploaded = tx.executeRead(status -> db.fetchOne("select count(*) from outbox_event where type = 'layer.uploaded' "
                + "and aggregate_type = 'constraint-layer' and aggregate_id = ?", township.number("id")).get(0, Integer.class));
        assertEquals(1, uploaded);
    }
}
