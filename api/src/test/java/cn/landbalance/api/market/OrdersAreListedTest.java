package cn.landbalance.api.market;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.journey.Enterprise;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An enterprise that reloaded the page finds its unpaid order in its order list and cancels it there; each user sees the
 * orders that are theirs to see (the buyer its own, the selling township the orders on its listings, the county all),
 * newest first, paged and filtered on the server.
 */
@MicronautTest(transactional = false)
class OrdersAreListedTest extends ApiTest {
    private long gongchang;
    private long wenfeng;
    private final List<Long> coopOrders = new ArrayList<>();
    private long transportOrder;

    @BeforeAll
    void ordersOfTwoEnterprises() {
        gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        wenfeng = api().get("/api/me", login("officer_wenfeng")).number("regionId");
        acceptedLot("officer_gongchang", gongchang, "旱地", 10_000, 9);
        assertEquals(201, township("officer_gongchang").tryList(10_000, 5_000_000).status());
        long coopApplication = declaredOutflow(gongchang, 3_000);
        for (int i = 0; i < 3; i++) {
            coopOrders.add(order("enterprise_coop", coopApplication, 500));
        }
        String transport = login("enterprise_transport");
        Response created = api().post("/api/outflow-applications", transport,
                OutflowDeclaration.in(wenfeng).withArea(800).withGrade(14).toJson());
        api().post("/api/outflow-applications/" + created.number("id") + "/declare", transport, null);
        transportOrder = order("enterprise_transport", created.number("id"), 800);
    }

    @Test
    void theBuyerFindsItsUnpaidOrderNewestFirstAndCancelsItFromTheList() {
        String coop = login("enterprise_coop");
        Response list = api().get("/api/orders?status=PENDING_PAYMENT", coop);
        assertEquals(200, list.status(), list.body());
        assertEquals(List.of(coopOrders.get(2), coopOrders.get(1), coopOrders.get(0)), ids(list), "its own, newest first");
        assertEquals(3, list.number("total"));
        JsonNode first = list.json().get("items").get(0);
        assertEquals("PENDING_PAYMENT", first.get("status").asText());
        assertTrue(first.get("allocations").size() > 0 && first.get("amountFen").asLong() > 0, first.toString());

        Response page = api().get("/api/orders?size=2&page=1", coop);
        assertEquals(List.of(coopOrders.get(0)), ids(page), "the server pages");
        assertEquals(3, page.number("total"));

        assertEquals(200, api().post("/api/orders/" + coopOrders.get(0) + "/cancel", coop, null).status());
        assertEquals(List.of(coopOrders.get(0)), ids(api().get("/api/orders?status=CANCELLED", coop)));
        assertEquals(2, api().get("/api/orders?status=PENDING_PAYMENT", coop).number("total"));
    }

    @Test
    void eachUserSeesTheOrdersThatAreTheirs() {
        assertTrue(!ids(api().get("/api/orders", login("enterprise_transport"))).contains(coopOrders.get(1)), "not another buyer's");
        assertEquals(List.of(transportOrder), ids(api().get("/api/orders", login("enterprise_transport"))));
        List<Long> onGongchangListings = ids(api().get("/api/orders?size=500", login("officer_gongchang")));
        assertTrue(onGongchangListings.containsAll(coopOrders) && onGongchangListings.contains(transportOrder),
                "the selling township sees every order on its listings: " + onGongchangListings);
        assertEquals(List.of(), ids(api().get("/api/orders", login("officer_wenfeng"))), "a township with no sales and no purchases");
        String admin = login("county_admin");
        assertEquals(4, api().get("/api/orders", admin).number("total"));
        long transportOrg = api().get("/api/me", login("enterprise_transport")).number("orgId");
        assertEquals(List.of(transportOrder), ids(api().get("/api/orders?buyerOrgId=" + transportOrg, admin)));
        assertEquals(4, api().get("/api/orders?townshipId=" + gongchang, admin).number("total"));
        assertEquals(0, api().get("/api/orders?townshipId=" + wenfeng, admin).number("total"));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        assertEquals(4, api().get("/api/orders?from=" + today + "&to=" + today, admin).number("total"));
        assertEquals(0, api().get("/api/orders?to=2020-01-01", admin).number("total"));
        assertEquals(400, api().get("/api/orders?status=PAID", admin).status());
        createSecondCounty();
        assertEquals(0, api().get("/api/orders", login("weiyuan_admin")).number("total"), "another county sees none");
    }

    private long order(String buyer, long application, long areaM2) {
        Response r = api().post("/api/orders", login(buyer), Enterprise.order(application, areaM2));
        assertEquals(201, r.status(), r.body());
        return r.number("id");
    }

    private static List<Long> ids(Response r) {
        List<Long> ids = new ArrayList<>();
        r.json().get("items").forEach(o -> ids.add(o.get("id").asLong()));
        return ids;
    }
}
