package cn.landbalance.api.market;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.Enterprise;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bank serial (支付流水号) pays one thing: the serial finance confirmed an order's notice with cannot confirm a fee
 * notice, nor a fee's an order's.
 */
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
        Response created = api().post("/api/outflow-applications", login(enterprise),
                OutflowDeclaration.in(gongchang).withArea(areaM2).toJson());
        assertEquals(201, created.status(), created.body());
        return created.number("id");
    }

    private void listing(String officer, long township, long areaM2, long price) {
        assertEquals(201, api().post("/api/listings", login(officer),
                Json.object("townshipId", township, "areaM2", areaM2, "pricePerMuFen", price)).status());
    }

    private Response order(String buyer, long application, long areaM2, String key) {
        return api().send("POST", "/api/orders", login(buyer),
                Enterprise.order(application, areaM2).toString(), "application/json", key);
    }

    private long fund(long township) {
        return api().get("/api/townships/" + township + "/account", login("county_admin")).number("balanceFen");
    }

    @Test
    void aBankSerialPaysOneThingOnly() {
        acceptedLot("officer_wenfeng", wenfeng, "旱地", 2_000, 10);
        listing("officer_wenfeng", wenfeng, 2_000, 4_444_444);
        Response order = order("enterprise_coop", application("enterprise_coop", 100), 100, null);
        assertEquals(201, order.status(), order.body());
        Finance finance = new Finance(api(), this::login);
        // 文峰镇's finance confirms the order's notice with the bank's serial
        Response paid = finance.settleOrder(order.number("id"), "ICBC-20261201-0001", login("enterprise_coop"));
        assertEquals("SETTLED", paid.string("status"), paid.body());
        // 巩昌镇's finance cannot confirm a fee notice with it
        long feeFen = cn.landbalance.ledger.common.Units.amountFen(100, 5_000_000);
        long gongchangFund = fund(gongchang);
        Response feeApp = finance.feeNotice(application("enterprise_coop", 100), 100, login("enterprise_coop"));
        assertEquals(201, feeApp.status(), feeApp.body());
        assertEquals(feeFen, feeApp.number("amountFen"));
        Response reused = finance.confirm(feeApp.json(), "ICBC-20261201-0001", login("officer_gongchang"));
        assertEquals(409, reused.status(), reused.body());
        assertEquals("PAYMENT_REFERENCE_REUSED", reused.string("code"));
        assertEquals("bankSerial", reused.string("field"));
        assertEquals("OPEN", api().get("/api/payment-notices/" + feeApp.number("id"), login("enterprise_coop")).string("status"));
        assertEquals(gongchangFund, fund(gongchang), "nothing booked for the refused fee");

        // and a serial that paid a fee cannot pay an order's notice
        Response fee = finance.payFee(application("enterprise_coop", 100), 100, "ICBC-20261201-0002", login("enterprise_coop"));
        assertEquals(200, fee.status(), fee.body());
        Response second = order("enterprise_coop", application("enterprise_coop", 100), 100, null);
        assertEquals(201, second.status(), second.body());
        long wenfengFund = fund(wenfeng);
        Response feeSerial = finance.confirm(second.json().get("notices").get(0), "ICBC-20261201-0002", login("officer_wenfeng"));
        assertEquals(409, feeSerial.status(), feeSerial.body());
        assertEquals("PAYMENT_REFERENCE_REUSED", feeSerial.string("code"));
        assertEquals("PENDING_PAYMENT", api().get("/api/orders/" + second.number("id"), login("enterprise_coop")).string("status"),
                "refused whole: the order still waits for its own payment");
        assertEquals(wenfengFund, fund(wenfeng));
        assertTrue(api().get("/api/audit/invariants", login("county_admin")).json().get("ok").asBoolean());
    }

}
