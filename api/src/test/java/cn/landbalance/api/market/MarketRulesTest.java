package cn.landbalance.api.market;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contention, idempotency, expiry, cancellation and wrong payments in the market; expenses and reconciliation. */
@MicronautTest(transactional = false)
class MarketRulesTest extends ApiTest {
    long county;
    long gongchang;
    long wenfeng;

    @Inject
    OrderExpiry expiry;
    @Inject
    TestClock clock;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("landbalance.market.expiry-interval", "1h");
    }

    @BeforeAll
    void market() {
        county = countyId();
        gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        wenfeng = api().get("/api/me", login("officer_wenfeng")).number("regionId");
        api().put("/api/counties/" + county + "/rules", login("county_admin"), "{\"feePerMuFen\":5000000,"
                + "\"guidePricePerMuFen\":4000000,\"surplusFactorPermille\":1000,\"sequencing\":\"SYNCHRONOUS\","
                + "\"qualityRule\":\"PER_LOT\",\"orderTtlMinutes\":45,\"declarationWindows\":[{\"from\":\"01-01\",\"to\":\"12-31\"}]}");
    }

    private long application(String enterprise, long areaM2) {
        Response created = api().post("/api/outflow-applications", login(enterprise), "{\"townshipId\":" + gongchang
                + ",\"category\":\"AGRI_FACILITY\",\"landClassAfter\":\"设施农用地\",\"areaM2\":" + areaM2 + ",\"qualityGrade\":12,"
                + "\"paddy\":false,\"permanentBasicFarmland\":false,\"plannedConstructionLand\":false,\"highStandardFarmland\":false}");
        assertEquals(201, created.status(), created.body());
        return created.number("id");
    }

    private long listing(String officer, long township, long areaM2, long price) {
        Response listed = api().post("/api/listings", login(officer),
                "{\"townshipId\":" + township + ",\"areaM2\":" + areaM2 + ",\"pricePerMuFen\":" + price + "}");
        assertEquals(201, listed.status(), listed.body());
        return listed.number("id");
    }

    private Response order(String buyer, long application, long areaM2, String key) {
        return api().send("POST", "/api/orders", login(buyer),
                "{\"outflowApplicationId\":" + application + ",\"areaM2\":" + areaM2 + "}", "application/json", key);
    }

    @Test
    void sixtyFourBuyersRaceForLessThanTheyAskAndNoSquareMetreIsSoldTwice() throws Exception {
        acceptedLot("officer_wenfeng", wenfeng, "旱地", 3_000, 10);
        long listing = listing("officer_wenfeng", wenfeng, 3_000, 4_444_444);
        List<Long> apps = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            apps.add(application("enterprise_transport", 100));
        }
        String token = login("enterprise_transport");
        long fundBefore = fund(wenfeng);
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<Response>> results = new ArrayList<>();
        for (long app : apps) {
            results.add(pool.submit((Callable<Response>) () -> api().send("POST", "/api/orders", token,
                    "{\"outflowApplicationId\":" + app + ",\"areaM2\":100}", "application/json", null)));
        }
        List<Response> placed = new ArrayList<>();
        int refused = 0;
        for (Future<Response> f : results) {
            Response r = f.get();
            if (r.status() == 201) {
                placed.add(r);
            } else {
                assertEquals("INSUFFICIENT_LISTED_INDICATORS", r.string("code"), r.body());
                refused++;
            }
        }
        assertEquals(30, placed.size(), "3 000 m² listed, 100 m² each");
        assertEquals(34, refused);
        List<Future<Response>> payments = new ArrayList<>();
        for (Response order : placed) {
            payments.add(pool.submit((Callable<Response>) () -> api().post("/api/orders/" + order.number("id") + "/payments",
                    token, "{\"amountFen\":" + order.number("amountFen") + ",\"paymentReference\":\"RACE-" + order.number("id") + "\"}")));
        }
        for (Future<Response> f : payments) {
            assertEquals(200, f.get().status());
        }
        pool.shutdown();
        long perOrder = (100L * 4_444_444 * 15 + 5_000) / 10_000;
        assertEquals(fundBefore + 30 * perOrder, fund(wenfeng), "money posted = area sold × price, to the fen");
        JsonNode inventory = api().get("/api/townships/" + wenfeng + "/inventory", login("officer_wenfeng")).json();
        assertEquals(3_000, inventory.get("consumedM2").asLong());
        assertEquals(0, remainingOf(listing), "the listing is sold out, not oversold");
        assertTrue(api().get("/api/audit/invariants", login("county_admin")).json().get("ok").asBoolean());
    }

    private long remainingOf(long listingId) {
        for (JsonNode l : api().get("/api/listings?countyId=" + county + "&all=true", login("county_admin")).json().get("items")) {
            if (l.get("id").asLong() == listingId) {
                return l.get("remainingM2").asLong();
            }
        }
        return -1;
    }

    @Test
    void ordersAndPaymentsAreIdempotentAndWrongOrLatePaymentsChangeNothing() {
        acceptedLot("officer_gongchang", gongchang, "旱地", 2_000, 9);
        long listing = listing("officer_gongchang", gongchang, 2_000, 4_000_000);
        long app = application("enterprise_coop", 500);

        Response first = order("enterprise_coop", app, 300, "order-key-1");
        assertEquals(201, first.status(), first.body());
        Response repeat = order("enterprise_coop", app, 300, "order-key-1");
        assertEquals(201, repeat.status());
        assertEquals(first.number("id"), repeat.number("id"), "same key and body → the first answer");
        Response clash = order("enterprise_coop", app, 200, "order-key-1");
        assertEquals(409, clash.status());
        assertEquals("IDEMPOTENCY_KEY_REUSED", clash.string("code"));
        assertEquals(1_700, remainingOf(listing), "only one reservation was made");

        long orderId = first.number("id");
        long amount = first.number("amountFen");
        Response wrong = api().post("/api/orders/" + orderId + "/payments", login("enterprise_coop"),
                "{\"amountFen\":" + (amount - 1) + ",\"paymentReference\":\"PAY-1\"}");
        assertEquals(422, wrong.status());
        assertEquals("PAYMENT_AMOUNT_MISMATCH", wrong.string("code"));
        assertEquals(404, api().post("/api/orders/" + orderId + "/payments", login("enterprise_transport"),
                "{\"amountFen\":" + amount + ",\"paymentReference\":\"PAY-X\"}").status());

        long fundBefore = fund(gongchang);
        Response paid = api().send("POST", "/api/orders/" + orderId + "/payments", login("enterprise_coop"),
                "{\"amountFen\":" + amount + ",\"paymentReference\":\"PAY-1\"}", "application/json", "pay-key-1");
        assertEquals("SETTLED", paid.string("status"), paid.body());
        Response paidAgain = api().post("/api/orders/" + orderId + "/payments", login("enterprise_coop"),
                "{\"amountFen\":" + amount + ",\"paymentReference\":\"PAY-1\"}");
        assertEquals("SETTLED", paidAgain.string("status"), "a repeated payment answers with the settled order");
        assertEquals(fundBefore + amount, fund(gongchang), "and is booked once");

        // the same payment reference on another order is refused, and nothing is booked for it
        Response other = order("enterprise_coop", app, 100, null);
        assertEquals(201, other.status(), other.body());
        Response reused = api().post("/api/orders/" + other.number("id") + "/payments", login("enterprise_coop"),
                "{\"amountFen\":" + other.number("amountFen") + ",\"paymentReference\":\"PAY-1\"}");
        assertEquals(409, reused.status(), reused.body());
        assertEquals("PAYMENT_REFERENCE_REUSED", reused.string("code"));
        assertEquals(fundBefore + amount, fund(gongchang));
        assertEquals(200, api().post("/api/orders/" + other.number("id") + "/cancel", login("enterprise_coop"), null).status());
        assertEquals(1_700, remainingOf(listing), "the cancelled order's area is listed again");

        // an order that is not paid in time expires by itself and its area returns to the listing
        Response late = order("enterprise_coop", app, 200, null);
        assertEquals(201, late.status(), late.body());
        assertEquals(1_500, remainingOf(listing));
        clock.advance(Duration.ofMinutes(31));
        try {
            assertEquals(0, expiry.expireDue(), "the county's orders live 45 minutes (the default would be 30)");
            clock.advance(Duration.ofMinutes(15));
            assertEquals(1, expiry.expireDue());
        } finally {
            clock.reset();
        }
        assertEquals(1_700, remainingOf(listing));
        Response expired = api().post("/api/orders/" + late.number("id") + "/payments", login("enterprise_coop"),
                "{\"amountFen\":" + late.number("amountFen") + ",\"paymentReference\":\"PAY-LATE\"}");
        assertEquals(409, expired.status());
        assertEquals("ORDER_EXPIRED", expired.string("code"));

        Response cancelled = order("enterprise_coop", app, 200, null);
        assertEquals("CANCELLED", api().post("/api/orders/" + cancelled.number("id") + "/cancel", login("enterprise_coop"), null)
                .string("status"));
        assertEquals(1_700, remainingOf(listing));
        assertEquals(409, api().post("/api/orders/" + cancelled.number("id") + "/payments", login("enterprise_coop"),
                "{\"amountFen\":" + cancelled.number("amountFen") + ",\"paymentReference\":\"PAY-C\"}").status());

        Response withdrawn = api().post("/api/listings/" + listing + "/withdraw", login("officer_gongchang"), null);
        assertEquals("WITHDRAWN", withdrawn.string("status"));
        assertEquals("INSUFFICIENT_LISTED_INDICATORS", order("enterprise_coop", app, 100, null).string("code"));
        assertNotEquals(0, fund(gongchang));
        assertTrue(api().get("/api/audit/invariants", login("county_admin")).json().get("ok").asBoolean());
    }

    @Test
    void aFinanceOfficerSpendsOnlyWhatTheFundHoldsAndReconcilesTheBankStatement() {
        long shouyang = api().get("/api/me", login("officer_shouyang")).number("regionId");
        Response created = api().post("/api/outflow-applications", login("enterprise_coop"), "{\"townshipId\":" + shouyang
                + ",\"category\":\"AGRI_FACILITY\",\"landClassAfter\":\"设施农用地\",\"areaM2\":1000,\"qualityGrade\":12,"
                + "\"paddy\":false,\"permanentBasicFarmland\":false,\"plannedConstructionLand\":false,\"highStandardFarmland\":false}");
        long feeApp = created.number("id");
        assertEquals(201, api().post("/api/outflow-applications/" + feeApp + "/fee-payments", login("enterprise_coop"),
                "{\"areaM2\":1000,\"amountFen\":7500000,\"paymentReference\":\"BANK-IN-77\"}").status());

        String officer = login("officer_shouyang");
        Response tooMuch = api().post("/api/townships/" + shouyang + "/account/expenses", officer,
                "{\"amountFen\":7500001,\"purpose\":\"复垦工程款\",\"reference\":\"PAYOUT-1\"}");
        assertEquals(422, tooMuch.status());
        assertEquals("FUND_INSUFFICIENT", tooMuch.string("code"));
        Response spent = api().post("/api/townships/" + shouyang + "/account/expenses", officer,
                "{\"amountFen\":2500000,\"purpose\":\"复垦工程款（西关村）\",\"reference\":\"PAYOUT-1\"}");
        assertEquals(201, spent.status(), spent.body());
        assertEquals(5_000_000, spent.number("balanceFen"));
        assertEquals(404, api().post("/api/townships/" + shouyang + "/account/expenses", login("officer_gongchang"),
                "{\"amountFen\":1,\"purpose\":\"x\",\"reference\":\"Y\"}").status());

        String today = java.time.LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String bank = "date,amount,reference,counterparty\n"
                + today + ",75000.00,BANK-IN-77,陇西县巩昌镇示范种养殖专业合作社\n"
                + today + ",-25000.00,PAYOUT-1,西关村股份经济合作社\n"
                + today + ",120.00,INTEREST-11,银行结息\n";
        Response rec = api().send("POST", "/api/townships/" + shouyang + "/account/reconciliations", officer, bank, "text/csv", null);
        assertEquals(200, rec.status(), rec.body());
        assertEquals(2, rec.json().get("matched").size());
        assertEquals(1, rec.json().get("unmatchedBankLines").size());
        assertEquals("INTEREST-11", rec.json().get("unmatchedBankLines").get(0).get("reference").asText());
        assertEquals(0, rec.json().get("unmatchedLedgerEntries").size());

        Response missingLine = api().send("POST", "/api/townships/" + shouyang + "/account/reconciliations", officer,
                "date,amount,reference,counterparty\n" + today + ",75000.00,BANK-IN-77,x\n", "text/csv", null);
        assertEquals(1, missingLine.json().get("unmatchedLedgerEntries").size());
        assertEquals("PAYOUT-1", missingLine.json().get("unmatchedLedgerEntries").get(0).get("reference").asText());
        assertEquals(400, api().send("POST", "/api/townships/" + shouyang + "/account/reconciliations", officer,
                "date,amount\n", "text/csv", null).status());
    }

    private long fund(long township) {
        return api().get("/api/townships/" + township + "/account", login("county_admin")).number("balanceFen");
    }

    /**
     * Lets a test move the application's clock forward (order expiry) and back. It replaces the clock of every test
     * application (a bean on the test classpath), in the county's zone like the real one.
     */
    @io.micronaut.context.annotation.Replaces(Clock.class)
    @jakarta.inject.Singleton
    static class TestClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        void reset() {
            offset = Duration.ZERO;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of(cn.landbalance.ledger.common.CountyTime.DEFAULT_ZONE);
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
