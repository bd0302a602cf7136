package cn.landbalance.api.outflow;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An applicant may declare its outflow's area by slope grade and its ownership (权属性质), as 附表2 prints them; the
 * annual report's 附表2 then shows them. Grades that do not add up to the area are refused, naming the field.
 */
@MicronautTest(transactional = false)
class DeclaredOutflowKeepsItsSlopesTest extends ApiTest {

    private String body(long township, String slopes, String ownership) {
        return "{\"townshipId\":" + township + ",\"category\":\"PLANTING_ADJUSTMENT\",\"landClassAfter\":\"果园\",\"areaM2\":15000,"
                + "\"qualityGrade\":12,\"paddy\":false,\"permanentBasicFarmland\":false,\"plannedConstructionLand\":false,"
                + "\"highStandardFarmland\":false,\"planYear\":2026" + (slopes == null ? "" : ",\"slopes\":" + slopes)
                + (ownership == null ? "" : ",\"ownership\":\"" + ownership + "\"") + "}";
    }

    @Test
    void theSlopeBreakdownAndOwnershipReachTheAppendixTable() {
        String enterprise = login("enterprise_coop");
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        Response wrong = api().post("/api/outflow-applications", enterprise, body(gongchang,
                "{\"grade1M2\":10000,\"grade2M2\":4999,\"grade3M2\":0,\"grade4M2\":0,\"grade5M2\":0}", null));
        assertEquals(400, wrong.status(), wrong.body());
        assertEquals("slopes", wrong.string("field"));

        Response created = api().post("/api/outflow-applications", enterprise, body(gongchang,
                "{\"grade1M2\":0,\"grade2M2\":10000,\"grade3M2\":0,\"grade4M2\":5000,\"grade5M2\":0}", "国有"));
        assertEquals(201, created.status(), created.body());
        assertEquals(5000, created.json().get("slopes").get("grade4M2").asLong());
        assertEquals("国有", created.string("ownership"));
        Response plain = api().post("/api/outflow-applications", enterprise, body(gongchang, null, null));
        assertEquals("集体", plain.string("ownership"), "without them: 集体, all at grade 1");
        assertEquals(15000, plain.json().get("slopes").get("grade1M2").asLong());

        JsonNode appendix = api().get("/api/reports/annual-balance?countyId=" + countyId() + "&year=2026", login("county_viewer"))
                .json().get("appendix2");
        assertEquals(2, appendix.size());
        JsonNode row = appendix.get(0).get("ownership").asText().equals("国有") ? appendix.get(0) : appendix.get(1);
        assertEquals(10000, row.get("slope2M2").asLong());
        assertEquals(5000, row.get("slope4M2").asLong());
        assertEquals(15000, row.get("areaM2").asLong());
    }
}
