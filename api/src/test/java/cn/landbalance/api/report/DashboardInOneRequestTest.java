package cn.landbalance.api.report;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The county's dashboard answers in one request with the same figures as the townships' inventories; an empty county
 * is said to be empty; the year is chosen; other roles and counties are refused.
 */
@MicronautTest(transactional = false)
class DashboardInOneRequestTest extends ApiTest {
    @Test
    void oneAnswerWithTheInventoriesFiguresAndTheEmptyCountySaidSo() {
        String admin = login("county_admin");
        long county = countyId();
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        JsonNode empty = api().get("/api/counties/" + county + "/dashboard", admin).json();
        assertTrue(empty.get("empty").asBoolean(), "the bare county has no business yet");
        assertEquals(year, empty.get("year").asInt());
        assertEquals(17, empty.get("townships").size());
        assertEquals(year, empty.get("years").get(0).asInt());

        String officer = login("officer_wenfeng");
        long wenfeng = api().get("/api/me", officer).number("regionId");
        acceptedLot("officer_wenfeng", wenfeng, "旱地", 7_000, 10);
        assertEquals(201, api().post("/api/listings", officer,
                Json.object("townshipId", wenfeng, "areaM2", 2000, "pricePerMuFen", 5_000_000)).status());
        assertEquals(201, api().post("/api/violations", admin, Json.object("townshipId", wenfeng, "areaM2", 1000,
                "caseNo", "陇自然资违〔2026〕9号", "description", "违法建房")).status());

        JsonNode board = api().get("/api/counties/" + county + "/dashboard?year=" + year, admin).json();
        assertFalse(board.get("empty").asBoolean());
        JsonNode inventory = api().get("/api/townships/" + wenfeng + "/inventory", officer).json();
        for (JsonNode t : board.get("townships")) {
            if (t.get("regionId").asLong() == wenfeng) {
                assertEquals(inventory.get("availableM2").asLong(), t.get("availableM2").asLong());
                assertEquals(inventory.get("frozenM2").asLong(), t.get("frozenM2").asLong());
                assertEquals(1_000, t.get("frozenM2").asLong());
            }
        }
        assertEquals(6_000, board.get("availableM2").asLong(), "7 000 accepted, 1 000 frozen");
        assertEquals(1, board.get("freezeByTownship").size() > 0 ? 1 : 0);
        assertEquals(200, api().get("/api/counties/" + county + "/dashboard", login("county_viewer")).status());

        assertEquals(403, api().get("/api/counties/" + county + "/dashboard", officer).status());
        Response badYear = api().get("/api/counties/" + county + "/dashboard?year=1999", admin);
        assertEquals(400, badYear.status());
        assertEquals("year", badYear.json().get("field").asText());
        SecondCounty other = createSecondCounty();
        assertEquals(404, api().get("/api/counties/" + other.countyId() + "/dashboard", admin).status());
    }
}
