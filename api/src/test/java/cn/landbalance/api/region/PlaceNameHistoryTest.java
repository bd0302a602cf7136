package cn.landbalance.api.region;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The county admin keeps the county's place-name history; the county government reads it; an import resolves a former
 * name through it at once, and no longer once the entry is removed.
 */
@MicronautTest(transactional = false)
class PlaceNameHistoryTest extends ApiTest {

    @Test
    void theCountyEditsItsHistoryAndImportsFollowIt() {
        String admin = login("county_admin");
        long county = countyId();
        String base = "/api/counties/" + county + "/place-names";
        JsonNode demo = api().get(base, login("county_viewer")).json();
        assertEquals("双泉乡", demo.get(0).get("formerName").asText(), "the demo county knows the 2022 plan's former name");
        assertEquals("双泉镇", demo.get(0).get("townshipName").asText());

        long wenfeng = townshipId("文峰镇");
        Response added = api().post(base, admin, formerName("城关镇", wenfeng).with("effectiveOn", "2015-06-01")
                .with("note", "撤镇设街道后并入"));
        assertEquals(201, added.status(), added.body());
        assertEquals("文峰镇", added.string("townshipName"));
        assertEquals("2015-06-01", added.string("effectiveOn"));

        assertEquals(409, api().post(base, admin, formerName("城关镇", wenfeng)).status());
        Response current = api().post(base, admin, formerName("巩昌镇", wenfeng));
        assertEquals(400, current.status(), "a current township's name is not a former name");
        assertEquals("formerName", current.string("field"));
        Response notATownship = api().post(base, admin, formerName("某乡", county));
        assertEquals(404, notATownship.status());
        assertEquals("townshipId", notATownship.string("field"));
        assertEquals(403, api().post(base, login("county_viewer"), formerName("某乡", wenfeng)).status());
        SecondCounty weiyuan = createSecondCounty();
        assertEquals(404, api().get("/api/counties/" + weiyuan.countyId() + "/place-names", admin).status());

        String csv = "township,land_class_after,ownership,slope_1_ha,slope_2_ha,slope_3_ha,slope_4_ha,slope_5_ha,area_ha\n"
                + "城关镇,果园,集体,0.1000,,,,,0.1000\n";
        String preview = "/api/imports/outflow/preview?countyId=" + county + "&year=2024&qualityGrade=12";
        JsonNode row = api().send("POST", preview, admin, csv, "text/csv").json().get("rows").get(0);
        assertEquals("WARN", row.get("outcome").asText());
        assertEquals("文峰镇", row.get("township").asText());
        assertTrue(row.get("issues").get(0).get("message").asText().contains("2015-06-01"));

        assertEquals(204, api().send("DELETE", base + "/" + added.number("id"), admin, null, null).status());
        JsonNode after = api().send("POST", preview, admin, csv, "text/csv").json().get("rows").get(0);
        assertEquals("REFUSE", after.get("outcome").asText());
        assertEquals("IMPORT_UNKNOWN_TOWNSHIP", after.get("issues").get(0).get("code").asText());
    }

    private long townshipId(String name) {
        for (JsonNode t : api().get("/api/regions?parentId=" + countyId(), login("county_admin")).json()) {
            if (t.get("name").asText().equals(name)) {
                return t.get("id").asLong();
            }
        }
        throw new AssertionError(name);
    }

    private static Json formerName(String name, long township) {
        return Json.object("formerName", name, "townshipId", township);
    }
}
