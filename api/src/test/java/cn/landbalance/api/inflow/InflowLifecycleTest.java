package cn.landbalance.api.inflow;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A township restores land, the county accepts it, and the lot appears in the township's inventory. */
@MicronautTest(transactional = false)
class InflowLifecycleTest extends ApiTest {

    private long townshipOf(String officer) {
        return api().get("/api/me", login(officer)).number("regionId");
    }

    private String parcel(long townshipId, String targetClass, int slopeGrade, long areaM2, String constraint) {
        String constraints = "{\"ecologicalRedLine\":false,\"natureReserve\":false,\"waterSourceLevel1\":false,"
                + "\"riverLakeForestPastoralDesert\":false,\"builtUpArea\":false,\"returnedFarmlandForest\":false,"
                + "\"pollutedSoil\":false,\"illegalDeforestation\":false}";
        if (constraint != null) {
            constraints = constraints.replace("\"" + constraint + "\":false", "\"" + constraint + "\":true");
        }
        return "{\"townshipId\":" + townshipId + ",\"village\":\"科羊村\",\"landClassBefore\":\"其他林地\",\"targetClass\":\""
                + targetClass + "\",\"ownership\":\"集体\",\"restorationAttr\":\"即可恢复\",\"slopeGrade\":" + slopeGrade
                + ",\"areaM2\":" + areaM2 + ",\"constraints\":" + constraints + "}";
    }

    @Test
    void aTownshipRestoresAPaddyParcelAndTheCountyAcceptsItIntoTheInventory() {
        String officer = login("officer_gongchang");
        long gongchang = townshipOf("officer_gongchang");
        Response created = api().post("/api/inflow-projects", officer, parcel(gongchang, "水田", 2, 12_345, null));
        assertEquals(201, created.status(), created.body());
        assertEquals("DRAFT", created.string("status"));
        long id = created.number("id");

        Response early = api().post("/api/inflow-projects/" + id + "/accept", login("county_admin"), "{\"qualityGrade\":9}");
        assertEquals(409, early.status());
        assertEquals("ILLEGAL_TRANSITION", early.string("code"));

        assertEquals("SUBMITTED", api().post("/api/inflow-projects/" + id + "/submit", officer, null).string("status"));
        assertEquals(403, api().post("/api/inflow-projects/" + id + "/accept", officer, "{\"qualityGrade\":9}").status());

        Response accepted = api().post("/api/inflow-projects/" + id + "/accept", login("county_admin"), "{\"qualityGrade\":9}");
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals("ACCEPTED", accepted.string("status"));
        long lotId = accepted.number("lotId");

        Response inventory = api().get("/api/townships/" + gongchang + "/inventory", officer);
        assertEquals(12_345, inventory.number("availableM2"));
        var lot = inventory.json().get("lots").get(0);
        assertEquals(lotId, lot.get("id").asLong());
        assertTrue(lot.get("paddy").asBoolean());
        assertEquals(9, lot.get("qualityGrade").asInt());
        assertEquals(id, lot.get("sourceProjectId").asLong());

        Response twice = api().post("/api/inflow-projects/" + id + "/accept", login("county_admin"), "{\"qualityGrade\":9}");
        assertEquals(409, twice.status());
        assertEquals(12_345, api().get("/api/townships/" + gongchang + "/inventory", officer).number("issuedM2"));
        assertTrue(api().get("/api/audit/invariants", login("county_admin")).json().get("ok").asBoolean());
    }

    @Test
    void theCountyRejectsAParcelWithAReasonAndNothingIsIssued() {
        String officer = login("officer_wenfeng");
        long wenfeng = townshipOf("officer_wenfeng");
        long id = api().post("/api/inflow-projects", officer, parcel(wenfeng, "旱地", 3, 5_000, null)).number("id");
        api().post("/api/inflow-projects/" + id + "/submit", officer, null);
        Response rejected = api().post("/api/inflow-projects/" + id + "/reject", login("county_admin"),
                "{\"reason\":\"验收不合格：耕作层厚度不足\"}");
        assertEquals("REJECTED", rejected.string("status"));
        assertEquals("验收不合格：耕作层厚度不足", rejected.string("rejectionReason"));
        assertEquals(0, api().get("/api/townships/" + wenfeng + "/inventory", officer).number("issuedM2"));
        assertEquals(409, api().post("/api/inflow-projects/" + id + "/submit", officer, null).status());
    }

    @Test
    void anOfficerWorksOnlyForItsOwnTownship() {
        long wenfeng = townshipOf("officer_wenfeng");
        String gongchangOfficer = login("officer_gongchang");
        Response foreign = api().post("/api/inflow-projects", gongchangOfficer, parcel(wenfeng, "旱地", 1, 100, null));
        assertEquals(404, foreign.status());
        assertEquals("TOWNSHIP_NOT_FOUND", foreign.string("code"));
        long id = api().post("/api/inflow-projects", login("officer_wenfeng"), parcel(wenfeng, "旱地", 1, 100, null)).number("id");
        assertEquals(404, api().get("/api/inflow-projects/" + id, gongchangOfficer).status());
        assertEquals(404, api().post("/api/inflow-projects/" + id + "/submit", gongchangOfficer, null).status());
        assertEquals(404, api().get("/api/townships/" + wenfeng + "/inventory", gongchangOfficer).status());
        assertEquals(403, api().get("/api/townships/" + wenfeng + "/inventory", login("enterprise_coop")).status());
        assertEquals(403, api().post("/api/inflow-projects", login("enterprise_coop"), parcel(wenfeng, "旱地", 1, 100, null)).status());
    }

    /** The rule table of DOMAIN.md §4, in order of precedence: each row's parcel is refused with its code. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "slope grade 5 (> 25°),                  5, ,                              INFLOW_SLOPE_OVER_25_DEGREES",
            "ecological red line,                    1, ecologicalRedLine,             INFLOW_ECOLOGICAL_RED_LINE",
            "nature reserve,                         1, natureReserve,                 INFLOW_NATURE_RESERVE",
            "level-1 water source zone,              1, waterSourceLevel1,             INFLOW_WATER_SOURCE_LEVEL1",
            "river/lake/forest/pastoral/desert,      1, riverLakeForestPastoralDesert, INFLOW_RIVER_LAKE_FOREST_PASTORAL_DESERT",
            "built-up area,                          1, builtUpArea,                   INFLOW_BUILT_UP_AREA",
            "returned farmland to forest,            1, returnedFarmlandForest,        INFLOW_RETURNED_FARMLAND_FOREST",
            "polluted soil,                          1, pollutedSoil,                  INFLOW_POLLUTED_SOIL",
            "illegal deforestation,                  1, illegalDeforestation,          INFLOW_ILLEGAL_DEFORESTATION",
            "slope 5 takes precedence over red line, 5, ecologicalRedLine,             INFLOW_SLOPE_OVER_25_DEGREES",
    })
    void ineligibleLandIsRefusedWithItsCode(String rule, int slopeGrade, String constraint, String code) {
        long gongchang = townshipOf("officer_gongchang");
        Response response = api().post("/api/inflow-projects", login("officer_gongchang"),
                parcel(gongchang, "旱地", slopeGrade, 1_000, constraint));
        assertEquals(422, response.status(), rule + ": " + response.body());
        assertEquals(code, response.string("code"), rule);
        assertTrue(response.isProblem());
        assertTrue(response.string("messageZh").contains("不得"), response.body());
    }
}
