package cn.landbalance.api.rules;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Seed 001's rules by year: 进出同步 for 2022, 先进后出 (and Gansu's 1 100‰) from 2023. A 2022 application is approved
 * uncovered, a 2023 one is not; each obligation keeps the factor it was fixed under when a later version changes it;
 * the versions are listed, and a bad year is refused naming the field.
 */
@MicronautTest(transactional = false)
class RulesByPlanYearTest extends ApiTest {

    @Test
    void eachPlanYearIsDecidedUnderItsOwnRules() {
        String admin = login("county_admin");
        long county = countyId();
        String rules = "/api/counties/" + county + "/rules";
        long township = api().get("/api/me", login("officer_shouyang")).number("regionId");
        Response y2022 = api().put(rules, admin, withYear(Fixtures.gansuRules(5_000_000, "SYNCHRONOUS"), 2022)
                .replace("\"surplusFactorPermille\":1100", "\"surplusFactorPermille\":1000"));
        assertEquals(200, y2022.status(), y2022.body());
        assertEquals(2022, y2022.number("fromYear"));
        assertEquals(200, api().put(rules, admin, withYear(Fixtures.gansuRules(5_000_000, "INFLOW_FIRST"), 2023)).status());

        assertEquals("SYNCHRONOUS", api().get(rules + "?year=2022", admin).string("sequencing"));
        assertEquals("INFLOW_FIRST", api().get(rules + "?year=2023", admin).string("sequencing"));
        assertEquals(1000, api().get(rules + "?year=2019", admin).number("surplusFactorPermille"), "before 2022: 2022's");

        long old = application(township, 2022, 1000);
        long current = application(township, 2023, 1000);
        assertEquals(1000, required(old, admin), "2022: no surplus");
        assertEquals(1100, required(current, admin), "2023: 1 100‰");

        for (long id : new long[]{old, current}) {
            assertEquals(200, api().post("/api/outflow-applications/" + id + "/review", admin, null).status());
        }
        Response approvedOld = api().post("/api/outflow-applications/" + old + "/approve", admin, "{\"reason\":\"同意\"}");
        assertEquals(200, approvedOld.status(), "进出同步 in 2022: approved before coverage " + approvedOld.body());
        Response refused = api().post("/api/outflow-applications/" + current + "/approve", admin, "{\"reason\":\"同意\"}");
        assertEquals(422, refused.status(), refused.body());
        assertEquals("OBLIGATION_NOT_COVERED", refused.string("code"), "先进后出 from 2023");

        // a new version for 2023 on changes later decisions of 2023, never the obligation already fixed
        assertEquals(200, api().put(rules, admin, withYear(Fixtures.gansuRules(5_000_000, "SYNCHRONOUS"), 2023)
                .replace("\"surplusFactorPermille\":1100", "\"surplusFactorPermille\":1200")).status());
        assertEquals(1100, required(current, admin));
        assertEquals(200, api().post("/api/outflow-applications/" + current + "/approve", admin, "{\"reason\":\"同意\"}").status());
        assertEquals(1200, required(application(township, 2023, 1000), admin),
                "a new application of 2023 takes the newest version");

        JsonNode versions = api().get(rules + "/versions", login("county_viewer")).json();
        java.util.List<Integer> years = new java.util.ArrayList<>();
        versions.forEach(v -> years.add(v.get("fromYear").asInt()));
        int thisYear = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        assertEquals(java.util.List.of(2022, 2023, 2023, thisYear), years, "by year, each kept: " + versions);
        assertNotEquals(versions.get(1).get("versionId").asLong(), versions.get(2).get("versionId").asLong());
        assertEquals("SYNCHRONOUS", versions.get(2).get("rules").get("sequencing").asText(), "2023's newest");
        // a fee notice names the version its amount was fixed under: its application's plan year's
        String enterprise = login("enterprise_coop");
        Response oldFee = api().post("/api/outflow-applications/" + old + "/fee-notices", enterprise, "{\"areaM2\":100}");
        assertEquals(201, oldFee.status(), oldFee.body());
        assertEquals(versions.get(0).get("versionId").asLong(), oldFee.number("rulesVersionId"), "2022's version");
        Response currentFee = api().post("/api/outflow-applications/" + current + "/fee-notices", enterprise,
                "{\"areaM2\":100}");
        assertEquals(versions.get(2).get("versionId").asLong(), currentFee.number("rulesVersionId"), "2023's newest");
        Response badYear = api().put(rules, admin, withYear(Fixtures.gansuRules(5_000_000, "SYNCHRONOUS"), 1999));
        assertEquals(400, badYear.status(), badYear.body());
        assertEquals("fromYear", badYear.string("field"));
        assertEquals(403, api().put(rules, login("county_viewer"), withYear(Fixtures.gansuRules(5_000_000, "SYNCHRONOUS"), 2024))
                .status());
    }

    private long required(long application, String token) {
        return api().get("/api/outflow-applications/" + application, token).json().get("obligation").get("requiredM2").asLong();
    }

    private static String withYear(String body, int year) {
        return body.substring(0, body.lastIndexOf('}')) + ",\"fromYear\":" + year + "}";
    }

    /** An enterprise's 1 000 m² outflow of the plan year in the township, declared. */
    private long application(long township, int year, long areaM2) {
        String enterprise = login("enterprise_coop");
        Response created = api().post("/api/outflow-applications", enterprise, "{\"townshipId\":" + township
                + ",\"category\":\"AGRI_FACILITY\",\"landClassAfter\":\"设施农用地\",\"areaM2\":" + areaM2
                + ",\"qualityGrade\":14,\"paddy\":false,\"permanentBasicFarmland\":false,\"plannedConstructionLand\":false,"
                + "\"highStandardFarmland\":false,\"planYear\":" + year + "}");
        assertEquals(201, created.status(), created.body());
        long id = created.number("id");
        assertEquals(200, api().post("/api/outflow-applications/" + id + "/declare", enterprise, null).status());
        return id;
    }
}
