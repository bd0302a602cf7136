package cn.landbalance.api.inflow;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.Actor;
import cn.landbalance.api.support.journey.County;
import cn.landbalance.api.support.journey.RestorationProject;
import cn.landbalance.api.support.journey.Township;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A township restores land, the county accepts it, and the lot appears in the township's inventory. */
@MicronautTest(transactional = false)
class InflowLifecycleTest extends ApiTest {

    /**
     * A parcel of 其他林地 in 科羊村 to be restored to {@code targetClass} (即可恢复), every eligibility question answered
     * "no" but {@code constraint} (when given), answered "yes".
     */
    private static RestorationProject parcel(long townshipId, String targetClass, int slopeGrade, long areaM2,
                                             String constraint) {
        RestorationProject parcel = RestorationProject.in(townshipId, areaM2).inVillage("科羊村").from("其他林地", targetClass)
                .withRestorationAttr("即可恢复").with("slopeGrade", slopeGrade);
        return constraint == null ? parcel
                : parcel.with("constraints", RestorationProject.NO_CONSTRAINTS.with(constraint, true));
    }

    @Test
    void aTownshipRestoresAPaddyParcelAndTheCountyAcceptsItIntoTheInventory() {
        Township officer = township("officer_gongchang");
        County admin = county();
        long gongchang = officer.id();
        Response created = officer.tryFileProject(parcel(gongchang, "水田", 2, 12_345, null));
        assertEquals(201, created.status(), created.body());
        assertEquals("DRAFT", created.string("status"));
        long id = created.number("id");

        Response early = admin.tryAcceptProject(id, 9);
        assertEquals(409, early.status());
        assertEquals("ILLEGAL_TRANSITION", early.string("code"));

        assertEquals("SUBMITTED", officer.trySubmitProject(id).string("status"));
        assertEquals(403, officer.post("/api/inflow-projects/" + id + "/accept", Json.object("qualityGrade", 9)).status());

        Response accepted = admin.tryAcceptProject(id, 9);
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals("ACCEPTED", accepted.string("status"));
        long lotId = accepted.number("lotId");

        Response inventory = officer.get("/api/townships/" + gongchang + "/inventory");
        assertEquals(12_345, inventory.number("availableM2"));
        var lot = inventory.json().get("lots").get(0);
        assertEquals(lotId, lot.get("id").asLong());
        assertTrue(lot.get("paddy").asBoolean());
        assertEquals(9, lot.get("qualityGrade").asInt());
        assertEquals(id, lot.get("sourceProjectId").asLong());

        Response twice = admin.tryAcceptProject(id, 9);
        assertEquals(409, twice.status());
        assertEquals(12_345, officer.inventory().get("issuedM2").asLong());
        assertTrue(admin.get("/api/audit/invariants").json().get("ok").asBoolean());
    }

    @Test
    void theCountyRejectsAParcelWithAReasonAndNothingIsIssued() {
        Township officer = township("officer_wenfeng");
        long wenfeng = officer.id();
        long id = officer.filesProject(parcel(wenfeng, "旱地", 3, 5_000, null));
        officer.trySubmitProject(id);
        Response rejected = county().post("/api/inflow-projects/" + id + "/reject",
                Json.object("reason", "验收不合格：耕作层厚度不足"));
        assertEquals("REJECTED", rejected.string("status"));
        assertEquals("验收不合格：耕作层厚度不足", rejected.string("rejectionReason"));
        assertEquals(0, officer.inventory().get("issuedM2").asLong());
        assertEquals(409, officer.trySubmitProject(id).status());
    }

    @Test
    void anOfficerWorksOnlyForItsOwnTownship() {
        Township wenfengOfficer = township("officer_wenfeng");
        long wenfeng = wenfengOfficer.id();
        Township gongchangOfficer = township("officer_gongchang");
        Actor coop = user("enterprise_coop");
        Response foreign = gongchangOfficer.tryFileProject(parcel(wenfeng, "旱地", 1, 100, null));
        assertEquals(404, foreign.status());
        assertEquals("TOWNSHIP_NOT_FOUND", foreign.string("code"));
        long id = wenfengOfficer.filesProject(parcel(wenfeng, "旱地", 1, 100, null));
        assertEquals(404, gongchangOfficer.get("/api/inflow-projects/" + id).status());
        assertEquals(404, gongchangOfficer.trySubmitProject(id).status());
        assertEquals(404, gongchangOfficer.get("/api/townships/" + wenfeng + "/inventory").status());
        assertEquals(403, coop.get("/api/townships/" + wenfeng + "/inventory").status());
        assertEquals(403, coop.tryFileProject(parcel(wenfeng, "旱地", 1, 100, null)).status());
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
        Township officer = township("officer_gongchang");
        Response response = officer.tryFileProject(parcel(officer.id(), "旱地", slopeGrade, 1_000, constraint));
        assertEquals(422, response.status(), rule + ": " + response.body());
        assertEquals(code, response.string("code"), rule);
        assertTrue(response.isProblem());
        assertTrue(response.string("messageZh").contains("不得"), response.body());
    }
}
