package cn.landbalance.api.market;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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

/**
 * Contention, idempotency, expiry, cancellation and wrong confirmations of payment in the market (a payment is confirmed
 * by the selling township's finance, never declared by the buyer); expenses and reconciliation.
 */
@MicronautTest(transactional = false)
class MarketRulesTest extends ApiTest {
    long county;
    long gongchang;
    long wenfeng;
    Finance finance;

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
        finance = new Finance(api(), this::login);
        api().put("/api/counties/" + county + "/rules", login("county_admin"), "{\"feePerMuFen\":5000000,"
                + "\"guidePricePerMuFen\":4000000,\"surplusFactorPermille\":1000,\"sequencing\":\"SYNCHRONOUS\","
                + "\"qualityRule\":\"PER_LOT\",\"paymentTermWorkingDays\":3,\"declarationWindows\":[{\"from\":\"01-01\",\"to\":\"12-31\"}]}");
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
        // 文峰镇's finance confirms the thirty notices at once
        String officer = login("officer_wenfeng");
        List<Future<Response>> payments = new ArrayList<>();
        for (Response order : placed) {
            JsonNode notice = order.json().get("notices").get(0);
            assertEquals(wenfeng, notice.get("townshipId").asLong());
            payments.add(pool.submit((Callable<Response>) () -> finance.confirm(notice, "RACE-" + order.number("id"), officer)));
        }
        for (Future<Response> f : payments) {
            Response r = f.get();
            assertEquals(200, r.status(), r.body());
            assertEquals("PAID", r.string("status"));
        }
        pool.shutdown();
        for (Response order : placed) {
            assertEquals("SETTLED", api().get("/api/orders/" + order.number("id"), token).string("status"));
        }
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
    void ordersAndPaymentsAreIdempotentAndWrongOrLatePaymentsChangeNothing() throws Exception {
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
        // the order comes with one payment notice, payable to 巩昌镇's fund, due in 3 working days
        assertEquals("PENDING_PAYMENT", first.string("status"));
        assertEquals("待缴款", first.string("statusLabel"));
        assertEquals(0, first.number("paidFen"));
        assertEquals(1, first.json().get("notices").size());
        JsonNode notice = first.json().get("notices").get(0);
        assertEquals("ORDER", notice.get("kind").asText());
        assertEquals(orderId, notice.get("orderId").asLong());
        assertEquals(app, notice.get("applicationId").asLong());
        assertEquals(gongchang, notice.get("townshipId").asLong());
        assertEquals(300, notice.get("areaM2").asLong());
        assertEquals(amount, notice.get("amountFen").asLong());
        assertEquals("OPEN", notice.get("status").asText());
        assertTrue(notice.get("remittanceCode").asText().matches("\\d{14}"), notice.toString());
        LocalDate dueOn = workingDaysAfter(Finance.issuedOn(notice), 3);
        assertEquals(dueOn.toString(), notice.get("dueOn").asText());
        assertEquals(dueOn.plusDays(1).atStartOfDay(SHANGHAI).toInstant(), Instant.parse(first.string("expiresAt")),
                "the order lasts to the end of its notice's due date");

        // the buyer cannot declare it paid; others cannot see it; another township's finance cannot confirm it
        assertEquals(403, finance.confirm(notice, "PAY-1", login("enterprise_coop")).status());
        assertEquals(404, api().get("/api/payment-notices/" + notice.get("id").asLong(), login("enterprise_transport")).status());
        assertEquals(0, api().get("/api/payment-notices?orderId=" + orderId, login("enterprise_transport")).number("total"));
        assertEquals(404, api().get("/api/orders/" + orderId, login("enterprise_transport")).status());
        assertEquals(403, finance.confirm(notice, "PAY-X", login("enterprise_transport")).status());
        assertEquals(404, finance.confirm(notice, "PAY-X", login("officer_wenfeng")).status());

        String officer = login("officer_gongchang");
        long fundBefore = fund(gongchang);
        Response wrong = finance.confirm(notice, "PAY-1", amount - 1, Finance.issuedOn(notice), officer);
        assertEquals(422, wrong.status());
        assertEquals("PAYMENT_AMOUNT_MISMATCH", wrong.string("code"));
        assertEquals("amountFen", wrong.string("field"));
        Response future = finance.confirm(notice, "PAY-1", amount, LocalDate.now(SHANGHAI).plusDays(1), officer);
        assertEquals(400, future.status(), future.body());
        assertEquals("VALIDATION_FAILED", future.string("code"));
        assertEquals("receivedOn", future.string("field"));
        assertEquals(fundBefore, fund(gongchang), "a refused confirmation books nothing");

        // finance confirms the same receipt eight times at once: one settlement, the money booked once
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Response>> confirmations = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            confirmations.add(pool.submit((Callable<Response>) () -> api().send("POST",
                    "/api/payment-notices/" + notice.get("id").asLong() + "/confirm", officer, "{\"bankSerial\":\"PAY-1\","
                            + "\"receivedOn\":\"" + Finance.issuedOn(notice) + "\",\"amountFen\":" + amount + "}",
                    "application/json", null)));
        }
        try {
            for (Future<Response> f : confirmations) {
                Response r = f.get();
                assertEquals(200, r.status(), r.body());
                assertEquals("PAID", r.string("status"));
                assertEquals("PAY-1", r.json().get("receipt").get("bankSerial").asText());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(fundBefore + amount, fund(gongchang), "eight confirmations of one receipt book it once");
        Response paid = api().get("/api/orders/" + orderId, login("enterprise_coop"));
        assertEquals("SETTLED", paid.string("status"), paid.body());
        assertEquals("已结算", paid.string("statusLabel"));
        assertEquals("PAY-1", paid.string("paymentReference"));
        assertEquals(amount, paid.number("paidFen"));
        assertEquals("PAID", paid.json().get("notices").get(0).get("status").asText());
        Response paidAgain = api().send("POST", "/api/payment-notices/" + notice.get("id").asLong() + "/confirm", officer,
                "{\"bankSerial\":\"PAY-1\",\"receivedOn\":\"" + Finance.issuedOn(notice) + "\",\"amountFen\":" + amount + "}",
                "application/json", "confirm-key-1");
        assertEquals(200, paidAgain.status(), "a repeated confirmation answers with the paid notice: " + paidAgain.body());
        assertEquals(notice.get("id").asLong(), paidAgain.number("id"));
        Response otherSerial = finance.confirm(notice, "PAY-1-AGAIN", officer);
        assertEquals(409, otherSerial.status(), otherSerial.body());
        assertEquals("ILLEGAL_TRANSITION", otherSerial.string("code"), "a paid notice is not paid again");
        assertEquals(fundBefore + amount, fund(gongchang), "and is booked once");

        // the same bank serial on another order's notice is refused, and nothing is booked for it
        Response other = order("enterprise_coop", app, 100, null);
        assertEquals(201, other.status(), other.body());
        JsonNode otherNotice = other.json().get("notices").get(0);
        Response reused = finance.confirm(otherNotice, "PAY-1", officer);
        assertEquals(409, reused.status(), reused.body());
        assertEquals("PAYMENT_REFERENCE_REUSED", reused.string("code"));
        assertEquals("bankSerial", reused.string("field"));
        assertEquals(fundBefore + amount, fund(gongchang));
        assertEquals("OPEN", api().get("/api/payment-notices/" + otherNotice.get("id").asLong(), officer).string("status"));
        assertEquals(200, api().post("/api/orders/" + other.number("id") + "/cancel", login("enterprise_coop"), null).status());
        assertEquals(1_700, remainingOf(listing), "the cancelled order's area is listed again");

        // an order whose notice is not paid by the end of its due date expires by itself and its area returns to the
        // listing; its notice expires with it
        Response late = order("enterprise_coop", app, 200, null);
        assertEquals(201, late.status(), late.body());
        assertEquals(1_500, remainingOf(listing));
        Instant expiresAt = Instant.parse(late.string("expiresAt"));
        clock.advance(Duration.ofDays(1));
        try {
            assertEquals(0, expiry.expireDue(), "a day later the county's 3 working days have not run out");
            clock.reset();
            clock.advance(Duration.between(Instant.now(), expiresAt).minusMinutes(1));
            assertEquals(0, expiry.expireDue(), "the notice runs to the end of its due date");
            clock.advance(Duration.ofMinutes(2));
            assertEquals(1, expiry.expireDue());
        } finally {
            clock.reset();
        }
        assertEquals(1_700, remainingOf(listing));
        Response lateNow = api().get("/api/orders/" + late.number("id"), login("enterprise_coop"));
        assertEquals("EXPIRED", lateNow.string("status"));
        JsonNode lateNotice = lateNow.json().get("notices").get(0);
        assertEquals("EXPIRED", lateNotice.get("status").asText());
        Response expired = finance.confirm(lateNotice, "PAY-LATE", officer);
        assertEquals(409, expired.status(), expired.body());
        assertEquals("ILLEGAL_TRANSITION", expired.string("code"));

        Response cancelled = order("enterprise_coop", app, 200, null);
        Response cancelledNow = api().post("/api/orders/" + cancelled.number("id") + "/cancel", login("enterprise_coop"), null);
        assertEquals("CANCELLED", cancelledNow.string("status"));
        assertEquals("CANCELLED", cancelledNow.json().get("notices").get(0).get("status").asText());
        assertEquals(1_700, remainingOf(listing));
        Response afterCancel = finance.confirm(cancelled.json().get("notices").get(0), "PAY-C", officer);
        assertEquals(409, afterCancel.status(), afterCancel.body());
        assertEquals("ILLEGAL_TRANSITION", afterCancel.string("code"));
        assertEquals(fundBefore + amount, fund(gongchang), "nothing booked for the expired or cancelled order");

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
        Response fee = finance.payFee(feeApp, 1000, "BANK-IN-77", login("enterprise_coop"));
        assertEquals(200, fee.status(), fee.body());
        assertEquals(7_500_000, fee.number("amountFen"));

        String officer = login("officer_shouyang");
        Response tooMuch = api().post("/api/townships/" + shouyang + "/account/expenses", officer,
                "{\"amountFen\":7500001,\"category\":\"OTHER\",\"payeeName\":\"西关村股份经济合作社\","
                        + "\"purpose\":\"复垦工程款\"}");
        assertEquals(201, tooMuch.status(), tooMuch.body());
        Response refused = api().post("/api/expenses/" + tooMuch.number("id") + "/approve", login("county_admin"), "{}");
        assertEquals(422, refused.status(), refused.body());
        assertEquals("FUND_INSUFFICIENT", refused.string("code"));
        Response spent = finance.spend(shouyang, 2_500_000, "PAYOUT-1");
        assertEquals(200, spent.status(), spent.body());
        assertEquals("PAID", spent.string("status"));
        assertEquals(5_000_000, spent.number("fundBalanceFen"));
        assertEquals(404, api().post("/api/townships/" + shouyang + "/account/expenses", login("officer_gongchang"),
                "{\"amountFen\":1,\"category\":\"OTHER\",\"payeeName\":\"p\",\"purpose\":\"x\"}").status());

        String today = LocalDate.now(SHANGHAI).toString();
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

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** The day {@code days} working days (Monday to Friday) after {@code from}. */
    private static LocalDate workingDaysAfter(LocalDate from, int days) {
        LocalDate day = from;
        while (days > 0) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days--;
            }
        }
        return day;
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
