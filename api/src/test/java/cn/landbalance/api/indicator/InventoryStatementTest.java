package cn.landbalance.api.indicator;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A township's indicator statement (指标台账) is read from the movements: the lot's acceptance, an order's reservation
 * and its consumption when paid each appear once, the closing buckets equal the live inventory, and the buckets before
 * today (an inventory as of yesterday) are what they were then. The county reserve has its own statement.
 */
@MicronautTest(transactional = false)
class InventoryStatementTest extends ApiTest {

    @Test
    void theStatementReplaysTheMovementsAndClosesOnTheLiveInventory() {
        String officer = login("officer_shouyang");
        long shouyang = api().get("/api/me", officer).number("regionId");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String path = "/api/townships/" + shouyang + "/inventory/statement";
        JsonNode before = api().get(path + "?from=" + today + "&to=" + today, officer).json();

        long lot = acceptedLot("officer_shouyang", shouyang, "水浇地", 5_000, 9);
        Response listed = api().post("/api/listings", officer, Json.object("townshipId", shouyang, "areaM2", 2000,
                "pricePerMuFen", 5_000_000));
        assertEquals(201, listed.status(), listed.body());
        long app = declaredOutflow(shouyang, 1000);
        Response order = enterprise("enterprise_coop").tryOrder(app, 1000);
        assertEquals(201, order.status(), order.body());
        assertEquals("SETTLED", new Finance(api(), this::login).settleOrder(order.number("id"), "STMT-1",
                login("enterprise_coop")).string("status"));

        JsonNode statement = api().get(path + "?from=" + today + "&to=" + today, officer).json();
        JsonNode lines = statement.get("lines");
        java.util.Map<String, Long> added = new java.util.TreeMap<>();
        JsonNode issue = null;
        for (int i = before.get("lines").size(); i < lines.size(); i++) {
            added.merge(lines.get(i).get("kind").asText(), lines.get(i).get("areaM2").asLong(), Long::sum);
            if ("ISSUE".equals(lines.get(i).get("kind").asText())) {
                issue = lines.get(i);
            }
        }
        assertEquals(java.util.Map.of("CONSUME", 1_000L, "ISSUE", 5_000L, "RESERVE", 1_000L), added, lines.toString());
        assertEquals("验收入库", issue.get("kindLabel").asText());
        assertEquals(lot, issue.get("lotId").asLong());
        long availableBefore = before.get("closing").get("availableM2").asLong();
        assertEquals(availableBefore + 5_000 - 1_000, lines.get(lines.size() - 1).get("availableAfterM2").asLong());

        JsonNode live = api().get("/api/townships/" + shouyang + "/inventory", officer).json();
        JsonNode closing = statement.get("closing");
        for (String bucket : new String[]{"availableM2", "reservedM2", "frozenM2", "consumedM2", "deductedM2"}) {
            assertEquals(live.get(bucket).asLong(), closing.get(bucket).asLong(), bucket);
        }
        JsonNode yesterday = api().get(path + "?from=" + today.minusDays(1) + "&to=" + today.minusDays(1), officer).json();
        assertEquals(yesterday.get("closing"), statement.get("opening"), "the end of yesterday is the start of today");
        assertEquals(0, api().get(path + "?from=" + today.plusDays(1) + "&to=" + today.plusDays(1), officer).json()
                .get("lines").size(), "nothing tomorrow");

        Response backwards = api().get(path + "?from=" + today + "&to=" + today.minusDays(1), officer);
        assertEquals(400, backwards.status());
        assertEquals("to", backwards.string("field"));
        Response ancient = api().get(path + "?from=0001-01-01&to=0001-01-02", officer);
        assertEquals(400, ancient.status(), ancient.body());
        assertEquals("from", ancient.string("field"));
        assertEquals(404, api().get(path, login("officer_gongchang")).status(), "another township's statement");
        long county = countyId();
        assertEquals(200, api().get("/api/counties/" + county + "/reserve/statement", login("county_viewer")).status());
        assertEquals(403, api().get("/api/counties/" + county + "/reserve/statement", officer).status());
    }
}
