package cn.landbalance.api.adjustment;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 就近调剂: 首阳镇's own project (grade 14) needs 1 000 m²; 巩昌镇 has a lot of 1 000 m² of grade 10, 文峰镇 one of
 * grade 9. With no neighbours recorded the 调剂 takes 巩昌镇's (keeping the better land); once the county records that
 * 文峰镇 borders 首阳镇, it takes 文峰镇's.
 * Bad pairs are refused naming the pair; a viewer reads the pairs but cannot set them.
 */
@MicronautTest(transactional = false)
class NeighboursFirstTest extends ApiTest {

    @Test
    void theCountysAdjustmentTakesANeighboursIndicatorsFirst() {
        String admin = login("county_admin");
        String viewer = login("county_viewer");
        long county = countyId();
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        long wenfeng = api().get("/api/me", login("officer_wenfeng")).number("regionId");
        String shouyangOfficer = login("officer_shouyang");
        long shouyang = api().get("/api/me", shouyangOfficer).number("regionId");
        long gongchangLot = acceptedLot("officer_gongchang", gongchang, "旱地", 1_000, 10);
        long wenfengLot = acceptedLot("officer_wenfeng", wenfeng, "旱地", 1_000, 9);
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        Response created = api().post("/api/outflow-applications", shouyangOfficer,
                OutflowDeclaration.in(shouyang).withGrade(14).toJson());
        assertEquals(201, created.status(), created.body());
        String neighbours = "/api/counties/" + county + "/neighbours";
        assertEquals(0, api().get(neighbours, viewer).json().get("pairs").size(), "none recorded yet");
        assertEquals(gongchangLot, proposedLot(county, year, admin), "all equally near: the grade closest to the need's");

        Response self = api().put(neighbours, admin, pairs(Json.array(shouyang, shouyang)));
        assertEquals(400, self.status(), self.body());
        assertEquals("pairs[0]", self.string("field"));
        Response foreign = api().put(neighbours, admin, pairs(Json.array(shouyang, wenfeng), Json.array(shouyang, county)));
        assertEquals("pairs[1]", foreign.string("field"), "the county itself is not a township: " + foreign.body());
        assertEquals(403, api().put(neighbours, viewer, pairs()).status());
        assertEquals(0, api().get(neighbours, viewer).json().get("pairs").size(), "refusals record nothing");

        Response set = api().put(neighbours, admin, pairs(Json.array(wenfeng, shouyang), Json.array(shouyang, wenfeng)));
        assertEquals(200, set.status(), set.body());
        JsonNode pairs = set.json().get("pairs");
        assertEquals(1, pairs.size(), "a pair named from both sides counts once");
        assertTrue(pairs.get(0).toString().contains("文峰镇") && pairs.get(0).toString().contains("首阳镇"), pairs.toString());

        assertEquals(wenfengLot, proposedLot(county, year, admin), "the neighbour's lot, though of a better grade than needed");
    }

    private long proposedLot(long county, int year, String admin) {
        Response proposal = api().post("/api/counties/" + county + "/adjustments/proposal", admin,
                Json.object("year", year, "scope", "COUNTY", "compensation", "NONE"));
        assertEquals(200, proposal.status(), proposal.body());
        JsonNode lines = proposal.json().get("lines");
        assertEquals(1, lines.size(), lines.toString());
        assertEquals(1_000, lines.get(0).get("areaM2").asLong());
        return lines.get(0).get("lotId").asLong();
    }

    /** The county's neighbouring townships, each pair an array of two region ids. */
    private static Json pairs(Json... pairs) {
        return Json.object("pairs", Json.array((Object[]) pairs));
    }
}
