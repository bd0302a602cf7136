package cn.landbalance.api.report;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.County;
import cn.landbalance.api.support.journey.Enterprise;
import cn.landbalance.api.support.journey.RestorationProject;
import cn.landbalance.api.support.journey.Township;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18: every report and inventory answers as of any moment from the immutable movements, transfers, coverages and
 * decisions. A county's year is played step by step (land restored, listed, sold, a fee paid, an application rejected
 * with its order cancelled and its purchase and fee refunded, a fee's duty moved and delivered, the reserve stocked,
 * a violation borrowing from it, restored and legalised, an expense paid); after each step every report is taken live.
 * Afterwards each report asked {@code asOf} each of those moments equals the live one taken then.
 */
@MicronautTest(transactional = false)
class ReportsAsOfAnyMomentTest extends ApiTest {
    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

    private record Snapshot(String step, Instant at, Map<String, JsonNode> reports) {
    }

    County county;
    String admin;
    Enterprise enterprise;
    Township gongchang;
    Finance finance;
    List<String> paths;
    final List<Snapshot> snapshots = new ArrayList<>();

    @Test
    void everyReportAsOfAMomentEqualsTheLiveReportTakenThen() {
        county = county();
        admin = county.token();
        enterprise = enterprise("enterprise_coop");
        gongchang = township("officer_gongchang");
        finance = new Finance(api(), this::login);
        long wenfeng = township("officer_wenfeng").id();
        long shouyang = township("officer_shouyang").id();
        paths = reportsOf(wenfeng, shouyang);
        snapshot("start");

        long lot = acceptedLot("officer_gongchang", gongchang.id(), "旱地", 10_000, 10);
        snapshot("land restored in 巩昌镇");
        aSaleAFeeAndARejectedApplication();
        aFeesDutyMovedAndDelivered(wenfeng, lot);
        theReserveStockedAndAViolationBorrowingFromIt(shouyang);
        expensesPaidApprovedAndCancelled();

        everyReportAsOfEachMomentIsTheOneTakenThen();
        asOfTodayIsTheLiveBooksAndTheFutureIsRefused();
    }

    /** The reports of the year and the inventories of the three townships and of the county's reserve. */
    private List<String> reportsOf(long wenfeng, long shouyang) {
        long countyId = county.id();
        int year = LocalDate.now(COUNTY_ZONE).getYear();
        return List.of(
                "/api/reports/annual-balance?countyId=" + countyId + "&year=" + year,
                "/api/reports/funds?countyId=" + countyId + "&year=" + year,
                "/api/reports/market?countyId=" + countyId + "&year=" + year,
                "/api/reports/freeze-deduction?countyId=" + countyId + "&year=" + year,
                "/api/reports/fund-spending?countyId=" + countyId + "&year=" + year,
                "/api/reports/assessment?countyId=" + countyId + "&year=" + year,
                "/api/townships/" + gongchang.id() + "/inventory?",
                "/api/townships/" + wenfeng + "/inventory?",
                "/api/townships/" + shouyang + "/inventory?",
                "/api/counties/" + countyId + "/reserve?");
    }

    private void aSaleAFeeAndARejectedApplication() {
        gongchang.lists(6_000, 5_200_000);
        long rejected = declaredOutflow(gongchang.id(), 6_000);
        snapshot("listed, and an application declared");

        Response sold = enterprise.placesOrder(rejected, 3_000);
        assertEquals(200, finance.settleOrder(sold.number("id"), "ASOF-ORDER-1", enterprise.token()).status());
        snapshot("3 000 m² bought and paid");

        assertEquals(200, finance.payFee(rejected, 1_000, "ASOF-FEE-1", enterprise.token()).status());
        snapshot("a fee for 1 000 m² paid");

        enterprise.placesOrder(rejected, 1_000);
        snapshot("an order awaiting payment");
        county.rejects(rejected, "占用永久基本农田");
        snapshot("the application rejected: order cancelled, purchase and fee refunded");
    }

    private void aFeesDutyMovedAndDelivered(long wenfeng, long lot) {
        long moved = declaredOutflow(wenfeng, 2_000);
        assertEquals(200, finance.payFee(moved, 2_000, "ASOF-FEE-2", enterprise.token()).status());
        snapshot("文峰镇 receives a fee for 2 000 m²");
        long fee = county.get("/api/outflow-applications/" + moved + "/fee-payments").json().get(0).get("id").asLong();
        Response reassigned = county.post("/api/outflow-applications/" + moved + "/fee-payments/" + fee + "/reassign",
                Json.object("townshipId", gongchang.id()));
        assertEquals(200, reassigned.status(), reassigned.body());
        snapshot("the county moves that duty and money to 巩昌镇");
        gongchang.deliversFeeLand(moved, fee, lot, 1_500);
        snapshot("巩昌镇 delivers 1 500 m² of it");
    }

    private void theReserveStockedAndAViolationBorrowingFromIt(long shouyang) {
        long project = county.filesProject(RestorationProject.in(county.id(), 6_000).inVillage("县级实施")
                .from("其他草地", "旱地").withOwnership("国有"));
        assertEquals(200, county.trySubmitProject(project).status());
        assertEquals(200, county.tryAcceptProject(project, 9).status());
        snapshot("the county stocks its reserve");
        Response opened = county.opensCase(shouyang, 2_500, "陇自然资违〔2026〕501号", "违法建房");
        snapshot("a violation in 寿阳镇 borrows 2 500 m² from the reserve");
        long caseId = opened.number("id");
        assertEquals(200, county.tryRestoreCase(caseId, 1000, "拆除复垦").status());
        snapshot("1 000 m² restored: unfrozen");
        assertEquals(200, county.tryLegalise(caseId, "陇政土〔2026〕8号").status());
        snapshot("the rest legalised: deducted");
    }

    private void expensesPaidApprovedAndCancelled() {
        Response spent = finance.spend(gongchang.id(), 1_000_000, "ASOF-WORK-1");
        assertEquals(200, spent.status(), spent.body());
        snapshot("巩昌镇 pays an approved expense");
        Response proposed = gongchang.tryProposeExpense(500_000, "SURVEY_AND_ACCEPTANCE", "县测绘队", "验收测量");
        assertEquals(201, proposed.status(), proposed.body());
        String expense = "/api/expenses/" + proposed.number("id");
        assertEquals(200, county.post(expense + "/approve", Json.object("note", "同意")).status());
        snapshot("another expense approved: committed");
        Response cancelled = gongchang.post(expense + "/cancel", Json.object("reason", "合同未签"));
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("同意", cancelled.json().get("decisionNote").asText(), "the approval stays as it was");
        assertEquals("合同未签", cancelled.json().get("cancelReason").asText());
        snapshot("and cancelled: no longer committed");
    }

    private void everyReportAsOfEachMomentIsTheOneTakenThen() {
        for (Snapshot s : snapshots) {
            for (String path : paths) {
                Response asOf = api().get(path + "&asOf=" + s.at(), admin);
                assertEquals(200, asOf.status(), asOf.body());
                ObjectNode then = (ObjectNode) asOf.json();
                assertEquals(s.at().toString(), then.get("asOf").asText());
                then.remove("asOf");
                assertEquals(s.reports().get(path), then, path + " as of \"" + s.step() + "\"");
            }
        }
        // the figures really moved: the first and last moments differ where the story says they should
        JsonNode first = snapshots.get(0).reports().get(paths.get(3)).get("totals");
        JsonNode last = snapshots.get(snapshots.size() - 1).reports().get(paths.get(3)).get("totals");
        assertEquals(first.get("frozenM2").asLong() + 2_500, last.get("frozenM2").asLong());
        assertEquals(first.get("deductedM2").asLong() + 1_500, last.get("deductedM2").asLong());
    }

    /** As of today is the live books; a day or a moment still to come, or no date at all, is refused by name. */
    private void asOfTodayIsTheLiveBooksAndTheFutureIsRefused() {
        String today = LocalDate.now(COUNTY_ZONE).toString();
        for (String path : paths) {
            ObjectNode now = (ObjectNode) api().get(path + "&asOf=" + today, admin).json();
            assertEquals(today, now.remove("asOf").asText());
            ObjectNode live = (ObjectNode) api().get(path, admin).json();
            live.remove("asOf");
            assertEquals(live, now, path);
            for (String bad : List.of(LocalDate.now(COUNTY_ZONE).plusDays(1).toString(), "yesterday", "1999-12-31")) {
                Response refused = api().get(path + "&asOf=" + bad, admin);
                assertEquals(400, refused.status(), path + " asOf=" + bad + ": " + refused.body());
                assertEquals("asOf", refused.json().get("field").asText());
                assertTrue(refused.json().get("detail").asText().contains("/"), "Chinese and English");
            }
        }
    }

    /** Every report taken live now, after {@code step}. */
    private void snapshot(String step) {
        snapshots.add(snapshot(step, paths, admin));
    }

    private Snapshot snapshot(String step, List<String> paths, String token) {
        Map<String, JsonNode> reports = new LinkedHashMap<>();
        for (String path : paths) {
            Response r = api().get(path, token);
            assertEquals(200, r.status(), r.body());
            ObjectNode body = (ObjectNode) r.json();
            body.remove("asOf");
            reports.put(path, body);
        }
        return new Snapshot(step, Instant.now(), reports);
    }
}
