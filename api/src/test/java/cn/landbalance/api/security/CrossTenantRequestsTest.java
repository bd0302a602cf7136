package cn.landbalance.api.security;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another enterprise's application, orders and payment notices, another township's fund, notices, listings and
 * projects, another county's reports, rules, cases and imports: every such request is refused (404 where the resource
 * must not even be seen to exist, 403 where the role may never act — a payer confirming its own notice; 422 for an
 * organisation placed in another county's township, whose region tree is public) and changes nothing.
 */
@MicronautTest(transactional = false)
class CrossTenantRequestsTest extends ApiTest {
    /** {@code status}: the one answer expected, or 0 for "403 or 404". */
    record Attempt(String who, String method, String path, String body, int status) {
        Attempt(String who, String method, String path, String body) {
            this(who, method, path, body, 0);
        }
    }

    @TestFactory
    Stream<DynamicTest> otherTenantsResourcesAreRefused() {
        long longxi = countyId();
        createSecondCounty();
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        acceptedLot("officer_gongchang", gongchang, "旱地", 20_000, 10);
        long listing = api().post("/api/listings", login("officer_gongchang"),
                "{\"townshipId\":" + gongchang + ",\"areaM2\":5000,\"pricePerMuFen\":5000000}").number("id");
        String coop = login("enterprise_coop");
        long app = api().post("/api/outflow-applications", coop, "{\"townshipId\":" + gongchang
                + ",\"category\":\"GREENING\",\"landClassAfter\":\"乔木林地\",\"areaM2\":1000,\"qualityGrade\":12,\"paddy\":false,"
                + "\"permanentBasicFarmland\":false,\"plannedConstructionLand\":false,\"highStandardFarmland\":false}").number("id");
        api().post("/api/outflow-applications/" + app + "/declare", coop, null);
        Response order = api().post("/api/orders", coop, "{\"outflowApplicationId\":" + app + ",\"areaM2\":500}");
        assertEquals(201, order.status(), order.body());
        long orderId = order.number("id");
        JsonNode notice = order.json().get("notices").get(0); // payable to 巩昌镇's fund
        String n = "/api/payment-notices/" + notice.get("id").asLong();
        String confirmation = "{\"bankSerial\":\"X-2\",\"receivedOn\":\"" + Finance.issuedOn(notice) + "\",\"amountFen\":"
                + notice.get("amountFen").asLong() + "}";
        long project = api().post("/api/inflow-projects", login("officer_gongchang"), "{\"townshipId\":" + gongchang
                + ",\"village\":\"西关村\",\"landClassBefore\":\"其他林地\",\"targetClass\":\"旱地\",\"ownership\":\"集体\","
                + "\"slopeGrade\":2,\"areaM2\":3000,\"constraints\":{\"ecologicalRedLine\":false,\"natureReserve\":false,"
                + "\"waterSourceLevel1\":false,\"riverLakeForestPastoralDesert\":false,\"builtUpArea\":false,"
                + "\"returnedFarmlandForest\":false,\"pollutedSoil\":false,\"illegalDeforestation\":false}}").number("id");
        long violation = api().post("/api/violations", login("county_admin"), "{\"townshipId\":" + gongchang
                + ",\"areaM2\":100,\"caseNo\":\"T-1\",\"description\":\"违法占地\"}").number("id");

        String a = "/api/outflow-applications/" + app;
        String o = "/api/orders/" + orderId;
        String t = "/api/townships/" + gongchang;
        String q = "?countyId=" + longxi + "&year=2026";
        List<Attempt> attempts = new ArrayList<>(List.of(
                // another enterprise of the same county
                new Attempt("enterprise_transport", "GET", a, null),
                new Attempt("enterprise_transport", "POST", a + "/declare", null),
                new Attempt("enterprise_transport", "GET", a + "/confirmation", null),
                new Attempt("enterprise_transport", "POST", a + "/fee-notices", "{\"areaM2\":100}", 404),
                new Attempt("enterprise_transport", "GET", a + "/fee-payments", null),
                new Attempt("enterprise_transport", "POST", a + "/self-restore", "{\"lotId\":1,\"areaM2\":100}"),
                new Attempt("enterprise_transport", "POST", "/api/orders", "{\"outflowApplicationId\":" + app + ",\"areaM2\":10}"),
                new Attempt("enterprise_transport", "GET", o, null),
                new Attempt("enterprise_transport", "GET", n, null),
                new Attempt("enterprise_transport", "POST", n + "/confirm", confirmation),
                new Attempt("enterprise_transport", "POST", n + "/cancel", null),
                new Attempt("enterprise_transport", "GET", "/api/payment-notices?orderId=" + orderId, null, 200),
                // the payer itself: money is never declared by the payer, only confirmed by the payee's finance
                new Attempt("enterprise_coop", "POST", n + "/confirm", confirmation, 403),
                new Attempt("enterprise_transport", "POST", o + "/cancel", null),
                new Attempt("enterprise_transport", "GET", t + "/account", null),
                new Attempt("enterprise_transport", "GET", t + "/account/statement", null),
                new Attempt("enterprise_transport", "POST", "/api/listings/" + listing + "/withdraw", null),
                new Attempt("enterprise_transport", "GET", "/api/reports/funds" + q, null),
                new Attempt("enterprise_transport", "GET", "/api/violations/" + violation, null),
                // another township of the same county
                new Attempt("officer_wenfeng", "GET", t + "/account", null),
                new Attempt("officer_wenfeng", "GET", t + "/account/statement", null),
                new Attempt("officer_wenfeng", "POST", t + "/account/expenses", "{\"amountFen\":1,\"category\":\"OTHER\",\"payeeName\":\"p\",\"purpose\":\"x\"}"),
                new Attempt("officer_wenfeng", "POST", t + "/account/reconciliations", null),
                new Attempt("officer_wenfeng", "POST", "/api/listings", "{\"townshipId\":" + gongchang + ",\"areaM2\":100,\"pricePerMuFen\":5000000}"),
                new Attempt("officer_wenfeng", "POST", "/api/listings/" + listing + "/withdraw", null),
                new Attempt("officer_wenfeng", "POST", "/api/inflow-projects/" + project + "/submit", null),
                new Attempt("officer_wenfeng", "GET", "/api/inflow-projects/" + project, null),
                new Attempt("officer_wenfeng", "POST", "/api/violations", "{\"townshipId\":" + gongchang + ",\"areaM2\":1,\"caseNo\":\"W\",\"description\":\"d\"}"),
                new Attempt("officer_wenfeng", "GET", o, null),
                new Attempt("officer_wenfeng", "GET", n, null),
                new Attempt("officer_wenfeng", "POST", n + "/confirm", confirmation, 404),
                new Attempt("officer_wenfeng", "PUT", "/api/counties/" + longxi + "/assessment-plans/2026", "{\"basePoints\":1,\"maxBonusPoints\":0,\"tasks\":[]}"),
                new Attempt("officer_wenfeng", "GET", t + "/fee-duties", null),
                new Attempt("officer_wenfeng", "GET", t + "/inventory?asOf=2026-01-01", null),
                new Attempt("officer_wenfeng", "GET", "/api/counties/" + longxi + "/townships/" + gongchang + "/worklist", null),
                new Attempt("officer_wenfeng", "POST", "/api/counties/" + longxi + "/reserve/transfers", "{\"lotId\":1,\"areaM2\":1,\"reason\":\"x\"}"),
                new Attempt("officer_wenfeng", "PUT", "/api/counties/" + longxi + "/neighbours", "{\"pairs\":[]}"),
                // another county's admin
                new Attempt("weiyuan_admin", "GET", "/api/counties/" + longxi + "/rules", null),
                new Attempt("weiyuan_admin", "GET", "/api/counties/" + longxi + "/balance", null),
                new Attempt("weiyuan_admin", "GET", "/api/counties/" + longxi + "/assessment-plans/2026", null),
                new Attempt("weiyuan_admin", "PUT", "/api/counties/" + longxi + "/assessment-plans/2026", "{\"basePoints\":1,\"maxBonusPoints\":0,\"tasks\":[]}"),
                new Attempt("weiyuan_admin", "GET", "/api/reports/freeze-deduction" + q, null),
                new Attempt("weiyuan_admin", "GET", "/api/reports/annual-balance" + q, null),
                new Attempt("weiyuan_admin", "GET", "/api/reports/funds" + q, null),
                new Attempt("weiyuan_admin", "GET", "/api/reports/market" + q, null),
                new Attempt("weiyuan_admin", "GET", "/api/reports/assessment" + q, null),
                new Attempt("weiyuan_admin", "GET", "/api/reports/annual-balance" + q + "&asOf=2026-06-30", null),
                new Attempt("weiyuan_admin", "GET", "/api/reports/fund-spending" + q, null),
                new Attempt("weiyuan_admin", "GET", "/api/counties/" + longxi + "/fee-duties", null),
                new Attempt("weiyuan_admin", "GET", t + "/fee-duties", null),
                new Attempt("weiyuan_admin", "GET", "/api/counties/" + longxi + "/reserve?asOf=2026-06-30", null),
                new Attempt("weiyuan_admin", "GET", "/api/counties/" + longxi + "/reserve/transfers", null),
                new Attempt("weiyuan_admin", "POST", "/api/counties/" + longxi + "/reserve/transfers", "{\"lotId\":1,\"areaM2\":1,\"reason\":\"x\"}"),
                new Attempt("weiyuan_admin", "GET", "/api/counties/" + longxi + "/neighbours", null),
                new Attempt("weiyuan_admin", "PUT", "/api/counties/" + longxi + "/neighbours", "{\"pairs\":[]}"),
                new Attempt("weiyuan_admin", "GET", "/api/violations/" + violation, null),
                new Attempt("weiyuan_admin", "POST", "/api/violations/" + violation + "/restore", "{\"areaM2\":10,\"reason\":\"拆除复垦\"}"),
                new Attempt("weiyuan_admin", "POST", "/api/violations/" + violation + "/legalize", null),
                new Attempt("weiyuan_admin", "POST", "/api/violations", "{\"townshipId\":" + gongchang + ",\"areaM2\":1,\"caseNo\":\"WY\",\"description\":\"d\"}"),
                new Attempt("weiyuan_admin", "POST", "/api/inflow-projects/" + project + "/accept", "{\"qualityGrade\":10}"),
                new Attempt("weiyuan_admin", "GET", "/api/inflow-projects/" + project, null),
                new Attempt("weiyuan_admin", "GET", t + "/inventory", null),
                new Attempt("weiyuan_admin", "GET", t + "/account", null),
                new Attempt("weiyuan_admin", "GET", a, null),
                new Attempt("weiyuan_admin", "POST", a + "/review", null),
                new Attempt("weiyuan_admin", "GET", o, null),
                new Attempt("weiyuan_admin", "GET", n, null),
                new Attempt("weiyuan_admin", "POST", n + "/cancel", null),
                new Attempt("weiyuan_admin", "GET", "/api/listings?countyId=" + longxi, null),
                new Attempt("weiyuan_admin", "POST", "/api/organizations", "{\"name\":\"冒充单位\",\"kind\":\"ENTERPRISE\",\"regionId\":" + gongchang + "}")));
        String[] csvImports = {"/api/imports/inflow?countyId=" + longxi + "&year=2022", "/api/imports/outflow?countyId=" + longxi + "&year=2022"};

        String before = countySnapshot(login("county_admin"), longxi, gongchang);
        List<DynamicTest> tests = new ArrayList<>();
        for (Attempt at : attempts) {
            tests.add(DynamicTest.dynamicTest(at.who() + " " + at.method() + " " + at.path(), () -> {
                Response r = at.path().endsWith("/reconciliations")
                        ? api().send("POST", at.path(), login(at.who()), "date,amount,reference,counterparty\n", "text/csv")
                        : api().send(at.method(), at.path(), login(at.who()), at.body(), at.body() == null ? null : "application/json");
                if (at.status() == 200) {
                    // a list shows nothing of others
                    assertEquals(200, r.status(), r.body());
                    assertEquals(0, r.json().get("total").asLong(), r.body());
                    assertEquals(before, countySnapshot(login("county_admin"), longxi, gongchang), "nothing changed");
                    return;
                }
                if (at.status() != 0) {
                    assertEquals(at.status(), r.status(), r.body());
                }
                if (at.path().equals("/api/organizations")) {
                    // regions are public (the region tree); placing an organisation outside one's county is a rule
                    assertEquals("REGION_OUTSIDE_COUNTY", r.string("code"), r.body());
                } else {
                    assertTrue(r.status() == 403 || r.status() == 404, () -> r.status() + " " + r.body());
                }
                assertTrue(r.isProblem(), r::body);
                assertEquals(before, countySnapshot(login("county_admin"), longxi, gongchang), "nothing changed");
            }));
        }
        for (String path : csvImports) {
            tests.add(DynamicTest.dynamicTest("weiyuan_admin POST " + path, () -> {
                Response r = api().send("POST", path, login("weiyuan_admin"), "township,area_ha\n", "text/csv");
                assertTrue(r.status() == 403 || r.status() == 404, () -> r.status() + " " + r.body());
                assertEquals(before, countySnapshot(login("county_admin"), longxi, gongchang), "nothing changed");
            }));
        }
        return tests.stream();
    }

}
