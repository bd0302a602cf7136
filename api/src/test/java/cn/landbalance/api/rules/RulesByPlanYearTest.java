package cn.landbalance.api.rules;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Fixtures;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.County;
import cn.landbalance.api.support.journey.Enterprise;
import cn.landbalance.api.support.journey.OutflowDeclaration;
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
        County county = county();
        String admin = county.token();
        String rules = "/api/counties/" + county.id() + "/rules";
        long township = township("officer_shouyang").id();
        Response y2022 = api().put(rules, admin, withYear(Fixtures.gansuRules(5_000_000, "SYNCHRONOUS"), 2022)
                .with("surplusFactorPermille", 1000));
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
            assertEquals(200, county.tryReview(id).status());
        }
        Response approvedOld = county.tryApprove(old, "同意");
        assertEquals(200, approvedOld.status(), "进出同步 in 2022: approved before coverage " + approvedOld.body());
        Response refused = county.tryApprove(current, "同意");
        assertEquals(422, refused.status(), refused.body());
        assertEquals("OBLIGATION_NOT_COVERED", refused.string("code"), "先进后出 from 2023");

        // a new version for 2023 on changes later decisions of 2023, never the obligation already fixed
        assertEquals(200, api().put(rules, admin, withYear(Fixtures.gansuRules(5_000_000, "SYNCHRONOUS"), 2023)
                .with("surplusFactorPermille", 1200)).status());
        assertEquals(1100, required(current, admin));
        assertEquals(200, county.tryApprove(current, "同意").status());
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
        Response oldFee = api().post("/api/outflow-applications/" + old + "/fee-notices", enterprise, Json.object("areaM2", 100));
        assertEquals(201, oldFee.status(), oldFee.body());
        assertEquals(versions.get(0).get("versionId").asLong(), oldFee.number("rulesVersionId"), "2022's version");
        Response currentFee = api().post("/api/outflow-applications/" + current + "/fee-notices", enterprise,
                Json.object("areaM2", 100));
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

    private static Json withYear(Json rules, int year) {
        return rules.with("fromYear", year);
    }

    /** An enterprise's 1 000 m² outflow of the plan year in the township, declared. */
    private long application(long township, int year, long areaM2) {
        Enterprise enterprise = enterprise("enterprise_coop");
        return enterprise.declaresOutflow(OutflowDeclaration.in(township).withArea(areaM2).withGrade(14).withPlanYear(year));
    }
}
