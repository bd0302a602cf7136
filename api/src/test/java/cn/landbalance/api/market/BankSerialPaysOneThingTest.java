package cn.landbalance.api.market;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bank serial (支付流水号) pays one thing: an order's serial cannot pay a fee, nor a fee's an order. */
@MicronautTest(transactional = false)
class BankSerialPaysOneThingTest extends ApiTest {
    long gongchang;
    long wenfeng;

    @BeforeAll
    void rules() {
        gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        wenfeng = api().get("/api/me", login("officer_wenfeng")).number("regionId");
        assertEquals(200, api().put("/api/counties/" + countyId() + "/rules", login("county_admin"),
                cn.landbalance.api.support.Fixtures.gansuRules(4_000_000, "SYNCHRONOUS")).status());
    }

    private long application(String enterprise, long areaM2) {
        Response created = api().post("/api/outflow-applications", login(enterprise), "{\"townshipId\":" + gongchang
                + ",\"category\":\"AGRI_FACILITY\",\"landClassAfter\":\"设施农用地\",\"areaM2\":" + areaM2 + ",\"qualityGrade\":12,"
                + "\"paddy\":false,\"permanentBasicFarmland\":false,\"plannedConstructionLand\":false,\"highStandardFarmland\":false}");
        assertEquals(201, created.status(), created.body());
        return created.number("id");
    }

    private void listing(String officer, long township, long areaM2, long price) {
        assertEquals(201, api().post("/api/listings", login(officer),
                "{\"townshipId\":" + township + ",\"areaM2\":" + areaM2 + ",\"pricePerMuFen\":" + price + "}").status());
    }

    private Response order(String buyer, long application, long areaM2, String key) {
        return api().send("POST", "/api/orders", login(buyer),
                "{\"outflowApplicationId\":" + application + ",\"areaM2\":" + areaM2 + "}", "application/json", key);
    }

    @Test
    void aBankSerialPaysOneThingOnly() {
        acceptedLot("officer_wenfeng", wenfeng, "旱地", 2_000, 10);
        listing("officer_wenfeng", wenfeng, 2_000, 4_444_444);
        Response order = order("enterprise_coop", application("enterprise_coop", 100), 100, null);
        assertEquals(201, order.status(), order.body());
        Response paid = api().post("/api/orders/" + order.number("id") + "/payments", login("enterprise_coop"),
                "{\"amountFen\":" + order.number("amountFen") + ",\"paymentReference\":\"ICBC-20261201-0001\"}");
        assertEquals(200, paid.status(), paid.body());
        String fee = "{\"areaM2\":100,\"amountFen\":" + cn.landbalance.ledger.common.Units.amountFen(100, 5_000_000)
                + ",\"paymentReference\":\"%s\"}";
        Response reused = api().post("/api/outflow-applications/" + application("enterprise_coop", 100) + "/fee-payments",
                login("enterprise_coop"), fee.formatted("ICBC-20261201-0001"));
        assertEquals(409, reused.status(), reused.body());
        assertEquals("PAYMENT_REFERENCE_REUSED", reused.string("code"));
        assertEquals("paymentReference", reused.string("field"));

        assertEquals(201, api().post("/api/outflow-applications/" + application("enterprise_coop", 100) + "/fee-payments",
                login("enterprise_coop"), fee.formatted("ICBC-20261201-0002")).status());
        Response second = order("enterprise_coop", application("enterprise_coop", 100), 100, null);
        Response feeSerial = api().post("/api/orders/" + second.number("id") + "/payments", login("enterprise_coop"),
                "{\"amountFen\":" + second.number("amountFen") + ",\"paymentReference\":\"ICBC-20261201-0002\"}");
        assertEquals(409, feeSerial.status(), feeSerial.body());
        assertEquals("PENDING_PAYMENT", api().get("/api/orders/" + second.number("id"), login("enterprise_coop")).string("status"),
                "refused whole: the order still waits for its own payment");
        assertTrue(api().get("/api/audit/invariants", login("county_admin")).json().get("ok").asBoolean());
    }

}
