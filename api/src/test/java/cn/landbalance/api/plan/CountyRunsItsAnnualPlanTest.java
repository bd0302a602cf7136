package cn.landbalance.api.plan;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.LongxiYear;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Longxi's 2022 plan, entered late with its real dates: imported, 报批 (its 转进 covers the obligation), approved with
 * the document number, filed, implemented; acceptance is refused naming the townships still short until the county's
 * 调剂 balances every one. Until then the to-do list says what is overdue; afterwards only what waits for decisions.
 */
@MicronautTest(transactional = false)
class CountyRunsItsAnnualPlanTest extends ApiTest {
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    DSLContext db;

    County admin;
    Actor viewer;
    long county;
    String plan;

    @Test
    void the2022PlanGoesFromDraftToAcceptedAndTheWorklistFollows() {
        admin = county();
        viewer = user("county_viewer");
        county = admin.id();
        plan = "/api/counties/" + county + "/plans/2022";
        Response original = admin.get("/api/counties/" + county + "/rules");
        try {
            anEmptyYearHasNoPlanToSubmit();
            theImportedPlanIsLateOnTheWorklist();
            thePlanIsSubmittedApprovedFiledAndImplementedOnItsRealDates();
            acceptanceWaitsForEveryTownshipToBalance();
            deadlinesAreTheCountysAndAnAcceptedPlansAreFinal();
            assertTrue(admin.get("/api/audit/invariants").json().get("ok").asBoolean());
        } finally {
            api().put("/api/counties/" + county + "/rules", admin.token(), original.body());
        }
    }

    private void anEmptyYearHasNoPlanToSubmit() {
        JsonNode untouched = viewer.get(plan).json();
        assertEquals("DRAFT", untouched.get("status").asText());
        assertFalse(untouched.get("stored").asBoolean());
        assertEquals("2022-03-31", untouched.get("deadlines").get("approvalDue").asText(), "the policy calendar");
        assertEquals("2023-10-31", untouched.get("deadlines").get("feeDeliveryDue").asText());
        Response empty = admin.post(plan + "/submit", Json.object("on", "2022-02-20"));
        assertEquals(409, empty.status(), "a year with nothing in it has no plan to submit: " + empty.body());
    }

    private void theImportedPlanIsLateOnTheWorklist() {
        LongxiYear.imported(api(), county, admin.token());
        JsonNode drafted = viewer.get(plan).json();
        assertTrue(drafted.get("inflowM2").asLong() >= drafted.get("obligationM2").asLong(), "1.1006 ≥ 1.1");
        assertEquals(17, drafted.get("townships").size());
        JsonNode late = viewer.get("/api/counties/" + county + "/worklist").json();
        assertTrue(kinds(late).contains("PLAN_APPROVAL"), late.toString());
        assertTrue(kinds(late).contains("PLAN_ACCEPTANCE"));
    }

    /** The steps, with the real dates; a viewer cannot act, a date before the step before is refused. */
    private void thePlanIsSubmittedApprovedFiledAndImplementedOnItsRealDates() {
        assertEquals(403, viewer.post(plan + "/submit", Json.object()).status());
        Response submitted = admin.post(plan + "/submit", Json.object("on", "2022-03-10"));
        assertEquals(200, submitted.status(), submitted.body());
        assertEquals("SUBMITTED", submitted.string("status"));
        Response noDoc = admin.post(plan + "/approve", Json.object("approvedOn", "2022-03-28"));
        assertEquals(400, noDoc.status(), noDoc.body());
        assertEquals("documentNo", noDoc.string("field"));
        Response early = admin.post(plan + "/approve", Json.object("approvedOn", "2022-03-01", "documentNo", "陇政发〔2022〕18号"));
        assertEquals(400, early.status(), early.body());
        assertEquals("approvedOn", early.string("field"));
        Response approved = admin.post(plan + "/approve", Json.object("approvedOn", "2022-03-28", "documentNo", "陇政发〔2022〕18号"));
        assertEquals(200, approved.status(), approved.body());
        assertEquals("陇政发〔2022〕18号", approved.string("approvalDocNo"));
        assertEquals(409, admin.post(plan + "/approve", Json.object("approvedOn", "2022-03-28", "documentNo", "x")).status(),
                "approved once");
        assertEquals(200, admin.post(plan + "/file", Json.object("filedOn", "2022-04-02", "filingNo", "BA-2022-0117")).status());
        assertEquals(200, admin.post(plan + "/implemented", Json.object("on", "2022-10-30")).status());
        JsonNode afterSteps = viewer.get("/api/counties/" + county + "/worklist").json();
        assertFalse(kinds(afterSteps).contains("PLAN_APPROVAL"), "approved, late or not");
        assertTrue(kinds(afterSteps).contains("PLAN_ACCEPTANCE"));
    }

    private void acceptanceWaitsForEveryTownshipToBalance() {
        Response notYet = admin.post(plan + "/accept", Json.object("on", "2022-12-20"));
        assertEquals(422, notYet.status(), notYet.body());
        assertEquals("PLAN_NOT_BALANCED", notYet.string("code"));
        assertTrue(notYet.string("detail").contains("尚未平衡"), notYet.body());
        String adjustments = "/api/counties/" + county + "/adjustments";
        Response own = admin.post(adjustments + "/proposal", Json.object("year", 2022, "scope", "OWN"));
        assertEquals(201, admin.post(adjustments, LongxiYear.confirmAll("OWN", "NONE", own.json())).status());
        Response rest = admin.post(adjustments + "/proposal", Json.object("year", 2022, "scope", "COUNTY", "compensation", "NONE"));
        assertEquals(201, admin.post(adjustments, LongxiYear.confirmAll("COUNTY", "NONE", rest.json())).status());
        Response accepted = admin.post(plan + "/accept", Json.object("on", "2022-12-20"));
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals("ACCEPTED", accepted.string("status"));
        assertEquals(17, accepted.number("townshipsBalanced"));
        assertEquals(0, accepted.json().get("overdue").size(), accepted.body());
        JsonNode done = viewer.get("/api/counties/" + county + "/worklist").json();
        assertFalse(kinds(done).stream().anyMatch(k -> k.startsWith("PLAN_")), done.toString());
    }

    private void deadlinesAreTheCountysAndAnAcceptedPlansAreFinal() {
        Response moved = admin.put(plan + "/deadlines", deadlines("2022-07-31", "2022-10-31", "2022-12-31", "2023-10-31"));
        assertEquals(409, moved.status(), moved.body());
        String next = "/api/counties/" + county + "/plans/" + (LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 1);
        Response backwards = admin.put(next + "/deadlines", deadlines("2030-07-31", "2030-06-30", "2030-12-31", "2031-10-31"));
        assertEquals(400, backwards.status(), backwards.body());
        assertEquals("implementationDue", backwards.string("field"));
    }

    private static Json deadlines(String approvalDue, String implementationDue, String acceptanceDue, String feeDeliveryDue) {
        return Json.object("approvalDue", approvalDue, "implementationDue", implementationDue, "acceptanceDue", acceptanceDue,
                "feeDeliveryDue", feeDeliveryDue);
    }

    /**
     * Seed 000's rounds: what an applicant declared by the end of January the township must review and report by the
     * end of February. A declaration of January last year still waiting is late on both to-do lists until reviewed; one
     * declared today is not.
     */
    @Test
    void declarationsTheTownshipHasNotReportedInTheirRoundAreLate() {
        Township gongchangOfficer = township("officer_gongchang");
        String officer = gongchangOfficer.token();
        long county = countyId();
        long gongchang = gongchangOfficer.id();
        declaredOutflow(gongchang, 1_000);
        long old = declaredOutflow(gongchang, 2_000);
        String township = "/api/counties/" + county + "/townships/" + gongchang + "/worklist";
        assertFalse(kinds(api().get(township, officer).json()).contains("TOWNSHIP_REPORT"), "declared today: not late");

        LocalDate january = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusYears(1).withDayOfYear(10);
        // as if it had been declared last January: decisions are immutable, so the test alone steps past the guard
        tx.executeWrite(status -> {
            db.execute("set local session_replication_role = replica");
            return db.execute("update outflow_decision set decided_at = ?::timestamptz "
                    + "where application_id = ? and action = 'DECLARE'", january + "T10:00:00+08:00", old);
        });
        String due = java.time.YearMonth.of(january.getYear(), 2).atEndOfMonth().toString();
        for (JsonNode list : new JsonNode[]{api().get(township, officer).json(),
                api().get("/api/counties/" + county + "/worklist", login("county_viewer")).json()}) {
            JsonNode late = null;
            for (JsonNode item : list.get("items")) {
                if ("TOWNSHIP_REPORT".equals(item.get("kind").asText())) {
                    late = item;
                }
            }
            assertTrue(late != null, list.toString());
            assertTrue(late.get("overdue").asBoolean());
            assertEquals(1, late.get("count").asLong());
            assertEquals(due, late.get("due").asText());
            assertEquals("巩昌镇 1 件转出申报逾期未审核上报（期限 " + due + "）", late.get("textZh").asText());
        }
        gongchangOfficer.reviews(old);
        assertFalse(kinds(api().get(township, officer).json()).contains("TOWNSHIP_REPORT"), "reported: no longer late");
    }

    private static java.util.List<String> kinds(JsonNode worklist) {
        java.util.List<String> kinds = new java.util.ArrayList<>();
        worklist.get("items").forEach(i -> kinds.add(i.get("kind").asText()));
        return kinds;
    }
}
