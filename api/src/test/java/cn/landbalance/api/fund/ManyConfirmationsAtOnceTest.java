package cn.landbalance.api.fund;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.Enterprise;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bank statement pays many notices at once (issue 19's batch settlement): every order it pays settles once, all in the
 * one import, a second line for a paid notice and a line with the wrong amount stay open with their reasons, and an
 * overlapping statement settles nothing more. Confirmations racing each other — two townships' statements and their
 * finance officers confirming the same notices one by one with other serials, over the same lots and fund accounts —
 * neither deadlock nor settle anything twice.
 */
@MicronautTest(transactional = false)
class ManyConfirmationsAtOnceTest extends ApiTest {
    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    private static final String HEADER = "交易日期,交易流水号,收入金额,支出金额,对方户名,摘要\n";

    @Test
    void aStatementOfManyPaymentsSettlesEachOrderOnceAndLeavesTheLinesItCannotUseOpen() {
        String officer = login("officer_gongchang");
        long gongchang = api().get("/api/me", officer).number("regionId");
        List<JsonNode> notices = ordersOn(gongchang, "officer_gongchang", 40);
        long fundBefore = fund(gongchang, officer);
        StringBuilder csv = new StringBuilder(HEADER);
        csv.append(line("WRONG-AMOUNT", notices.get(1), notices.get(1).get("amountFen").asLong() - 1));
        long total = 0;
        for (int i = 0; i < notices.size(); i++) {
            csv.append(line("BATCH-" + i, notices.get(i), notices.get(i).get("amountFen").asLong()));
            total += notices.get(i).get("amountFen").asLong();
        }
        csv.append(line("PAID-TWICE", notices.get(0), notices.get(0).get("amountFen").asLong()));
        String path = "/api/townships/" + gongchang + "/account/reconciliations?fileName=many.csv";

        Response preview = api().upload(path.replace("/reconciliations?", "/reconciliations/preview?"), officer,
                csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(200, preview.status(), preview.body());
        assertEquals(42, preview.json().get("settled").size(), "the preview says what the import would do");
        assertEquals(fundBefore, fund(gongchang, officer), "and does nothing");
        assertEquals("PENDING_PAYMENT", api().get("/api/orders/" + notices.get(0).get("orderId").asLong(),
                login("enterprise_coop")).string("status"));
        assertEquals(0, api().get("/api/townships/" + gongchang + "/account/bank-lines?status=OPEN", officer).json().size());

        Response run = api().upload(path, officer, csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(200, run.status(), run.body());
        int paid = 0;
        for (JsonNode s : run.json().get("settled")) {
            if (s.get("paid").asBoolean()) {
                paid++;
            } else {
                String refusal = s.get("refusal").asText();
                assertTrue(refusal.contains("不符") || refusal.contains("重复缴款"), refusal);
            }
        }
        assertEquals(40, paid, run.body());
        assertEquals(42, run.json().get("settled").size());
        assertEquals(fundBefore + total, fund(gongchang, officer), "each order's money once");
        for (JsonNode notice : notices) {
            JsonNode order = api().get("/api/orders/" + notice.get("orderId").asLong(), login("enterprise_coop")).json();
            assertEquals("SETTLED", order.get("status").asText(), order.toString());
            assertTrue(order.get("paymentReference").asText().startsWith("BATCH-"), order.toString());
        }
        JsonNode open = api().get("/api/townships/" + gongchang + "/account/bank-lines?status=OPEN", officer).json();
        assertEquals(2, open.size(), open.toString());
        open.forEach(l -> assertFalse(l.get("note").asText().isBlank(), "the reason is noted: " + l));

        Response again = api().upload(path, officer, csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(200, again.status(), again.body());
        again.json().get("settled").forEach(s -> assertFalse(s.get("paid").asBoolean(), "nothing settles twice: " + s));
        assertEquals(0, again.json().get("run").get("linesNew").asInt());
        assertEquals(fundBefore + total, fund(gongchang, officer));
        assertTrue(api().get("/api/audit/invariants", login("county_admin")).json().get("ok").asBoolean());
    }

    @Test
    void statementsAndOneByOneConfirmationsRacingOverTheSameLotsAndFundsNeitherDeadlockNorSettleTwice() throws Exception {
        String gongchangOfficer = login("officer_gongchang");
        String wenfengOfficer = login("officer_wenfeng");
        long gongchang = api().get("/api/me", gongchangOfficer).number("regionId");
        long wenfeng = api().get("/api/me", wenfengOfficer).number("regionId");
        List<JsonNode> inGongchang = ordersOn(gongchang, "officer_gongchang", 24);
        List<JsonNode> inWenfeng = ordersOn(wenfeng, "officer_wenfeng", 24);
        long before = fund(gongchang, gongchangOfficer) + fund(wenfeng, wenfengOfficer);
        Finance finance = new Finance(api(), this::login);

        List<java.util.concurrent.Callable<List<Response>>> work = new ArrayList<>();
        for (List<JsonNode> notices : List.of(inGongchang, inWenfeng)) {
            long township = notices == inGongchang ? gongchang : wenfeng;
            String officer = notices == inGongchang ? gongchangOfficer : wenfengOfficer;
            List<JsonNode> reversed = new ArrayList<>(notices);
            Collections.reverse(reversed); // the statement takes them in the other order than the officer
            StringBuilder csv = new StringBuilder(HEADER);
            reversed.forEach(n -> csv.append(line("S-" + n.get("id").asLong(), n, n.get("amountFen").asLong())));
            work.add(() -> List.of(api().upload("/api/townships/" + township + "/account/reconciliations", officer,
                    csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv")));
            for (int half = 0; half < 2; half++) {
                List<JsonNode> mine = notices.subList(half * notices.size() / 2, (half + 1) * notices.size() / 2);
                work.add(() -> {
                    List<Response> answers = new ArrayList<>();
                    for (JsonNode n : mine) {
                        answers.add(finance.confirm(n, "I-" + n.get("id").asLong(), officer));
                    }
                    return answers;
                });
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        List<Response> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Response>>> running = new ArrayList<>();
            for (var w : work) {
                running.add(pool.submit(() -> {
                    start.await();
                    return w.call();
                }));
            }
            start.countDown();
            for (Future<List<Response>> f : running) {
                answers.addAll(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        for (Response a : answers) {
            assertTrue(a.status() == 200 || (a.status() == 409 && "ILLEGAL_TRANSITION".equals(a.string("code"))),
                    "a confirmation succeeds or finds the notice paid, never a deadlock or a 500: " + a.status() + " " + a.body());
        }
        long expected = 0;
        for (JsonNode n : concat(inGongchang, inWenfeng)) {
            JsonNode notice = api().get("/api/payment-notices/" + n.get("id").asLong(), login("enterprise_coop")).json();
            assertEquals("PAID", notice.get("status").asText(), notice.toString());
            String serial = notice.get("receipt").get("bankSerial").asText();
            assertTrue(serial.equals("S-" + n.get("id").asLong()) || serial.equals("I-" + n.get("id").asLong()), serial);
            expected += n.get("amountFen").asLong();
        }
        assertEquals(before + expected, fund(gongchang, gongchangOfficer) + fund(wenfeng, wenfengOfficer),
                "each notice's money booked once, whichever confirmation won");
        assertTrue(api().get("/api/audit/invariants", login("county_admin")).json().get("ok").asBoolean());
    }

    @Test
    void aFeeNoticePaidTwiceInOneStatementSettlesOnceAndTheSecondLineStaysOpen() {
        String officer = login("officer_shouyang");
        long shouyang = api().get("/api/me", officer).number("regionId");
        long application = declaredOutflow(shouyang, 2_000);
        Response notice = api().post("/api/outflow-applications/" + application + "/fee-notices", login("enterprise_coop"),
                Json.object("areaM2", 2000));
        assertEquals(201, notice.status(), notice.body());
        long fundBefore = fund(shouyang, officer);
        String csv = HEADER + line("FEE-A", notice.json(), notice.number("amountFen"))
                + line("FEE-B", notice.json(), notice.number("amountFen"));
        Response run = api().upload("/api/townships/" + shouyang + "/account/reconciliations", officer,
                csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(200, run.status(), run.body());
        JsonNode settled = run.json().get("settled");
        assertTrue(settled.get(0).get("paid").asBoolean(), run.body());
        assertFalse(settled.get(1).get("paid").asBoolean(), run.body());
        assertTrue(settled.get(1).get("refusal").asText().contains("重复缴款"), run.body());
        assertEquals(fundBefore + notice.number("amountFen"), fund(shouyang, officer), "the fee's money once");
    }

    /** {@code count} orders of 100 m² on the township's own new listing, each with its one notice. */
    private List<JsonNode> ordersOn(long township, String officerName, int count) {
        String officer = login(officerName);
        acceptedLot(officerName, township, "旱地", count * 100L + 1_000, 10);
        assertEquals(201, api().post("/api/listings", officer, Json.object("townshipId", township, "areaM2", count * 100,
                "pricePerMuFen", 5_100_000)).status());
        long application = declaredOutflow(township, count * 100L);
        List<JsonNode> notices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Response order = api().post("/api/orders", login("enterprise_coop"), Enterprise.order(application, 100));
            assertEquals(201, order.status(), order.body());
            assertEquals(1, order.json().get("notices").size(), order.body());
            JsonNode notice = order.json().get("notices").get(0);
            assertEquals(township, notice.get("townshipId").asLong(), "bought from the home township's listing");
            notices.add(notice);
        }
        return notices;
    }

    private static String line(String serial, JsonNode notice, long amountFen) {
        return TODAY + "," + serial + ",\"" + String.format("%,d.%02d", amountFen / 100, amountFen % 100) + "\",,绿源合作社,缴款识别码"
                + notice.get("remittanceCode").asText() + "\n";
    }

    private long fund(long township, String officer) {
        return api().get("/api/townships/" + township + "/account", officer).number("balanceFen");
    }

    private static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
        List<JsonNode> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
