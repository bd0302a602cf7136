package cn.landbalance.api.market;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.Enterprise;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The township's finance confirms two orders' notices at the same moment with the same bank serial: neither
 * confirmation sees the other's serial before it commits, so the database's uniqueness decides. The loser gets a 409
 * (never a 500), and only one payment is booked.
 */
@MicronautTest(transactional = false)
class SamePaymentReferenceRaceTest extends ApiTest {
    private static final int ROUNDS = 8;

    @Test
    void twoNoticesConfirmedAtOnceWithOneSerialSettleOnceAndTheOtherIsRefusedWithAConflict() throws Exception {
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        String officer = login("officer_gongchang");
        String buyer = login("enterprise_coop");
        acceptedLot("officer_gongchang", gongchang, "旱地", 20_000, 9);
        assertEquals(201, api().post("/api/listings", officer, Json.object("townshipId", gongchang, "areaM2", 20000,
                "pricePerMuFen", 5_000_000)).status());
        Response created = api().post("/api/outflow-applications", buyer,
                OutflowDeclaration.in(gongchang).withArea(5000).toJson());
        assertEquals(201, created.status(), created.body());
        long app = created.number("id");
        long fundBefore = fund(gongchang);
        Finance finance = new Finance(api(), this::login);
        long booked = 0;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String reference = "RACE-REF-" + app + "-" + round;
                List<Response> orders = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    Response order = api().post("/api/orders", buyer, Enterprise.order(app, 100));
                    assertEquals(201, order.status(), order.body());
                    orders.add(order);
                }
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> payments = new ArrayList<>();
                for (Response order : orders) {
                    JsonNode notice = order.json().get("notices").get(0);
                    payments.add(pool.submit(() -> {
                        start.await();
                        return finance.confirm(notice, reference, officer);
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    Response paid = payments.get(i).get();
                    statuses.add(paid.status());
                    if (paid.status() == 200) {
                        booked += orders.get(i).number("amountFen");
                    } else {
                        assertEquals(409, paid.status(), paid.body());
                        assertTrue(Set.of("PAYMENT_REFERENCE_REUSED", "CONCURRENT_UPDATE").contains(paid.string("code")), paid.body());
                        assertEquals("PENDING_PAYMENT", api().get("/api/orders/" + orders.get(i).number("id"), buyer).string("status"));
                        assertEquals(200, api().post("/api/orders/" + orders.get(i).number("id") + "/cancel", buyer, null).status());
                    }
                }
                assertEquals(List.of(200, 409), statuses.stream().sorted().toList(), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(fundBefore + booked, fund(gongchang), "each reference booked once");
        assertTrue(api().get("/api/audit/invariants", login("county_admin")).json().get("ok").asBoolean());
    }

    private long fund(long townshipId) {
        return api().get("/api/townships/" + townshipId + "/account", login("county_admin")).number("balanceFen");
    }
}
