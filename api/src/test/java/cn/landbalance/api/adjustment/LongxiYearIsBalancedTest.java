package cn.landbalance.api.adjustment;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.LongxiYear;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, done-when: Longxi 2022 imported, each township's self-balance recorded as coverage, the county's 调剂
 * proposed by the optimizer and confirmed under Gansu's 1 100‰: every township balanced, every application's remaining
 * area agrees with the report, the invariants hold. A 调剂 with compensation is refused whole when a fund cannot pay;
 * rejecting an adjusted application gives its lots back.
 */
@MicronautTest(transactional = false)
class LongxiYearIsBalancedTest extends ApiTest {

    @Test
    void selfBalanceThenTheCountysAdjustmentBalanceEveryTownship() {
        long county = countyId();
        String admin = login("county_admin");
        String viewer = login("county_viewer");
        Response original = api().get("/api/counties/" + county + "/rules", admin);
        try {
            LongxiYear.imported(api(), county, admin);
            JsonNode before = balance(county, viewer);
            long obligation = before.get("totals").get("obligationM2").asLong();
            assertEquals(obligation, before.get("totals").get("remainingM2").asLong(), "nothing covered yet");

            // 1. each township's self-balance: only its own lots, nothing paid
            Response own = api().post("/api/counties/" + county + "/adjustments/proposal", viewer,
                    Json.object("year", 2022, "scope", "OWN"));
            assertEquals(200, own.status(), own.body());
            for (JsonNode line : own.json().get("lines")) {
                assertEquals(line.get("fromRegionId").asLong(), line.get("toTownshipId").asLong());
                assertEquals(0, line.get("amountFen").asLong());
            }
            long ownArea = own.number("areaM2");
            assertTrue(own.number("shortM2") > 0, "some townships cannot balance alone");
            assertFalse(own.json().get("balancesEveryTownship").asBoolean());
            assertEquals(403, api().post("/api/counties/" + county + "/adjustments", viewer, LongxiYear.confirmAll("OWN", "FUND", own.json())).status(),
                    "a viewer looks, the admin confirms");
            Response ownDone = api().post("/api/counties/" + county + "/adjustments", admin, LongxiYear.confirmAll("OWN", "FUND", own.json()));
            assertEquals(201, ownDone.status(), ownDone.body());
            assertEquals(ownArea, ownDone.number("areaM2"));

            JsonNode afterOwn = balance(county, viewer);
            assertEquals(ownArea, afterOwn.get("totals").get("selfCoveredM2").asLong());
            assertEquals(obligation - ownArea, afterOwn.get("totals").get("remainingM2").asLong());
            assertEquals(own.number("shortM2"), afterOwn.get("totals").get("remainingM2").asLong(),
                    "what the proposal left short is what the report says remains");
            assertRemainingAgreesWithTheApplications(afterOwn, admin);

            // 2. the county's 调剂 at the guide price: the townships short of indicators have no money in their funds
            Response paid = api().post("/api/counties/" + county + "/adjustments/proposal", admin,
                    Json.object("year", 2022, "scope", "COUNTY", "compensation", "FUND"));
            assertEquals(200, paid.status(), paid.body());
            assertTrue(paid.json().get("balancesEveryTownship").asBoolean(), paid.body());
            assertEquals(afterOwn.get("totals").get("remainingM2").asLong(), paid.number("areaM2"),
                    "the surplus of 1.1006 covers every deficit");
            assertEquals(paid.number("areaM2") * 7_500, paid.number("amountFen"), "5万元/亩 is 75.00 元/m²; the lines are whole m²");
            Response broke = api().post("/api/counties/" + county + "/adjustments", admin, LongxiYear.confirmAll("COUNTY", "FUND", paid.json()));
            assertEquals(422, broke.status(), broke.body());
            assertEquals("FUND_INSUFFICIENT", broke.string("code"));
            assertEquals(afterOwn.get("totals"), balance(county, viewer).get("totals"), "refused whole: nothing changed");

            // 3. the county moves them without payment (县政府统筹调剂)
            Response free = api().post("/api/counties/" + county + "/adjustments/proposal", admin,
                    Json.object("year", 2022, "scope", "COUNTY", "compensation", "NONE"));
            assertEquals(0, free.number("amountFen"));
            Response done = api().post("/api/counties/" + county + "/adjustments", admin, LongxiYear.confirmAll("COUNTY", "NONE", free.json()));
            assertEquals(201, done.status(), done.body());
            JsonNode after = balance(county, viewer);
            JsonNode totals = after.get("totals");
            assertTrue(totals.get("countyBalanced").asBoolean(), after.toString());
            assertEquals(17, totals.get("balancedTownships").asInt());
            assertEquals(0, totals.get("remainingM2").asLong());
            assertEquals(obligation, totals.get("selfCoveredM2").asLong() + totals.get("adjustedInM2").asLong());
            long in = 0;
            long out = 0;
            for (JsonNode t : after.get("townships")) {
                in += t.get("adjustedInM2").asLong();
                out += t.get("adjustedOutM2").asLong();
                assertEquals(0, t.get("shortfallM2").asLong(), t.get("name").asText());
            }
            assertEquals(in, out, "every square metre received was given by another township");
            assertRemainingAgreesWithTheApplications(after, admin);
            Response annual = api().get("/api/reports/annual-balance?countyId=" + county + "&year=2022", viewer);
            assertEquals(totals, annual.json().get("totals"), "the annual report and the balance read the same definition");
            for (JsonNode t : api().get("/api/reports/assessment?countyId=" + county + "&year=2022", viewer).json().get("townships")) {
                assertEquals("BALANCED", t.get("standing").asText(), t.get("name").asText());
            }
            assertTrue(api().get("/api/audit/invariants", admin).json().get("ok").asBoolean());

            // the same lines again: each application is covered now
            Response again = api().post("/api/counties/" + county + "/adjustments", admin, LongxiYear.confirmAll("COUNTY", "NONE", free.json()));
            assertEquals(422, again.status(), again.body());
            assertEquals("OBLIGATION_OVER_COVERED", again.string("code"));
            JsonNode list = api().get("/api/counties/" + county + "/adjustments?year=2022", viewer).json();
            assertEquals(2, list.size());
            assertEquals("COUNTY", list.get(0).get("scope").asText());
            JsonNode one = api().get("/api/counties/" + county + "/adjustments/" + list.get(0).get("id").asLong(), viewer).json();
            assertEquals(free.json().get("lines").size(), one.get("lines").size());

            // rejecting an adjusted application gives the lots back to the township that gave them
            JsonNode line = one.get("lines").get(0);
            long lot = line.get("lotId").asLong();
            long giverSpare = spareOf(balance(county, viewer), line.get("fromRegionId").asLong());
            Response rejected = api().post("/api/outflow-applications/" + line.get("applicationId").asLong() + "/reject", admin,
                    Json.object("reason", "方案调整，该地块不再转出"));
            assertEquals(200, rejected.status(), rejected.body());
            assertTrue(spareOf(balance(county, viewer), line.get("fromRegionId").asLong()) >= giverSpare + line.get("areaM2").asLong(),
                    "lot " + lot + " has its area back");
            assertTrue(api().get("/api/audit/invariants", admin).json().get("ok").asBoolean());
        } finally {
            api().put("/api/counties/" + county + "/rules", admin, original.body());
        }
    }

    private JsonNode balance(long county, String token) {
        Response r = api().get("/api/counties/" + county + "/balance?year=2022", token);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static long spareOf(JsonNode balance, long township) {
        for (JsonNode t : balance.get("townships")) {
            if (t.get("townshipId").asLong() == township) {
                return t.get("spareM2").asLong();
            }
        }
        return 0;
    }

    /** Each township's remaining area in the balance is the sum of its applications' 尚需落实. */
    private void assertRemainingAgreesWithTheApplications(JsonNode balance, String admin) {
        Map<Long, Long> remaining = new HashMap<>();
        int page = 0;
        while (true) {
            JsonNode items = api().get("/api/outflow-applications?size=100&page=" + page, admin).json().get("items");
            if (items.isEmpty()) {
                break;
            }
            for (JsonNode a : items) {
                if (a.get("planYear").asInt() == 2022 && !a.get("status").asText().equals("REJECTED")
                        && !a.get("status").asText().equals("WITHDRAWN")) {
                    remaining.merge(a.get("townshipId").asLong(), a.get("obligation").get("remainingM2").asLong(), Long::sum);
                }
            }
            page++;
        }
        for (JsonNode t : balance.get("townships")) {
            assertEquals(remaining.getOrDefault(t.get("townshipId").asLong(), 0L), t.get("remainingM2").asLong(),
                    t.get("name").asText());
        }
    }
}
