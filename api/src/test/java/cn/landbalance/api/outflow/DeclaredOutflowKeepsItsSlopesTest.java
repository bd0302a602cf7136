package cn.landbalance.api.outflow;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.OutflowDeclaration;
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

    /** 15 000 m² turned into an orchard (果园) for the 2026 plan, with its slopes and ownership when given. */
    private Json body(long township, Json slopes, String ownership) {
        OutflowDeclaration form = OutflowDeclaration.in(township).withUse("PLANTING_ADJUSTMENT", "果园").withArea(15000)
                .withPlanYear(2026);
        form = slopes == null ? form : form.with("slopes", slopes);
        return (ownership == null ? form : form.with("ownership", ownership)).toJson();
    }

    /** Square metres of the parcel on each slope grade, 1 (≤ 2°) to 5 (> 25°). */
    private static Json slopes(long grade1, long grade2, long grade3, long grade4, long grade5) {
        return Json.object("grade1M2", grade1, "grade2M2", grade2, "grade3M2", grade3, "grade4M2", grade4, "grade5M2", grade5);
    }

    @Test
    void theSlopeBreakdownAndOwnershipReachTheAppendixTable() {
        String enterprise = login("enterprise_coop");
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        Response wrong = api().post("/api/outflow-applications", enterprise, body(gongchang,
                slopes(10000, 4999, 0, 0, 0), null));
        assertEquals(400, wrong.status(), wrong.body());
        assertEquals("slopes", wrong.string("field"));

        Response created = api().post("/api/outflow-applications", enterprise, body(gongchang,
                slopes(0, 10000, 0, 5000, 0), "国有"));
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
