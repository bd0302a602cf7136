package cn.landbalance.api.outflow;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The declaration form reads the outflow limits from {@code /api/rules/outflow} instead of restating them: every
 * signed-in user may read them, and each one served is where the server itself draws the line (a declaration at the
 * limit is taken, one just past it refused with the rule's code).
 */
@MicronautTest(transactional = false)
class DeclarationFormReadsTheServersLimitsTest extends ApiTest {
    private static final BigDecimal STEP = new BigDecimal("0.01");

    private JsonNode limits;
    private long gongchang;
    private String enterprise;

    @BeforeAll
    void readTheLimits() {
        gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        enterprise = login("enterprise_coop");
        Response response = api().get("/api/rules/outflow", enterprise);
        assertEquals(200, response.status(), response.body());
        limits = response.json();
    }

    @Test
    void theLimitsAreTheSeeds() {
        Map<String, JsonNode> belts = new HashMap<>();
        limits.get("greenBelts").forEach(b -> belts.put(b.get("roadType").asText(), b.get("maxWidthM")));
        assertEquals(3, belts.size());
        assertEquals(0, new BigDecimal("3").compareTo(belts.get("COUNTY_TOWNSHIP_ROAD").decimalValue()));
        assertEquals(0, new BigDecimal("5").compareTo(belts.get("RAILWAY_NATIONAL_PROVINCIAL_ROAD").decimalValue()));
        assertTrue(belts.get("RIVER_RESERVOIR").isNull(), "no width is set along rivers and reservoirs");
        assertEquals(0, new BigDecimal("1.0").compareTo(decimal("ruralRoadMinWidthM")));
        assertEquals(0, new BigDecimal("8.0").compareTo(decimal("ruralRoadMaxWidthM")));
        assertEquals("[\"草皮\",\"人工湖\"]", limits.get("lakeOrTurfLandClasses").toString());
        assertEquals(1, limits.get("qualityGradeMin").asInt());
        assertEquals(15, limits.get("qualityGradeMax").asInt());
        assertEquals(100, limits.get("landClassAfterMaxLength").asInt());
    }

    @Test
    void everySignedInUserReadsThemAndNoOneElse() {
        for (String user : List.of("county_admin", "county_viewer", "officer_gongchang", "enterprise_coop")) {
            assertEquals(limits, api().get("/api/rules/outflow", login(user)).json(), user);
        }
        assertEquals(401, api().get("/api/rules/outflow", null).status());
    }

    @Test
    void aGreenBeltAtTheServedWidthIsTakenAndOneWiderIsRefused() {
        for (JsonNode belt : limits.get("greenBelts")) {
            if (belt.get("maxWidthM").isNull()) {
                continue;
            }
            String road = belt.get("roadType").asText();
            BigDecimal max = belt.get("maxWidthM").decimalValue();
            assertEquals(201, declare(greenBelt(road, max)).status(), road + " at " + max);
            assertRefused(declare(greenBelt(road, max.add(STEP))), 422, "OUTFLOW_GREEN_BELT_TOO_WIDE");
        }
    }

    @Test
    void aRuralRoadWithinTheServedWidthsIsTakenAndOneOutsideIsRefused() {
        BigDecimal min = decimal("ruralRoadMinWidthM");
        BigDecimal max = decimal("ruralRoadMaxWidthM");
        assertEquals(201, declare(ruralRoad(min)).status());
        assertEquals(201, declare(ruralRoad(max)).status());
        assertRefused(declare(ruralRoad(min.subtract(STEP))), 422, "OUTFLOW_RURAL_ROAD_WIDTH");
        assertRefused(declare(ruralRoad(max.add(STEP))), 422, "OUTFLOW_RURAL_ROAD_WIDTH");
    }

    @Test
    void theServedLandClassesGradesAndLengthAreTheOnesChecked() {
        for (JsonNode landClass : limits.get("lakeOrTurfLandClasses")) {
            assertRefused(declare(Json.object("landClassAfter", landClass.asText())), 422, "OUTFLOW_LAKE_OR_TURF");
        }
        int maxLength = limits.get("landClassAfterMaxLength").asInt();
        assertEquals(201, declare(Json.object("landClassAfter", "林".repeat(maxLength))).status());
        assertRefused(declare(Json.object("landClassAfter", "林".repeat(maxLength + 1))), 400, "VALIDATION_FAILED");
        int lowest = limits.get("qualityGradeMin").asInt();
        int highest = limits.get("qualityGradeMax").asInt();
        assertEquals(201, declare(Json.object("qualityGrade", lowest)).status());
        assertEquals(201, declare(Json.object("qualityGrade", highest)).status());
        assertRefused(declare(Json.object("qualityGrade", lowest - 1)), 400, "VALIDATION_FAILED");
        assertRefused(declare(Json.object("qualityGrade", highest + 1)), 400, "VALIDATION_FAILED");
    }

    private BigDecimal decimal(String field) {
        return limits.get(field).decimalValue();
    }

    private static Json greenBelt(String roadType, BigDecimal widthM) {
        return Json.object("category", "GREEN_BELT", "landClassAfter", "乔木林地",
                "greenBelt", Json.object("roadType", roadType, "widthM", widthM));
    }

    private static Json ruralRoad(BigDecimal widthM) {
        return Json.object("landClassAfter", "农村道路", "ruralRoad", Json.object("widthM", widthM));
    }

    /** enterprise_coop's 设施农用地 outflow of 1 000 m² (grade 14) with {@code fields} in place of the defaults. */
    private Response declare(Json fields) {
        return api().post("/api/outflow-applications", enterprise,
                OutflowDeclaration.in(gongchang).withGrade(14).with(fields).toJson());
    }

    private static void assertRefused(Response response, int status, String code) {
        assertEquals(status, response.status(), response.body());
        assertEquals(code, response.string("code"), response.body());
    }
}
