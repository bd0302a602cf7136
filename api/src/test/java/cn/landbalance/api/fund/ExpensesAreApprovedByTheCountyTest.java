package cn.landbalance.api.fund;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.Actor;
import cn.landbalance.api.support.journey.County;
import cn.landbalance.api.support.journey.Township;
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
 * The fund is earmarked for restoring farmland: the township proposes an expense for one of its inflow projects (or a
 * named purpose), the county approves it within what the fund holds beyond earlier approvals, the township pays it with
 * the bank's serial and date — only then does money leave the fund — and the county's report shows the spending by
 * project.
 */
@MicronautTest(transactional = false)
class ExpensesAreApprovedByTheCountyTest extends ApiTest {
    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    DSLContext db;

    private Township wenfengOfficer;
    private County admin;
    private Actor viewer;
    private long wenfeng;
    private long county;
    /** The fund's balance once the fee is in it. */
    private long before;
    /** 西关村's inflow project of 文峰镇, which the works are for. */
    private long project;
    private long worksId;
    private long aftercareId;
    private LocalDate today;

    @Test
    void theTownshipProposesTheCountyApprovesWithinTheFundAndOnlyPaymentMovesMoney() {
        wenfengOfficer = township("officer_wenfeng");
        admin = county();
        viewer = user("county_viewer");
        wenfeng = wenfengOfficer.id();
        county = countyId();
        today = LocalDate.now(COUNTY_ZONE);

        theFeeIsInTheFundAndTheProjectAccepted();
        worksMustNameAProjectOfTheTownshipsOwnAndACategoryThereIs();
        aProposalMovesNothing();
        bothWaitInTheCountysQueueWhereOnlyTheCountyApproves();
        approvedIsCommittedNotSpent();
        theSecondIsNotApprovedBeyondWhatIsLeftUncommittedAndIsRejected();
        paidOnAPossibleDayWithANewSerialOnlyThenMoneyLeavesTheFund();
        aLongPurposeAndPayeeStillFitTheFundsStatement();
        withdrawnBeforeADecisionOrCancelledWithAReasonFreesTheCommitment();
        theCountysReportShowsTheSpendingByProjectAndPurpose();

        assertTrue(admin.get("/api/audit/invariants").json().get("ok").asBoolean());
        assertEquals(java.util.List.of("expense.proposed", "expense.approved", "expense.paid"),
                tx.executeRead(status -> db.fetch("select type from outbox_event where aggregate_type = 'expense' "
                        + "and aggregate_id = ? order by id", worksId).map(r -> r.get(0, String.class))));
    }

    private void theFeeIsInTheFundAndTheProjectAccepted() {
        Finance finance = new Finance(api(), this::login);
        long app = declaredOutflow(wenfeng, 1000);
        Response fee = finance.payFee(app, 1000, "EXP-FEE-1", login("enterprise_coop"));
        assertEquals(200, fee.status(), fee.body());
        before = wenfengOfficer.fundBalance();
        assertTrue(before >= 7_500_000, "the fee is in the fund");
        long lot = acceptedLot("officer_wenfeng", wenfeng, "水浇地", 2000, 10);
        project = projectOfLot(lot, wenfengOfficer.token());
    }

    /** Works must name their project; another township's project is not found; a bad category names the field. */
    private void worksMustNameAProjectOfTheTownshipsOwnAndACategoryThereIs() {
        Response noProject = propose(1_000_000, "RESTORATION_WORKS", null, "EXP-A");
        assertEquals(400, noProject.status(), noProject.body());
        assertEquals("inflowProjectId", field(noProject));
        Township gongchangOfficer = township("officer_gongchang");
        long otherLot = acceptedLot("officer_gongchang", gongchangOfficer.id(), "水浇地", 500, 10);
        Response foreign = propose(1_000_000, "RESTORATION_WORKS", projectOfLot(otherLot, gongchangOfficer.token()),
                "EXP-B");
        assertEquals(404, foreign.status(), foreign.body());
        assertEquals("inflowProjectId", field(foreign));
        Response badCategory = wenfengOfficer.tryProposeExpense(100, "PARTY", "x", "x");
        assertEquals(400, badCategory.status(), badCategory.body());
        assertEquals("category", field(badCategory));
        assertEquals(403, admin.post("/api/townships/" + wenfeng + "/account/expenses",
                Json.object("amountFen", 100, "category", "OTHER", "payeeName", "x", "purpose", "x")).status(),
                "the county does not propose for the township");
    }

    private void aProposalMovesNothing() {
        Response works = propose(before - 1_000_000, "RESTORATION_WORKS", project, "合同 HT-2026-07");
        assertEquals(201, works.status(), works.body());
        assertEquals("PROPOSED", works.string("status"));
        assertEquals("待审批", works.string("statusLabel"));
        worksId = works.number("id");
        assertEquals(before, wenfengOfficer.fundBalance());
        Response aftercare = propose(2_000_000, "AFTERCARE", null, null);
        assertEquals(201, aftercare.status(), aftercare.body());
        aftercareId = aftercare.number("id");
    }

    /** Both wait in the county's to-do list and queue; a township cannot approve its own, a viewer cannot either. */
    private void bothWaitInTheCountysQueueWhereOnlyTheCountyApproves() {
        JsonNode countyWorklist = viewer.get("/api/counties/" + county + "/worklist").json();
        assertTrue(waits(countyWorklist, "EXPENSE_APPROVAL"), countyWorklist.toString());

        JsonNode queue = viewer.get("/api/counties/" + county + "/expenses?status=PROPOSED&townshipId=" + wenfeng).json();
        assertEquals(2, queue.get("total").asInt());
        assertEquals(aftercareId, queue.get("items").get(0).get("id").asLong(), "newest first");
        assertEquals(403, wenfengOfficer.post("/api/expenses/" + worksId + "/approve", Json.object()).status());
        assertEquals(403, viewer.post("/api/expenses/" + worksId + "/approve", Json.object()).status());
        assertEquals(404, user("officer_gongchang").get("/api/expenses/" + worksId).status());
    }

    private void approvedIsCommittedNotSpent() {
        Response approved = admin.tryApproveExpense(worksId, "同意，按合同支付");
        assertEquals(200, approved.status(), approved.body());
        assertEquals("APPROVED", approved.string("status"));
        JsonNode account = wenfengOfficer.get("/api/townships/" + wenfeng + "/account").json();
        assertEquals(before, account.get("balanceFen").asLong());
        String worklist = "/api/counties/" + county + "/townships/" + wenfeng + "/worklist";
        JsonNode townshipWorklist = wenfengOfficer.get(worklist).json();
        assertTrue(townshipWorklist.toString().contains("1 approved expenses to pay"), townshipWorklist.toString());
        assertEquals(404, user("officer_gongchang").get(worklist).status(), "another township's list");
        assertEquals(before - 1_000_000, account.get("committedFen").asLong());
        assertEquals(1_000_000, account.get("availableFen").asLong());
    }

    /** The second cannot be approved beyond what is left uncommitted; nothing changes. */
    private void theSecondIsNotApprovedBeyondWhatIsLeftUncommittedAndIsRejected() {
        Response over = admin.tryApproveExpense(aftercareId);
        assertEquals(422, over.status(), over.body());
        assertEquals("FUND_INSUFFICIENT", over.string("code"));
        assertEquals("PROPOSED", wenfengOfficer.get("/api/expenses/" + aftercareId).string("status"));
        Response noReason = admin.tryRejectExpense(aftercareId, " ");
        assertEquals(400, noReason.status(), noReason.body());
        assertEquals("reason", field(noReason));
        Response rejected = admin.tryRejectExpense(aftercareId, "管护费用应列入下年度");
        assertEquals(200, rejected.status(), rejected.body());
        assertEquals("REJECTED", rejected.string("status"));
        assertEquals(409, admin.tryApproveExpense(aftercareId).status(), "decided once");
    }

    /** A date before approval or in the future is refused naming paidOn; a used serial names bankSerial. */
    private void paidOnAPossibleDayWithANewSerialOnlyThenMoneyLeavesTheFund() {
        Response early = wenfengOfficer.tryPayExpense(worksId, "EXP-PAY-1", today.minusDays(3));
        assertEquals(400, early.status(), early.body());
        assertEquals("paidOn", field(early));
        Response future = wenfengOfficer.tryPayExpense(worksId, "EXP-PAY-1", today.plusDays(1));
        assertEquals(400, future.status(), future.body());
        assertEquals("paidOn", field(future));
        Response reused = wenfengOfficer.tryPayExpense(worksId, "EXP-FEE-1", today);
        assertEquals(409, reused.status(), reused.body());
        assertEquals("bankSerial", field(reused));
        assertEquals(403, admin.post("/api/expenses/" + worksId + "/pay",
                Json.object("bankSerial", "EXP-PAY-1", "paidOn", today)).status(), "the township pays, not the county");
        assertEquals(before, wenfengOfficer.fundBalance(), "nothing refused moved money");

        Response paid = wenfengOfficer.tryPayExpense(worksId, "EXP-PAY-1", today);
        assertEquals(200, paid.status(), paid.body());
        assertEquals("PAID", paid.string("status"));
        assertEquals(1_000_000, paid.number("fundBalanceFen"));
        assertEquals(0, paid.number("fundCommittedFen"));
        assertEquals(409, wenfengOfficer.tryPayExpense(worksId, "EXP-PAY-2", today).status(), "paid once");
        JsonNode statement = wenfengOfficer.get("/api/townships/" + wenfeng + "/account/statement").json().get("lines");
        JsonNode last = statement.get(statement.size() - 1);
        assertEquals("EXPENSE", last.get("kind").asText());
        assertEquals("EXP-PAY-1", last.get("reference").asText());
        assertEquals(-(before - 1_000_000), last.get("amountFen").asLong());
        assertTrue(last.get("memo").asText().contains("耕地恢复工程"), last.toString());
    }

    private void aLongPurposeAndPayeeStillFitTheFundsStatement() {
        long wordy = propose(1_000, "OTHER", null, null).number("id");
        Response longOne = wenfengOfficer.tryProposeExpense(1000, "OTHER", "某".repeat(200), "长".repeat(500));
        assertEquals(201, longOne.status(), longOne.body());
        assertEquals(200, admin.tryApproveExpense(longOne.number("id")).status());
        Response paidLong = wenfengOfficer.tryPayExpense(longOne.number("id"), "EXP-PAY-LONG", today);
        assertEquals(200, paidLong.status(), paidLong.body());
        assertEquals(200, wenfengOfficer.post("/api/expenses/" + wordy + "/withdraw").status());
    }

    /** Withdrawn before a decision; an approved one cancelled with a reason frees its commitment. */
    private void withdrawnBeforeADecisionOrCancelledWithAReasonFreesTheCommitment() {
        long small = propose(300_000, "SURVEY_AND_ACCEPTANCE", null, null).number("id");
        assertEquals("WITHDRAWN", wenfengOfficer.post("/api/expenses/" + small + "/withdraw").string("status"));
        long other = propose(400_000, "OTHER", null, null).number("id");
        assertEquals(200, admin.post("/api/expenses/" + other + "/approve").status());
        assertEquals(400_000, wenfengOfficer.get("/api/townships/" + wenfeng + "/account").number("committedFen"));
        Response cancelled = wenfengOfficer.post("/api/expenses/" + other + "/cancel", Json.object("reason", "合同未签订"));
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals(0, wenfengOfficer.get("/api/townships/" + wenfeng + "/account").number("committedFen"));
    }

    private void theCountysReportShowsTheSpendingByProjectAndPurpose() {
        JsonNode report = viewer.get("/api/reports/fund-spending?countyId=" + county + "&year=" + today.getYear()).json();
        JsonNode row = null;
        for (JsonNode r : report.get("rows")) {
            if (r.get("townshipId").asLong() == wenfeng && r.get("inflowProjectId").asLong() == project) {
                row = r;
            }
        }
        assertTrue(row != null, report.toString());
        assertEquals(before - 1_000_000, row.get("paidFen").asLong());
        assertEquals("RESTORATION_WORKS", row.get("category").asText());
        assertEquals("西关村", row.get("village").asText());
        assertTrue(row.get("approved").asBoolean());
        Response xlsx = api().sendWithHeaders("GET", "/api/reports/fund-spending?countyId=" + county + "&year="
                + today.getYear(), viewer.token(), null, null,
                java.util.Map.of("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertEquals(200, xlsx.status());
        assertTrue(xlsx.contentType().startsWith("application/vnd.openxmlformats"), xlsx.contentType());
    }

    /** 文峰镇's officer proposes an expense to 陇西县某农业工程有限公司 for 西关村, with the project and reference if given. */
    private Response propose(long amountFen, String category, Long inflowProject, String reference) {
        Json expense = Json.object("amountFen", amountFen, "category", category);
        if (inflowProject != null) {
            expense = expense.with("inflowProjectId", inflowProject);
        }
        expense = expense.with("payeeName", "陇西县某农业工程有限公司").with("purpose", "西关村耕地恢复");
        return wenfengOfficer.tryProposeExpense(reference == null ? expense : expense.with("reference", reference));
    }

    /** Whether the worklist has an item of the kind waiting, not overdue. */
    private static boolean waits(JsonNode worklist, String kind) {
        for (JsonNode item : worklist.get("items")) {
            if (item.get("kind").asText().equals(kind) && !item.get("overdue").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    private static String field(Response r) {
        return r.json().path("field").asText();
    }
}
