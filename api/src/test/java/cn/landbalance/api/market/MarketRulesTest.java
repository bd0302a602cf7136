package cn.landbalance.api.market;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Fixtures;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.County;
import cn.landbalance.api.support.journey.Enterprise;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import cn.landbalance.api.support.journey.Township;
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
    County admin;
    Enterprise coop;
    Township gongchangOfficer;
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
        admin = county();
        county = admin.id();
        coop = enterprise("enterprise_coop");
        gongchangOfficer = township("officer_gongchang");
        gongchang = gongchangOfficer.id();
        wenfeng = township("officer_wenfeng").id();
        finance = new Finance(api(), this::login);
        // 4万元/亩, 1 000‰, 进出同步, payment within 3 working days
        api().put("/api/counties/" + county + "/rules", admin.token(), Fixtures.gansuRules(4_000_000, "SYNCHRONOUS")
                .with("surplusFactorPermille", 1000).with("paymentTermWorkingDays", 3));
    }

    private long application(Enterprise enterprise, long areaM2) {
        return enterprise.filesOutflow(OutflowDeclaration.in(gongchang).withArea(areaM2));
    }

    private Response order(Enterprise buyer, long application, long areaM2, String key) {
        return api().send("POST", "/api/orders", buyer.token(), Enterprise.order(application, areaM2).toString(),
                "application/json", key);
    }

    @Test
    void sixtyFourBuyersRaceForLessThanTheyAskAndNoSquareMetreIsSoldTwice() throws Exception {
        Township wenfengOfficer = township("officer_wenfeng");
        acceptedLot("officer_wenfeng", wenfeng, "旱地", 3_000, 10);
        long listing = wenfengOfficer.lists(3_000, 4_444_444);
        Enterprise transport = enterprise("enterprise_transport");
        List<Long> apps = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            apps.add(application(transport, 100));
        }
        long fundBefore = fund(wenfeng);
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<Response>> results = new ArrayList<>();
        for (long app : apps) {
            results.add(pool.submit((Callable<Response>) () -> order(transport, app, 100, null)));
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
        wenfengsFinanceConfirmsTheThirtyNoticesAtOnce(pool, placed, wenfengOfficer, transport);
        long perOrder = (100L * 4_444_444 * 15 + 5_000) / 10_000;
        assertEquals(fundBefore + 30 * perOrder, fund(wenfeng), "money posted = area sold × price, to the fen");
        assertEquals(3_000, wenfengOfficer.inventory().get("consumedM2").asLong());
        assertEquals(0, remainingOf(listing), "the listing is sold out, not oversold");
        assertTrue(admin.get("/api/audit/invariants").json().get("ok").asBoolean());
    }

    private void wenfengsFinanceConfirmsTheThirtyNoticesAtOnce(ExecutorService pool, List<Response> placed,
                                                                Township wenfengOfficer, Enterprise buyer) throws Exception {
        String officer = wenfengOfficer.token();
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
            assertEquals("SETTLED", buyer.get("/api/orders/" + order.number("id")).string("status"));
        }
    }

    private long remainingOf(long listingId) {
        for (JsonNode l : admin.get("/api/listings?countyId=" + county + "&all=true").json().get("items")) {
            if (l.get("id").asLong() == listingId) {
                return l.get("remainingM2").asLong();
            }
        }
        return -1;
    }

    @Test
    void ordersAndPaymentsAreIdempotentAndWrongOrLatePaymentsChangeNothing() throws Exception {
        acceptedLot("officer_gongchang", gongchang, "旱地", 2_000, 9);
        long listing = gongchangOfficer.lists(2_000, 4_000_000);
        long app = application(coop, 500);

        Response first = anOrderSentTwiceWithOneKeyIsPlacedOnce(app, listing);
        long amount = first.number("amountFen");
        JsonNode notice = theOrderComesWithOneNoticeDueInThreeWorkingDays(first, app);
        othersCannotDeclareSeeOrConfirmIt(notice, first.number("id"));
        long fundBefore = fund(gongchang);
        aWrongAmountOrADayToComeBooksNothing(notice, amount, fundBefore);
        eightConfirmationsOfOneReceiptBookItOnce(notice, first.number("id"), amount, fundBefore);
        theSameSerialOnAnotherOrdersNoticeIsRefused(app, listing, amount, fundBefore);
        anOrderUnpaidByTheEndOfItsDueDateExpires(app, listing);
        aCancelledOrExpiredOrderIsNeverPaid(app, listing, amount, fundBefore);

        Response withdrawn = gongchangOfficer.post("/api/listings/" + listing + "/withdraw");
        assertEquals("WITHDRAWN", withdrawn.string("status"));
        assertEquals("INSUFFICIENT_LISTED_INDICATORS", order(coop, app, 100, null).string("code"));
        assertNotEquals(0, fund(gongchang));
        assertTrue(admin.get("/api/audit/invariants").json().get("ok").asBoolean());
    }

    private Response anOrderSentTwiceWithOneKeyIsPlacedOnce(long app, long listing) {
        Response first = order(coop, app, 300, "order-key-1");
        assertEquals(201, first.status(), first.body());
        Response repeat = order(coop, app, 300, "order-key-1");
        assertEquals(201, repeat.status());
        assertEquals(first.number("id"), repeat.number("id"), "same key and body → the first answer");
        Response clash = order(coop, app, 200, "order-key-1");
        assertEquals(409, clash.status());
        assertEquals("IDEMPOTENCY_KEY_REUSED", clash.string("code"));
        assertEquals(1_700, remainingOf(listing), "only one reservation was made");
        return first;
    }

    /** The order comes with one payment notice, payable to 巩昌镇's fund, due in 3 working days. */
    private JsonNode theOrderComesWithOneNoticeDueInThreeWorkingDays(Response first, long app) {
        assertEquals("PENDING_PAYMENT", first.string("status"));
        assertEquals("待缴款", first.string("statusLabel"));
        assertEquals(0, first.number("paidFen"));
        assertEquals(1, first.json().get("notices").size());
        JsonNode notice = first.json().get("notices").get(0);
        assertEquals("ORDER", notice.get("kind").asText());
        assertEquals(first.number("id"), notice.get("orderId").asLong());
        assertEquals(app, notice.get("applicationId").asLong());
        assertEquals(gongchang, notice.get("townshipId").asLong());
        assertEquals(300, notice.get("areaM2").asLong());
        assertEquals(first.number("amountFen"), notice.get("amountFen").asLong());
        assertEquals("OPEN", notice.get("status").asText());
        assertTrue(notice.get("remittanceCode").asText().matches("\\d{14}"), notice.toString());
        LocalDate dueOn = workingDaysAfter(Finance.issuedOn(notice), 3);
        assertEquals(dueOn.toString(), notice.get("dueOn").asText());
        assertEquals(dueOn.plusDays(1).atStartOfDay(SHANGHAI).toInstant(), Instant.parse(first.string("expiresAt")),
                "the order lasts to the end of its notice's due date");
        return notice;
    }

    /** The buyer cannot declare it paid; others cannot see it; another township's finance cannot confirm it. */
    private void othersCannotDeclareSeeOrConfirmIt(JsonNode notice, long orderId) {
        Enterprise transport = enterprise("enterprise_transport");
        assertEquals(403, finance.confirm(notice, "PAY-1", coop.token()).status());
        assertEquals(404, transport.get("/api/payment-notices/" + notice.get("id").asLong()).status());
        assertEquals(0, transport.get("/api/payment-notices?orderId=" + orderId).number("total"));
        assertEquals(404, transport.get("/api/orders/" + orderId).status());
        assertEquals(403, finance.confirm(notice, "PAY-X", transport.token()).status());
        assertEquals(404, finance.confirm(notice, "PAY-X", login("officer_wenfeng")).status());
    }

    private void aWrongAmountOrADayToComeBooksNothing(JsonNode notice, long amount, long fundBefore) {
        String officer = gongchangOfficer.token();
        Response wrong = finance.confirm(notice, "PAY-1", amount - 1, Finance.issuedOn(notice), officer);
        assertEquals(422, wrong.status());
        assertEquals("PAYMENT_AMOUNT_MISMATCH", wrong.string("code"));
        assertEquals("amountFen", wrong.string("field"));
        Response future = finance.confirm(notice, "PAY-1", amount, LocalDate.now(SHANGHAI).plusDays(1), officer);
        assertEquals(400, future.status(), future.body());
        assertEquals("VALIDATION_FAILED", future.string("code"));
        assertEquals("receivedOn", future.string("field"));
        assertEquals(fundBefore, fund(gongchang), "a refused confirmation books nothing");
    }

    /** Finance confirms the same receipt eight times at once: one settlement, the money booked once. */
    private void eightConfirmationsOfOneReceiptBookItOnce(JsonNode notice, long orderId, long amount, long fundBefore)
            throws Exception {
        String officer = gongchangOfficer.token();
        String confirm = "/api/payment-notices/" + notice.get("id").asLong() + "/confirm";
        String receipt = Json.object("bankSerial", "PAY-1", "receivedOn", Finance.issuedOn(notice), "amountFen", amount)
                .toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Response>> confirmations = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            confirmations.add(pool.submit((Callable<Response>) () -> api().send("POST", confirm, officer, receipt,
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
        Response paid = coop.get("/api/orders/" + orderId);
        assertEquals("SETTLED", paid.string("status"), paid.body());
        assertEquals("已结算", paid.string("statusLabel"));
        assertEquals("PAY-1", paid.string("paymentReference"));
        assertEquals(amount, paid.number("paidFen"));
        assertEquals("PAID", paid.json().get("notices").get(0).get("status").asText());
        Response paidAgain = api().send("POST", confirm, officer, receipt, "application/json", "confirm-key-1");
        assertEquals(200, paidAgain.status(), "a repeated confirmation answers with the paid notice: " + paidAgain.body());
        assertEquals(notice.get("id").asLong(), paidAgain.number("id"));
        Response otherSerial = finance.confirm(notice, "PAY-1-AGAIN", officer);
        assertEquals(409, otherSerial.status(), otherSerial.body());
        assertEquals("ILLEGAL_TRANSITION", otherSerial.string("code"), "a paid notice is not paid again");
        assertEquals(fundBefore + amount, fund(gongchang), "and is booked once");
    }

    /** The same bank serial on another order's notice is refused, and nothing is booked for it. */
    private void theSameSerialOnAnotherOrdersNoticeIsRefused(long app, long listing, long amount, long fundBefore) {
        String officer = gongchangOfficer.token();
        Response other = order(coop, app, 100, null);
        assertEquals(201, other.status(), other.body());
        JsonNode otherNotice = other.json().get("notices").get(0);
        Response reused = finance.confirm(otherNotice, "PAY-1", officer);
        assertEquals(409, reused.status(), reused.body());
        assertEquals("PAYMENT_REFERENCE_REUSED", reused.string("code"));
        assertEquals("bankSerial", reused.string("field"));
        assertEquals(fundBefore + amount, fund(gongchang));
        assertEquals("OPEN", gongchangOfficer.get("/api/payment-notices/" + otherNotice.get("id").asLong()).string("status"));
        assertEquals(200, coop.tryCancelOrder(other.number("id")).status());
        assertEquals(1_700, remainingOf(listing), "the cancelled order's area is listed again");
    }

    /**
     * An order whose notice is not paid by the end of its due date expires by itself and its area returns to the
     * listing; its notice expires with it.
     */
    private void anOrderUnpaidByTheEndOfItsDueDateExpires(long app, long listing) {
        Response late = order(coop, app, 200, null);
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
        Response lateNow = coop.get("/api/orders/" + late.number("id"));
        assertEquals("EXPIRED", lateNow.string("status"));
        JsonNode lateNotice = lateNow.json().get("notices").get(0);
        assertEquals("EXPIRED", lateNotice.get("status").asText());
        Response expired = finance.confirm(lateNotice, "PAY-LATE", gongchangOfficer.token());
        assertEquals(409, expired.status(), expired.body());
        assertEquals("ILLEGAL_TRANSITION", expired.string("code"));
    }

    private void aCancelledOrExpiredOrderIsNeverPaid(long app, long listing, long amount, long fundBefore) {
        Response cancelled = order(coop, app, 200, null);
        Response cancelledNow = coop.tryCancelOrder(cancelled.number("id"));
        assertEquals("CANCELLED", cancelledNow.string("status"));
        assertEquals("CANCELLED", cancelledNow.json().get("notices").get(0).get("status").asText());
        assertEquals(1_700, remainingOf(listing));
        Response afterCancel = finance.confirm(cancelled.json().get("notices").get(0), "PAY-C", gongchangOfficer.token());
        assertEquals(409, afterCancel.status(), afterCancel.body());
        assertEquals("ILLEGAL_TRANSITION", afterCancel.string("code"));
        assertEquals(fundBefore + amount, fund(gongchang), "nothing booked for the expired or cancelled order");
    }

    @Test
    void aFinanceOfficerSpendsOnlyWhatTheFundHoldsAndReconcilesTheBankStatement() {
        Township shouyangOfficer = township("officer_shouyang");
        long shouyang = shouyangOfficer.id();
        long feeApp = coop.filesOutflow(OutflowDeclaration.in(shouyang));
        Response fee = finance.payFee(feeApp, 1000, "BANK-IN-77", coop.token());
        assertEquals(200, fee.status(), fee.body());
        assertEquals(7_500_000, fee.number("amountFen"));

        String officer = shouyangOfficer.token();
        Response tooMuch = shouyangOfficer.tryProposeExpense(7_500_001, "OTHER", "西关村股份经济合作社", "复垦工程款");
        assertEquals(201, tooMuch.status(), tooMuch.body());
        Response refused = admin.post("/api/expenses/" + tooMuch.number("id") + "/approve", Json.object());
        assertEquals(422, refused.status(), refused.body());
        assertEquals("FUND_INSUFFICIENT", refused.string("code"));
        Response spent = finance.spend(shouyang, 2_500_000, "PAYOUT-1");
        assertEquals(200, spent.status(), spent.body());
        assertEquals("PAID", spent.string("status"));
        assertEquals(5_000_000, spent.number("fundBalanceFen"));
        assertEquals(404, gongchangOfficer.post("/api/townships/" + shouyang + "/account/expenses",
                Json.object("amountFen", 1, "category", "OTHER", "payeeName", "p", "purpose", "x")).status());

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
        return admin.get("/api/townships/" + township + "/account").number("balanceFen");
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
