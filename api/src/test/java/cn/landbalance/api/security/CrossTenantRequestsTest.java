package cn.landbalance.api.security;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.Enterprise;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import cn.landbalance.api.support.journey.RestorationProject;
import cn.landbalance.api.support.journey.Township;
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
    record Attempt(String who, String method, String path, Json body, int status) {
        Attempt(String who, String method, String path, Json body) {
            this(who, method, path, body, 0);
        }
    }

    /**
     * 巩昌镇's lot, listing, application, order and its notice ({@code n}, confirmed with {@code confirmation}), inflow
     * project and violation case in 陇西县, which the other tenants reach for.
     */
    record Scene(long longxi, long gongchang, long listing, long app, long orderId, String n, Json confirmation, long project,
                 long violation) {

        /** Another enterprise of the same county, and the payer itself. */
        List<Attempt> ofAnotherEnterprise() {
            String a = "/api/outflow-applications/" + app;
            String o = "/api/orders/" + orderId;
            String t = "/api/townships/" + gongchang;
            String q = "?countyId=" + longxi + "&year=2026";
            return List.of(
                    new Attempt("enterprise_transport", "GET", a, null),
                    new Attempt("enterprise_transport", "POST", a + "/declare", null),
                    new Attempt("enterprise_transport", "GET", a + "/confirmation", null),
                    new Attempt("enterprise_transport", "POST", a + "/fee-notices", Json.object("areaM2", 100), 404),
                    new Attempt("enterprise_transport", "GET", a + "/fee-payments", null),
                    new Attempt("enterprise_transport", "POST", a + "/self-restore", Json.object("lotId", 1, "areaM2", 100)),
                    new Attempt("enterprise_transport", "POST", "/api/orders", Enterprise.order(app, 10)),
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
                    new Attempt("enterprise_transport", "GET", "/api/violations/" + violation, null)
            );
        }

        /** Another township of the same county. */
        List<Attempt> ofAnotherTownship() {
            String a = "/api/outflow-applications/" + app;
            String o = "/api/orders/" + orderId;
            String t = "/api/townships/" + gongchang;
            String q = "?countyId=" + longxi + "&year=2026";
            return List.of(
                    new Attempt("officer_wenfeng", "GET", t + "/account", null),
                    new Attempt("officer_wenfeng", "GET", t + "/account/statement", null),
                    new Attempt("officer_wenfeng", "POST", t + "/account/expenses", Json.object("amountFen", 1, "category", "OTHER", "payeeName", "p", "purpose", "x")),
                    new Attempt("officer_wenfeng", "POST", t + "/account/reconciliations", null),
                    new Attempt("officer_wenfeng", "POST", "/api/listings", Json.object("townshipId", gongchang, "areaM2", 100, "pricePerMuFen", 5000000)),
                    new Attempt("officer_wenfeng", "POST", "/api/listings/" + listing + "/withdraw", null),
                    new Attempt("officer_wenfeng", "POST", "/api/inflow-projects/" + project + "/submit", null),
                    new Attempt("officer_wenfeng", "GET", "/api/inflow-projects/" + project, null),
                    new Attempt("officer_wenfeng", "POST", "/api/violations", Json.object("townshipId", gongchang, "areaM2", 1, "caseNo", "W", "description", "d")),
                    new Attempt("officer_wenfeng", "GET", o, null),
                    new Attempt("officer_wenfeng", "GET", n, null),
                    new Attempt("officer_wenfeng", "POST", n + "/confirm", confirmation, 404),
                    new Attempt("officer_wenfeng", "PUT", "/api/counties/" + longxi + "/assessment-plans/2026", Json.object("basePoints", 1, "maxBonusPoints", 0, "tasks", Json.array())),
                    new Attempt("officer_wenfeng", "GET", t + "/fee-duties", null),
                    new Attempt("officer_wenfeng", "GET", t + "/inventory?asOf=2026-01-01", null),
                    new Attempt("officer_wenfeng", "GET", "/api/counties/" + longxi + "/townships/" + gongchang + "/worklist", null),
                    new Attempt("officer_wenfeng", "POST", "/api/counties/" + longxi + "/reserve/transfers", Json.object("lotId", 1, "areaM2", 1, "reason", "x")),
                    new Attempt("officer_wenfeng", "PUT", "/api/counties/" + longxi + "/neighbours", Json.object("pairs", Json.array()))
            );
        }

        /** Another county's admin. */
        List<Attempt> ofAnotherCounty() {
            String a = "/api/outflow-applications/" + app;
            String o = "/api/orders/" + orderId;
            String t = "/api/townships/" + gongchang;
            String q = "?countyId=" + longxi + "&year=2026";
            return List.of(
                    new Attempt("weiyuan_admin", "GET", "/api/counties/" + longxi + "/rules", null),
                    new Attempt("weiyuan_admin", "GET", "/api/counties/" + longxi + "/balance", null),
                    new Attempt("weiyuan_admin", "GET", "/api/counties/" + longxi + "/assessment-plans/2026", null),
                    new Attempt("weiyuan_admin", "PUT", "/api/counties/" + longxi + "/assessment-plans/2026", Json.object("basePoints", 1, "maxBonusPoints", 0, "tasks", Json.array())),
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
                    new Attempt("weiyuan_admin", "POST", "/api/counties/" + longxi + "/reserve/transfers", Json.object("lotId", 1, "areaM2", 1, "reason", "x")),
                    new Attempt("weiyuan_admin", "GET", "/api/counties/" + longxi + "/neighbours", null),
                    new Attempt("weiyuan_admin", "PUT", "/api/counties/" + longxi + "/neighbours", Json.object("pairs", Json.array())),
                    new Attempt("weiyuan_admin", "GET", "/api/violations/" + violation, null),
                    new Attempt("weiyuan_admin", "POST", "/api/violations/" + violation + "/restore", Json.object("areaM2", 10, "reason", "拆除复垦")),
                    new Attempt("weiyuan_admin", "POST", "/api/violations/" + violation + "/legalize", null),
                    new Attempt("weiyuan_admin", "POST", "/api/violations", Json.object("townshipId", gongchang, "areaM2", 1, "caseNo", "WY", "description", "d")),
                    new Attempt("weiyuan_admin", "POST", "/api/inflow-projects/" + project + "/accept", Json.object("qualityGrade", 10)),
                    new Attempt("weiyuan_admin", "GET", "/api/inflow-projects/" + project, null),
                    new Attempt("weiyuan_admin", "GET", t + "/inventory", null),
                    new Attempt("weiyuan_admin", "GET", t + "/account", null),
                    new Attempt("weiyuan_admin", "GET", a, null),
                    new Attempt("weiyuan_admin", "POST", a + "/review", null),
                    new Attempt("weiyuan_admin", "GET", o, null),
                    new Attempt("weiyuan_admin", "GET", n, null),
                    new Attempt("weiyuan_admin", "POST", n + "/cancel", null),
                    new Attempt("weiyuan_admin", "GET", "/api/listings?countyId=" + longxi, null),
                    new Attempt("weiyuan_admin", "POST", "/api/organizations", Json.object("name", "冒充单位", "kind", "ENTERPRISE", "regionId", gongchang))
            );
        }
    }

    private Scene scene() {
        long longxi = countyId();
        createSecondCounty();
        Township gongchangOfficer = township("officer_gongchang");
        long gongchang = gongchangOfficer.id();
        acceptedLot("officer_gongchang", gongchang, "旱地", 20_000, 10);
        long listing = gongchangOfficer.lists(5_000, 5_000_000);
        Enterprise coop = enterprise("enterprise_coop");
        long app = coop.filesOutflow(OutflowDeclaration.in(gongchang).withUse("GREENING", "乔木林地"));
        coop.tryDeclare(app);
        Response order = coop.placesOrder(app, 500);
        long orderId = order.number("id");
        JsonNode notice = order.json().get("notices").get(0); // payable to 巩昌镇's fund
        String n = "/api/payment-notices/" + notice.get("id").asLong();
        Json confirmation = Json.object("bankSerial", "X-2", "receivedOn", Finance.issuedOn(notice),
                "amountFen", notice.get("amountFen").asLong());
        long project = gongchangOfficer.filesProject(RestorationProject.in(gongchang, 3_000));
        long violation = county().opensCase(gongchang, 100, "T-1", "违法占地").number("id");
        return new Scene(longxi, gongchang, listing, app, orderId, n, confirmation, project, violation);
    }

    @TestFactory
    Stream<DynamicTest> otherTenantsResourcesAreRefused() {
        Scene scene = scene();
        long longxi = scene.longxi();
        long gongchang = scene.gongchang();
        List<Attempt> attempts = new ArrayList<>(scene.ofAnotherEnterprise());
        attempts.addAll(scene.ofAnotherTownship());
        attempts.addAll(scene.ofAnotherCounty());
        String[] csvImports = {"/api/imports/inflow?countyId=" + longxi + "&year=2022", "/api/imports/outflow?countyId=" + longxi + "&year=2022"};

        String before = countySnapshot(login("county_admin"), longxi, gongchang);
        List<DynamicTest> tests = new ArrayList<>();
        for (Attempt at : attempts) {
            tests.add(DynamicTest.dynamicTest(at.who() + " " + at.method() + " " + at.path(), () -> {
                Response r = at.path().endsWith("/reconciliations")
                        ? api().send("POST", at.path(), login(at.who()), "date,amount,reference,counterparty\n", "text/csv")
                        : api().send(at.method(), at.path(), login(at.who()), at.body() == null ? null : at.body().toString(),
                                at.body() == null ? null : "application/json");
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
