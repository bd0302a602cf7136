package cn.landbalance.api.fund;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
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

    @Test
    void theTownshipProposesTheCountyApprovesWithinTheFundAndOnlyPaymentMovesMoney() {
        String officer = login("officer_wenfeng");
        String admin = login("county_admin");
        String viewer = login("county_viewer");
        long wenfeng = api().get("/api/me", officer).number("regionId");
        long county = countyId();
        Finance finance = new Finance(api(), this::login);
        long app = declaredOutflow(wenfeng, 1000);
        Response fee = finance.payFee(app, 1000, "EXP-FEE-1", login("enterprise_coop"));
        assertEquals(200, fee.status(), fee.body());
        long before = api().get("/api/townships/" + wenfeng + "/account", officer).number("balanceFen");
        assertTrue(before >= 7_500_000, "the fee is in the fund");
        long lot = acceptedLot("officer_wenfeng", wenfeng, "水浇地", 2000, 10);
        long project = projectOfLot(lot, officer);

        // works must name their project; another township's project is not found; a bad category names the field
        Response noProject = propose(wenfeng, officer, 1_000_000, "RESTORATION_WORKS", null, "EXP-A");
        assertEquals(400, noProject.status(), noProject.body());
        assertEquals("inflowProjectId", field(noProject));
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        long otherLot = acceptedLot("officer_gongchang", gongchang, "水浇地", 500, 10);
        Response foreign = propose(wenfeng, officer, 1_000_000, "RESTORATION_WORKS", projectOfLot(otherLot,
                login("officer_gongchang")), "EXP-B");
        assertEquals(404, foreign.status(), foreign.body());
        assertEquals("inflowProjectId", field(foreign));
        Response badCategory = api().post("/api/townships/" + wenfeng + "/account/expenses", officer,
                "{\"amountFen\":100,\"category\":\"PARTY\",\"payeeName\":\"x\",\"purpose\":\"x\"}");
        assertEquals(400, badCategory.status(), badCategory.body());
        assertEquals("category", field(badCategory));
        assertEquals(403, api().post("/api/townships/" + wenfeng + "/account/expenses", admin,
                "{\"amountFen\":100,\"category\":\"OTHER\",\"payeeName\":\"x\",\"purpose\":\"x\"}").status(),
                "the county does not propose for the township");

        // a proposal moves nothing
        Response works = propose(wenfeng, officer, before - 1_000_000, "RESTORATION_WORKS", project, "合同 HT-2026-07");
        assertEquals(201, works.status(), works.body());
        assertEquals("PROPOSED", works.string("status"));
        assertEquals("待审批", works.string("statusLabel"));
        long worksId = works.number("id");
        assertEquals(before, api().get("/api/townships/" + wenfeng + "/account", officer).number("balanceFen"));
        Response aftercare = propose(wenfeng, officer, 2_000_000, "AFTERCARE", null, null);
        assertEquals(201, aftercare.status(), aftercare.body());
        long aftercareId = aftercare.number("id");

        // both wait in the county's to-do list
        JsonNode countyWorklist = api().get("/api/counties/" + county + "/worklist", viewer).json();
        assertTrue(countyWorklist.toString().contains("\"kind\":\"EXPENSE_APPROVAL\",\"overdue\":false"), countyWorklist.toString());

        // the county's queue; a township cannot approve its own, a viewer cannot either
        JsonNode queue = api().get("/api/counties/" + county + "/expenses?status=PROPOSED&townshipId=" + wenfeng, viewer).json();
        assertEquals(2, queue.get("total").asInt());
        assertEquals(aftercareId, queue.get("items").get(0).get("id").asLong(), "newest first");
        assertEquals(403, api().post("/api/expenses/" + worksId + "/approve", officer, "{}").status());
        assertEquals(403, api().post("/api/expenses/" + worksId + "/approve", viewer, "{}").status());
        assertEquals(404, api().get("/api/expenses/" + worksId, login("officer_gongchang")).status());

        // approved: committed, not spent
        Response approved = api().post("/api/expenses/" + worksId + "/approve", admin, "{\"note\":\"同意，按合同支付\"}");
        assertEquals(200, approved.status(), approved.body());
        assertEquals("APPROVED", approved.string("status"));
        JsonNode account = api().get("/api/townships/" + wenfeng + "/account", officer).json();
        assertEquals(before, account.get("balanceFen").asLong());
        JsonNode townshipWorklist = api().get("/api/counties/" + county + "/townships/" + wenfeng + "/worklist", officer).json();
        assertTrue(townshipWorklist.toString().contains("1 approved expenses to pay"), townshipWorklist.toString());
        assertEquals(404, api().get("/api/counties/" + county + "/townships/" + wenfeng + "/worklist", login("officer_gongchang"))
                .status(), "another township's list");
        assertEquals(before - 1_000_000, account.get("committedFen").asLong());
        assertEquals(1_000_000, account.get("availableFen").asLong());

        // the second cannot be approved beyond what is left uncommitted; nothing changes
        Response over = api().post("/api/expenses/" + aftercareId + "/approve", admin, "{}");
        assertEquals(422, over.status(), over.body());
        assertEquals("FUND_INSUFFICIENT", over.string("code"));
        assertEquals("PROPOSED", api().get("/api/expenses/" + aftercareId, officer).string("status"));
        Response noReason = api().post("/api/expenses/" + aftercareId + "/reject", admin, "{\"reason\":\" \"}");
        assertEquals(400, noReason.status(), noReason.body());
        assertEquals("reason", field(noReason));
        Response rejected = api().post("/api/expenses/" + aftercareId + "/reject", admin, "{\"reason\":\"管护费用应列入下年度\"}");
        assertEquals(200, rejected.status(), rejected.body());
        assertEquals("REJECTED", rejected.string("status"));
        assertEquals(409, api().post("/api/expenses/" + aftercareId + "/approve", admin, "{}").status(), "decided once");

        // paying: a date before approval or in the future is refused naming paidOn; a used serial names bankSerial
        LocalDate today = LocalDate.now(COUNTY_ZONE);
        Response early = pay(worksId, officer, "EXP-PAY-1", today.minusDays(3));
        assertEquals(400, early.status(), early.body());
        assertEquals("paidOn", field(early));
        Response future = pay(worksId, officer, "EXP-PAY-1", today.plusDays(1));
        assertEquals(400, future.status(), future.body());
        assertEquals("paidOn", field(future));
        Response reused = pay(worksId, officer, "EXP-FEE-1", today);
        assertEquals(409, reused.status(), reused.body());
        assertEquals("bankSerial", field(reused));
        assertEquals(403, pay(worksId, admin, "EXP-PAY-1", today).status(), "the township pays, not the county");
        assertEquals(before, api().get("/api/townships/" + wenfeng + "/account", officer).number("balanceFen"),
                "nothing refused moved money");

        Response paid = pay(worksId, officer, "EXP-PAY-1", today);
        assertEquals(200, paid.status(), paid.body());
        assertEquals("PAID", paid.string("status"));
        assertEquals(1_000_000, paid.number("fundBalanceFen"));
        assertEquals(0, paid.number("fundCommittedFen"));
        assertEquals(409, pay(worksId, officer, "EXP-PAY-2", today).status(), "paid once");
        JsonNode statement = api().get("/api/townships/" + wenfeng + "/account/statement", officer).json().get("lines");
        JsonNode last = statement.get(statement.size() - 1);
        assertEquals("EXPENSE", last.get("kind").asText());
        assertEquals("EXP-PAY-1", last.get("reference").asText());
        assertEquals(-(before - 1_000_000), last.get("amountFen").asLong());
        assertTrue(last.get("memo").asText().contains("耕地恢复工程"), last.toString());

        // a long purpose and payee still fit the fund's statement
        long wordy = propose(wenfeng, officer, 1_000, "OTHER", null, null).number("id");
        Response longOne = api().post("/api/townships/" + wenfeng + "/account/expenses", officer, "{\"amountFen\":1000,"
                + "\"category\":\"OTHER\",\"payeeName\":\"" + "某".repeat(200) + "\",\"purpose\":\"" + "长".repeat(500) + "\"}");
        assertEquals(201, longOne.status(), longOne.body());
        assertEquals(200, api().post("/api/expenses/" + longOne.number("id") + "/approve", admin, "{}").status());
        Response paidLong = pay(longOne.number("id"), officer, "EXP-PAY-LONG", today);
        assertEquals(200, paidLong.status(), paidLong.body());
        assertEquals(200, api().post("/api/expenses/" + wordy + "/withdraw", officer, null).status());

        // withdrawn before a decision; an approved one cancelled with a reason frees its commitment
        long small = propose(wenfeng, officer, 300_000, "SURVEY_AND_ACCEPTANCE", null, null).number("id");
        assertEquals("WITHDRAWN", api().post("/api/expenses/" + small + "/withdraw", officer, null).string("status"));
        long other = propose(wenfeng, officer, 400_000, "OTHER", null, null).number("id");
        assertEquals(200, api().post("/api/expenses/" + other + "/approve", admin, null).status());
        assertEquals(400_000, api().get("/api/townships/" + wenfeng + "/account", officer).number("committedFen"));
        Response cancelled = api().post("/api/expenses/" + other + "/cancel", officer, "{\"reason\":\"合同未签订\"}");
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals(0, api().get("/api/townships/" + wenfeng + "/account", officer).number("committedFen"));

        // the county's report: spending by project and purpose
        JsonNode report = api().get("/api/reports/fund-spending?countyId=" + county + "&year=" + today.getYear(), viewer).json();
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
                + today.getYear(), viewer, null, null,
                java.util.Map.of("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertEquals(200, xlsx.status());
        assertTrue(xlsx.contentType().startsWith("application/vnd.openxmlformats"), xlsx.contentType());

        assertTrue(api().get("/api/audit/invariants", admin).json().get("ok").asBoolean());
        assertEquals(java.util.List.of("expense.proposed", "expense.approved", "expense.paid"),
                tx.executeRead(status -> db.fetch("select type from outbox_event where aggregate_type = 'expense' "
                        + "and aggregate_id = ? order by id", worksId).map(r -> r.get(0, String.class))));
    }

    private Response propose(long township, String officer, long amountFen, String category, Long project, String reference) {
        return api().post("/api/townships/" + township + "/account/expenses", officer, "{\"amountFen\":" + amountFen
                + ",\"category\":\"" + category + "\"" + (project == null ? "" : ",\"inflowProjectId\":" + project)
                + ",\"payeeName\":\"陇西县某农业工程有限公司\",\"purpose\":\"西关村耕地恢复\""
                + (reference == null ? "" : ",\"reference\":\"" + reference + "\"") + "}");
    }

    private Response pay(long expense, String token, String serial, LocalDate paidOn) {
        return api().post("/api/expenses/" + expense + "/pay", token, "{\"bankSerial\":\"" + serial + "\",\"paidOn\":\""
                + paidOn + "\"}");
    }


    private static String field(Response r) {
        return r.json().path("field").asText();
    }
}
