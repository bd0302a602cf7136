package cn.landbalance.api.violation;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.RestorationProject;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18's county reserve, stocked through the API: the county admin runs a county-led inflow project (its region is
 * the county), accepted into the county reserve with the project's plan year as vintage. A township with no indicators
 * of its own then has a violation: the freeze borrows from the reserve, the case shows the area owed, and the reserve's
 * inventory shows it frozen. A township officer can neither stock the reserve nor read it.
 */
@MicronautTest(transactional = false)
class CountyReserveLendsTest extends ApiTest {
    @Test
    void aCountyLedProjectStocksTheReserveAndAViolationBorrowsFromIt() {
        String admin = login("county_admin");
        String officer = login("officer_shouyang");
        long county = countyId();
        long shouyang = api().get("/api/me", officer).number("regionId");

        assertEquals(4, api().post("/api/inflow-projects", officer, project(county)).status() / 100,
                "a township officer does not restore land for the county");
        Response created = api().post("/api/inflow-projects", admin, project(county));
        assertEquals(201, created.status(), created.body());
        long id = created.number("id");
        assertEquals(200, api().post("/api/inflow-projects/" + id + "/submit", admin, null).status());
        Response accepted = api().post("/api/inflow-projects/" + id + "/accept", admin, Json.object("qualityGrade", 9));
        assertEquals(200, accepted.status(), accepted.body());
        long lot = accepted.number("lotId");

        JsonNode reserve = api().get("/api/counties/" + county + "/reserve", admin).json();
        assertEquals(6_000, reserve.get("availableM2").asLong());
        assertEquals(2022, reserve.get("lots").get(0).get("vintageYear").asInt(), "the plan year, not the day of acceptance");
        assertEquals(403, api().get("/api/counties/" + county + "/reserve", officer).status());
        assertEquals(0, api().get("/api/townships/" + shouyang + "/inventory", officer).json().get("availableM2").asLong());

        Response opened = api().post("/api/violations", admin, Json.object("townshipId", shouyang, "areaM2", 2500,
                "caseNo", "陇自然资违〔2026〕88号", "description", "违法建房"));
        assertEquals(201, opened.status(), opened.body());
        assertEquals(2_500, opened.json().get("owedM2").asLong(), "all of it borrowed from the county reserve");
        assertEquals(0, opened.json().get("unsecuredM2").asLong());
        assertTrue(opened.json().get("frozen").get(0).get("borrowed").asBoolean());
        assertEquals(lot, opened.json().get("frozen").get(0).get("lotId").asLong());
        JsonNode after = api().get("/api/counties/" + county + "/reserve", admin).json();
        assertEquals(3_500, after.get("availableM2").asLong());
        assertEquals(2_500, after.get("frozenM2").asLong());
        assertTrue(api().get("/api/audit/invariants", admin).json().get("ok").asBoolean());
    }

    /** 6 000 m² of state-owned 其他草地 restored to 旱地 by the county itself (县级实施), for the 2022 plan. */
    private static Json project(long regionId) {
        return RestorationProject.in(regionId, 6000).inVillage("县级实施：城关片区").from("其他草地", "旱地")
                .withOwnership("国有").withPlanYear(2022).toJson();
    }
}
