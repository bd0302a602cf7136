package cn.landbalance.api.outflow;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Fixtures;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.Enterprise;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18's reversals: rejecting an application undoes what it started by new entries, never by edits. An application
 * covered partly by a paid purchase (4 000 m² of a lot at 5.2万元/亩 = 312 000.00 元) and a paid fee (3 000 m² =
 * 4.5 亩 × 5万 = 225 000.00 元), with an order and a fee notice still awaiting payment: the county previews the
 * rejection, is refused without a reason, then rejects with one. The pending order and notice are cancelled, the lot
 * gets its 4 000 m² back (movement RETURN), both townships' money goes back to the payer (REFUND), the covered area
 * returns to 0 by reversing coverages, the fund report adds up and every invariant holds. A county that keeps fees
 * keeps them; closing an uncovered application needs an override with a reason; an applicant withdraws its own.
 */
@MicronautTest(transactional = false)
class RejectionReversesTheApplicationTest extends ApiTest {
    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    DSLContext db;

    String admin;
    String officer;
    String enterprise;
    Finance finance;
    long gongchang;
    long lot;
    long application;
    long fundBefore;
    Response paidOrder;
    Response pendingOrder;
    Response openFee;

    @Test
    void rejectingCancelsWhatIsPendingAndReversesWhatWasPaid() {
        admin = login("county_admin");
        officer = login("officer_gongchang");
        enterprise = login("enterprise_coop");
        finance = new Finance(api(), this::login);
        gongchang = api().get("/api/me", officer).number("regionId");
        lot = acceptedLot("officer_gongchang", gongchang, "旱地", 10_000, 10);
        assertEquals(201, api().post("/api/listings", officer,
                Json.object("townshipId", gongchang, "areaM2", 10000, "pricePerMuFen", 5200000)).status());
        application = declaredOutflow(gongchang, 10_000);
        fundBefore = fund(gongchang, officer);

        anOrderIsPaidAFeePaidAnotherOrderAndFeeNoticeWait();
        thePreviewSaysExactlyWhatRejectingWouldDo();
        aRejectionWithoutAReasonOrByTheApplicantIsRefused();
        theRejectionCancelsWhatWaitsAndReversesWhatWasPaid();
        nothingCanBePaidAnyMoreAndTheReversalIsNewEntries();
        theFundReportAddsUpWithTheRefunds(LocalDate.now(COUNTY_ZONE).getYear());
    }

    private void anOrderIsPaidAFeePaidAnotherOrderAndFeeNoticeWait() {
        paidOrder = api().post("/api/orders", enterprise, Enterprise.order(application, 4000));
        assertEquals(201, paidOrder.status(), paidOrder.body());
        assertEquals(200, finance.settleOrder(paidOrder.number("id"), "RV-ORDER-1", enterprise).status());
        assertEquals(200, finance.payFee(application, 3_000, "RV-FEE-1", enterprise).status());
        pendingOrder = api().post("/api/orders", enterprise, Enterprise.order(application, 2000));
        assertEquals(201, pendingOrder.status(), pendingOrder.body());
        openFee = finance.feeNotice(application, 1_000, enterprise);
        assertEquals(201, openFee.status(), openFee.body());
        assertEquals(7_000, obligation(application, admin).get("coveredM2").asLong());
        assertEquals(fundBefore + 31_200_000 + 22_500_000, fund(gongchang, officer));
        JsonNode lotBefore = lotOf(gongchang, lot, officer);
        assertEquals(4_000, lotBefore.get("consumedM2").asLong());
        assertEquals(2_000, lotBefore.get("reservedM2").asLong());
    }

    /** The preview says exactly what rejecting would do, and changes nothing. */
    private void thePreviewSaysExactlyWhatRejectingWouldDo() {
        JsonNode preview = api().get("/api/outflow-applications/" + application + "/reversal", admin).json();
        assertTrue(preview.get("endable").asBoolean());
        assertEquals("REFUND", preview.get("feeOnReversal").asText());
        assertEquals(pendingOrder.number("id"), preview.get("ordersCancelled").get(0).get("orderId").asLong());
        assertEquals(openFee.number("id"), preview.get("feeNoticesCancelled").get(0).get("noticeId").asLong());
        assertEquals(7_000, preview.get("coverageReversedM2").asLong());
        assertEquals(lot, preview.get("giveBacks").get(0).get("lotId").asLong());
        assertEquals(4_000, preview.get("giveBacks").get(0).get("areaM2").asLong());
        assertEquals(53_700_000, preview.get("refundFen").asLong());
        assertEquals("537000.00", preview.get("refundYuan").asText());
        assertEquals(2, preview.get("refunds").size());
        assertEquals(0, preview.get("feesKept").size());
        assertEquals(7_000, obligation(application, admin).get("coveredM2").asLong(), "a preview changes nothing");
    }

    private void aRejectionWithoutAReasonOrByTheApplicantIsRefused() {
        Response noReason = api().post("/api/outflow-applications/" + application + "/reject", admin, Json.object());
        assertEquals(400, noReason.status(), noReason.body());
        assertEquals("reason", noReason.json().get("field").asText());
        assertEquals("DECLARED", status(application, admin), "a refused rejection changes nothing");
        assertEquals(403, api().post("/api/outflow-applications/" + application + "/reject", enterprise,
                Json.object("reason", "自己驳回")).status(), "an applicant withdraws, it does not reject");
    }

    private void theRejectionCancelsWhatWaitsAndReversesWhatWasPaid() {
        Response rejected = api().post("/api/outflow-applications/" + application + "/reject", admin,
                Json.object("reason", "占用永久基本农田，不予批准"));
        assertEquals(200, rejected.status(), rejected.body());
        assertEquals("REJECTED", rejected.string("status"));
        JsonNode obligation = rejected.json().get("obligation");
        assertEquals(0, obligation.get("coveredM2").asLong());
        assertEquals(4, obligation.get("coverages").size(), "two coverages and their two reversals");
        long reversals = 0;
        for (JsonNode c : obligation.get("coverages")) {
            if (!c.get("reversesId").isNull()) {
                reversals++;
                assertTrue(c.get("areaM2").asLong() < 0);
            }
        }
        assertEquals(2, reversals);
        assertEquals("CANCELLED", api().get("/api/orders/" + pendingOrder.number("id"), enterprise).string("status"));
        assertEquals("CANCELLED", api().get("/api/payment-notices/" + openFee.number("id"), enterprise).string("status"));
        assertEquals("SETTLED", api().get("/api/orders/" + paidOrder.number("id"), enterprise).string("status"),
                "a settled order stays settled: its reversal is new entries");
        JsonNode lotAfter = lotOf(gongchang, lot, officer);
        assertEquals(0, lotAfter.get("consumedM2").asLong());
        assertEquals(0, lotAfter.get("reservedM2").asLong());
        assertEquals(10_000, lotAfter.get("availableM2").asLong());
        assertEquals(fundBefore, fund(gongchang, officer), "the purchase and the fee went back to the payer");
        JsonNode fee = api().get("/api/outflow-applications/" + application + "/fee-payments", enterprise).json().get(0);
        assertEquals("REFUNDED", fee.get("reversal").asText());
        JsonNode decisions = api().get("/api/outflow-applications/" + application + "/decisions", admin).json();
        JsonNode last = decisions.get(decisions.size() - 1);
        assertEquals("REJECT", last.get("action").asText());
        assertEquals("占用永久基本农田，不予批准", last.get("reason").asText());
        assertEquals("county_admin", last.get("decidedBy").asText());
    }

    /** Nothing can be paid or covered any more; what was refused leaves no trace. */
    private void nothingCanBePaidAnyMoreAndTheReversalIsNewEntries() {
        Response lateOrder = api().post("/api/orders", enterprise, Enterprise.order(application, 1000));
        assertEquals(409, lateOrder.status(), lateOrder.body());
        Response again = api().post("/api/outflow-applications/" + application + "/reject", admin, Json.object("reason", "再次"));
        assertEquals(409, again.status(), "a rejected application is rejected once");

        // by new entries: a RETURN movement, two REFUND transfers, two reversal coverages, the events
        assertEquals(1, count("select count(*) from indicator_movement where lot_id = " + lot + " and kind = 'RETURN'"));
        assertEquals(2, count("select count(*) from money_transfer t join outflow_coverage c on c.refund_transfer_id = t.id "
                + "where c.application_id = " + application) + count("select count(*) from fee_reversal r join fee_payment f "
                + "on f.id = r.fee_payment_id where f.application_id = " + application + " and r.transfer_id is not null"));
        assertEquals(2, count("select count(*) from outbox_event where type = 'obligation.coverage_reversed' and aggregate_id = "
                + application));
        assertEquals(1, count("select count(*) from outbox_event where type = 'fee.refunded' and aggregate_id = " + application));
        assertEquals(1, count("select count(*) from outbox_event where type = 'indicator.returned' and aggregate_id = " + lot));
    }

    /** The fund report adds up with the refunds in it. */
    private void theFundReportAddsUpWithTheRefunds(int year) {
        for (JsonNode row : api().get("/api/reports/funds?countyId=" + countyId() + "&year=" + year, admin).json().get("townships")) {
            long sum = row.get("openingFen").asLong() + row.get("feesFen").asLong() + row.get("salesFen").asLong()
                    + row.get("reassignedInFen").asLong() + row.get("otherReceiptsFen").asLong()
                    - row.get("reassignedOutFen").asLong() - row.get("expensesFen").asLong() - row.get("refundsFen").asLong()
                    - row.get("repaidFen").asLong();
            assertEquals(row.get("closingFen").asLong(), sum, row.toString());
            if (row.get("townshipId").asLong() == gongchang) {
                assertTrue(row.get("refundsFen").asLong() >= 53_700_000, row.toString());
            }
        }
        Response invariants = api().get("/api/audit/invariants", admin);
        assertTrue(invariants.json().get("ok").asBoolean(), invariants.body());
    }

    @Test
    void aCountyThatKeepsFeesKeepsThemAndTheDutyStays() {
        String admin = login("county_admin");
        String officer = login("officer_wenfeng");
        String enterprise = login("enterprise_coop");
        Finance finance = new Finance(api(), this::login);
        long wenfeng = api().get("/api/me", officer).number("regionId");
        Json rules = Json.parse(api().get("/api/counties/" + countyId() + "/rules", admin).body());
        assertEquals(200, api().put("/api/counties/" + countyId() + "/rules", admin,
                rules.with("feeOnReversal", "KEEP")).status());
        try {
            long application = declaredOutflow(wenfeng, 2_000);
            long fundBefore = fund(wenfeng, officer);
            assertEquals(200, finance.payFee(application, 1_000, "RV-KEEP-1", enterprise).status());
            JsonNode preview = api().get("/api/outflow-applications/" + application + "/reversal", admin).json();
            assertEquals("KEEP", preview.get("feeOnReversal").asText());
            assertEquals(0, preview.get("refundFen").asLong());
            assertEquals(7_500_000, preview.get("keptFen").asLong(), "1 000 m² = 1.5 亩 × 5万");

            Response rejected = api().post("/api/outflow-applications/" + application + "/reject", admin, Json.object("reason", "材料不实"));
            assertEquals(200, rejected.status(), rejected.body());
            assertEquals(0, rejected.json().get("obligation").get("coveredM2").asLong());
            assertEquals(fundBefore + 7_500_000, fund(wenfeng, officer), "the fee stays in the fund");
            // and so does the land it owes: in the year's balance and in the township's fee duties alike
            int year = LocalDate.now(COUNTY_ZONE).getYear();
            long owedInBalance = 0;
            for (JsonNode t : api().get("/api/reports/annual-balance?countyId=" + countyId() + "&year=" + year, admin).json()
                    .get("townships")) {
                if (t.get("townshipId").asLong() == wenfeng) {
                    owedInBalance = t.get("feeOwedM2").asLong();
                }
            }
            JsonNode duties = api().get("/api/townships/" + wenfeng + "/fee-duties", officer).json();
            assertEquals(1_000, duties.get("owedM2").asLong(), duties.toString());
            assertEquals(duties.get("owedM2").asLong(), owedInBalance, "one definition of fee land owed");
            assertEquals("KEPT", api().get("/api/outflow-applications/" + application + "/fee-payments", enterprise).json()
                    .get(0).get("reversal").asText());
            assertTrue(api().get("/api/audit/invariants", admin).json().get("ok").asBoolean());
        } finally {
            assertEquals(200, api().put("/api/counties/" + countyId() + "/rules", admin, rules).status());
        }
    }

    @Test
    void aRefundTheFundCannotPayIsRefusedAndChangesNothing() {
        String admin = login("county_admin");
        String officer = login("officer_shouyang");
        String enterprise = login("enterprise_coop");
        Finance finance = new Finance(api(), this::login);
        long shouyang = api().get("/api/me", officer).number("regionId");
        long application = declaredOutflow(shouyang, 2_000);
        assertEquals(200, finance.payFee(application, 2_000, "RV-SPENT-1", enterprise).status());
        long balance = fund(shouyang, officer);
        Response spent = finance.spend(shouyang, balance, "RV-WORK-1");
        assertEquals(200, spent.status(), spent.body());

        Response refused = api().post("/api/outflow-applications/" + application + "/reject", admin, Json.object("reason", "驳回"));
        assertEquals(422, refused.status(), refused.body());
        assertEquals("FUND_INSUFFICIENT", refused.json().get("code").asText());
        assertEquals("DECLARED", status(application, admin));
        assertEquals(2_000, obligation(application, admin).get("coveredM2").asLong(), "the fee's coverage stands");
        assertEquals(0, fund(shouyang, officer));
    }

    @Test
    void closingAnUncoveredApplicationNeedsAnOverrideWithAReason() {
        String admin = login("county_admin");
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        String rules = api().get("/api/counties/" + countyId() + "/rules", admin).body();
        assertEquals(200, api().put("/api/counties/" + countyId() + "/rules", admin,
                Fixtures.gansuRules(5_000_000, "SYNCHRONOUS")).status());
        try {
            long application = declaredOutflow(gongchang, 1_000);
            assertEquals(200, api().post("/api/outflow-applications/" + application + "/review", admin, null).status());
            assertEquals(200, api().post("/api/outflow-applications/" + application + "/approve", admin, Json.object("reason", "同意")).status());
            assertEquals(200, api().post("/api/outflow-applications/" + application + "/implement", admin, Json.object()).status());

            Response plain = api().post("/api/outflow-applications/" + application + "/close", admin, null);
            assertEquals(422, plain.status(), plain.body());
            assertEquals("OBLIGATION_NOT_FULLY_COVERED", plain.json().get("code").asText());
            assertEquals("override", plain.json().get("field").asText());
            Response noReason = api().post("/api/outflow-applications/" + application + "/close", admin, Json.object("override", true));
            assertEquals(422, noReason.status(), noReason.body());
            assertEquals("reason", noReason.json().get("field").asText());
            assertEquals("IMPLEMENTED", status(application, admin));

            Response closed = api().post("/api/outflow-applications/" + application + "/close", admin,
                    Json.object("override", true, "reason", "县政府常务会议纪要〔2026〕12号同意办结"));
            assertEquals(200, closed.status(), closed.body());
            assertEquals("CLOSED", closed.string("status"));
            JsonNode decisions = api().get("/api/outflow-applications/" + application + "/decisions", admin).json();
            JsonNode last = decisions.get(decisions.size() - 1);
            assertEquals("CLOSE", last.get("action").asText());
            assertTrue(last.get("override").asBoolean());
        } finally {
            assertEquals(200, api().put("/api/counties/" + countyId() + "/rules", admin, rules).status());
        }
    }

    @Test
    void anApplicantWithdrawsItsOwnApplicationWithAReason() {
        String enterprise = login("enterprise_coop");
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        long application = declaredOutflow(gongchang, 1_500);
        assertEquals(404, api().post("/api/outflow-applications/" + application + "/withdraw", login("enterprise_transport"),
                Json.object("reason", "不是我的")).status(), "another enterprise does not see it");
        Response withdrawn = api().post("/api/outflow-applications/" + application + "/withdraw", enterprise,
                Json.object("reason", "项目取消"));
        assertEquals(200, withdrawn.status(), withdrawn.body());
        assertEquals("WITHDRAWN", withdrawn.string("status"));
        assertEquals(409, api().post("/api/outflow-applications/" + application + "/declare", enterprise, null).status());
    }

    private long fund(long township, String token) {
        return api().get("/api/townships/" + township + "/account", token).number("balanceFen");
    }

    private JsonNode obligation(long application, String token) {
        return api().get("/api/outflow-applications/" + application, token).json().get("obligation");
    }

    private String status(long application, String token) {
        return api().get("/api/outflow-applications/" + application, token).string("status");
    }

    private JsonNode lotOf(long township, long lotId, String token) {
        for (JsonNode l : api().get("/api/townships/" + township + "/inventory", token).json().get("lots")) {
            if (l.get("id").asLong() == lotId) {
                return l;
            }
        }
        throw new AssertionError("lot " + lotId + " not in the inventory");
    }

    private long count(String sql) {
        return tx.<Long>executeRead(status -> db.fetchSingle(sql).get(0, Long.class));
    }
}
