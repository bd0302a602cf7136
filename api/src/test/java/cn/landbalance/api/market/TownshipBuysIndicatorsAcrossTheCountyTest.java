package cn.landbalance.api.market;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Fixtures;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.Enterprise;
import cn.landbalance.api.support.journey.Township;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On Longxi's 2022 plan under the Gansu rule, 碧岩镇 cannot balance on its own (inflow 1.9313 公顷 < obligation
 * 2.0632 公顷). It uses its own indicators first and buys the rest from townships with a surplus; the buyer's
 * obligations reach zero and the sellers' inventories and funds move by exactly the allocations, once each seller's
 * finance confirms its payment notice.
 */
@MicronautTest(transactional = false)
class TownshipBuysIndicatorsAcrossTheCountyTest extends ApiTest {

    @Test
    void biyanCoversItsDeficitByBuyingFromGongchangAndWenfeng() {
        long county = countyId();
        String admin = login("county_admin");
        api().put("/api/counties/" + county + "/rules", admin, Fixtures.gansuRules(4_000_000, "SYNCHRONOUS"));
        String query = "?countyId=" + county + "&year=2022&qualityGrade=14";
        api().send("POST", "/api/imports/inflow" + query, admin, Fixtures.longxiInflow(), "text/csv");
        String outflowCsv = Fixtures.resource("/longxi/longxi-2022-zhuanchu.csv").replace("双泉乡", "双泉镇")
                .replace("权家湾镇,农村道路,集体,,0.0003,0.0019,0.0003,,0.0024", "权家湾镇,农村道路,集体,,0.0003,0.0018,0.0003,,0.0024");
        assertEquals(81, api().send("POST", "/api/imports/outflow" + query, admin, outflowCsv, "text/csv").number("imported"));

        Map<String, Long> townships = new HashMap<>();
        Map<String, Long> orgs = new HashMap<>();
        for (JsonNode t : api().get("/api/regions?parentId=" + county, admin).json()) {
            townships.put(t.get("name").asText(), t.get("id").asLong());
        }
        for (JsonNode o : api().get("/api/organizations?kind=TOWNSHIP&size=100", admin).json().get("items")) {
            orgs.put(o.get("name").asText(), o.get("id").asLong());
        }
        long biyan = townships.get("碧岩镇");
        assertEquals(201, api().post("/api/users", admin, Json.object("username", "officer_biyan", "password", DEMO_PASSWORD,
                "role", "TOWNSHIP_OFFICER", "orgId", orgs.get("碧岩镇人民政府"))).status());
        String biyanOfficer = login("officer_biyan");
        Finance finance = new Finance(api(), this::login);

        // 1. 自行平衡 first: 碧岩镇 covers what it can with its own lots
        JsonNode apps = api().get("/api/outflow-applications?townshipId=" + biyan + "&size=100", biyanOfficer).json().get("items");
        JsonNode lots = api().get("/api/townships/" + biyan + "/inventory", biyanOfficer).json().get("lots");
        long own = 0;
        int lotIndex = 0;
        long lotLeft = lots.get(0).get("availableM2").asLong();
        for (JsonNode app : apps) {
            long need = app.get("obligation").get("remainingM2").asLong();
            while (need > 0 && lotIndex < lots.size()) {
                long part = Math.min(need, lotLeft);
                Response covered = api().post("/api/outflow-applications/" + app.get("id").asLong() + "/self-restore",
                        biyanOfficer, Json.object("lotId", lots.get(lotIndex).get("id").asLong(), "areaM2", part));
                assertEquals(200, covered.status(), covered.body());
                need -= part;
                lotLeft -= part;
                own += part;
                if (lotLeft == 0 && ++lotIndex < lots.size()) {
                    lotLeft = lots.get(lotIndex).get("availableM2").asLong();
                }
            }
        }
        assertEquals(19_313, own, "all of 碧岩镇's own inflow");

        // 2. townships with a surplus list indicators above the guide price
        long gongchang = townships.get("巩昌镇");
        long wenfeng = townships.get("文峰镇");
        Response cheap = township("officer_gongchang").tryList(1000, 4_200_000);
        assertEquals(201, cheap.status(), cheap.body());
        Township wenfengOfficer = township("officer_wenfeng");
        assertEquals(201, wenfengOfficer.tryList(1500, 4_500_000).status());
        Response belowGuide = wenfengOfficer.tryList(10, 3_999_999);
        assertEquals("LISTING_PRICE_BELOW_GUIDE", belowGuide.string("code"));

        long gongchangFund = fund(gongchang);
        long wenfengFund = fund(wenfeng);
        long gongchangConsumed = consumed(gongchang);
        long wenfengConsumed = consumed(wenfeng);

        // 3. 碧岩镇 buys the remaining 1 319 m²: the cheapest listing first
        long bought = 0;
        Map<Long, Long> paidTo = new HashMap<>();
        Map<Long, Long> areaFrom = new HashMap<>();
        for (JsonNode app : api().get("/api/outflow-applications?townshipId=" + biyan + "&size=100", biyanOfficer).json().get("items")) {
            long remaining = app.get("obligation").get("remainingM2").asLong();
            if (remaining == 0) {
                continue;
            }
            Response order = api().post("/api/orders", biyanOfficer, Enterprise.order(app.get("id").asLong(), remaining));
            assertEquals(201, order.status(), order.body());
            assertEquals("PENDING_PAYMENT", order.string("status"));
            long sum = 0;
            Map<Long, Long> orderTo = new HashMap<>();
            for (JsonNode a : order.json().get("allocations")) {
                long expected = (a.get("areaM2").asLong() * a.get("pricePerMuFen").asLong() * 15 + 5_000) / 10_000;
                assertEquals(expected, a.get("amountFen").asLong(), "round_half_up(area × price × 15 / 10 000)");
                sum += a.get("amountFen").asLong();
                paidTo.merge(a.get("townshipId").asLong(), a.get("amountFen").asLong(), Long::sum);
                areaFrom.merge(a.get("townshipId").asLong(), a.get("areaM2").asLong(), Long::sum);
                orderTo.merge(a.get("townshipId").asLong(), a.get("amountFen").asLong(), Long::sum);
            }
            assertEquals(sum, order.number("amountFen"));
            // one notice per selling township, for what the order buys from it
            Map<Long, Long> noticed = new HashMap<>();
            for (JsonNode notice : order.json().get("notices")) {
                noticed.put(notice.get("townshipId").asLong(), notice.get("amountFen").asLong());
                assertEquals("碧岩镇人民政府", notice.get("payerName").asText());
                assertEquals(404, finance.confirm(notice, "BIYAN-SELF", biyanOfficer).status(),
                        "the buying township's officer does not confirm its own payment");
            }
            assertEquals(orderTo, noticed);
            // the selling townships' finance confirm the money arrived
            Response paid = finance.settleOrder(order.number("id"), "BIYAN-" + order.number("id"), biyanOfficer);
            assertEquals(200, paid.status(), paid.body());
            assertEquals("SETTLED", paid.string("status"));
            assertEquals(sum, paid.number("paidFen"));
            bought += remaining;
        }
        assertEquals(1_319, bought);
        assertEquals(1_000, areaFrom.get(gongchang), "the cheaper 巩昌镇 listing is taken first, whole");
        assertEquals(319, areaFrom.get(wenfeng));
        for (JsonNode app : api().get("/api/outflow-applications?townshipId=" + biyan + "&size=100", biyanOfficer).json().get("items")) {
            assertEquals(0, app.get("obligation").get("remainingM2").asLong());
        }
        assertEquals(gongchangFund + paidTo.get(gongchang), fund(gongchang));
        assertEquals(wenfengFund + paidTo.get(wenfeng), fund(wenfeng));
        assertEquals(gongchangConsumed + 1_000, consumed(gongchang));
        assertEquals(wenfengConsumed + 319, consumed(wenfeng));

        JsonNode row = api().get("/api/counties/" + county + "/balance?year=2022", admin).json().get("townships");
        for (JsonNode t : row) {
            if (t.get("townshipId").asLong() == biyan) {
                assertEquals(19_313, t.get("selfCoveredM2").asLong());
                assertEquals(1_319, t.get("boughtM2").asLong());
                assertEquals(0, t.get("remainingM2").asLong());
            }
        }
        long anApp = api().get("/api/outflow-applications?townshipId=" + biyan + "&size=100", biyanOfficer).json().get("items")
                .get(0).get("id").asLong();
        Response confirmation = api().get("/api/outflow-applications/" + anApp + "/confirmation", biyanOfficer);
        assertEquals(200, confirmation.status(), confirmation.body());
        assertEquals(confirmation.number("requiredM2"), confirmation.number("coveredM2"));
        JsonNode invariants = api().get("/api/audit/invariants", admin).json();
        assertTrue(invariants.get("ok").asBoolean(), invariants.toString());

        // the county's market and fund reports show the same sales
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        long paidTotal = paidTo.values().stream().mapToLong(Long::longValue).sum();
        Response market = api().get("/api/reports/market?countyId=" + county + "&year=" + year, login("county_viewer"));
        assertEquals(200, market.status(), market.body());
        assertEquals(1_319, market.number("areaM2"));
        assertEquals(paidTotal, market.number("amountFen"));
        Response funds = api().get("/api/reports/funds?countyId=" + county + "&year=" + year, login("county_viewer"));
        assertEquals(200, funds.status(), funds.body());
        for (JsonNode t : funds.json().get("townships")) {
            long id = t.get("townshipId").asLong();
            assertEquals(paidTo.getOrDefault(id, 0L), t.get("salesFen").asLong(), t.get("name").asText());
            assertEquals(fund(id), t.get("closingFen").asLong(), "closing = the fund's balance, carried over");
        }
        assertEquals(200, api().download("/api/reports/funds?countyId=" + county + "&year=" + year, login("county_viewer"),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").status());
    }

    private long fund(long township) {
        return api().get("/api/townships/" + township + "/account", login("county_admin")).number("balanceFen");
    }

    private long consumed(long township) {
        return api().get("/api/townships/" + township + "/inventory", login("county_admin")).number("consumedM2");
    }
}
