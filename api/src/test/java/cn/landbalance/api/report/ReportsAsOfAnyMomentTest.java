package cn.landbalance.api.report;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
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
    private static final String CONSTRAINTS = "{\"ecologicalRedLine\":false,\"natureReserve\":false,\"waterSourceLevel1\":false,"
            + "\"riverLakeForestPastoralDesert\":false,\"builtUpArea\":false,\"returnedFarmlandForest\":false,"
            + "\"pollutedSoil\":false,\"illegalDeforestation\":false}";

    private record Snapshot(String step, Instant at, Map<String, JsonNode> reports) {
    }

    @Test
    void everyReportAsOfAMomentEqualsTheLiveReportTakenThen() {
        String admin = login("county_admin");
        String enterprise = login("enterprise_coop");
        String gongchangOfficer = login("officer_gongchang");
        Finance finance = new Finance(api(), this::login);
        long county = countyId();
        long gongchang = api().get("/api/me", gongchangOfficer).number("regionId");
        long wenfeng = api().get("/api/me", login("officer_wenfeng")).number("regionId");
        long shouyang = api().get("/api/me", login("officer_shouyang")).number("regionId");
        int year = LocalDate.now(COUNTY_ZONE).getYear();
        List<String> paths = List.of(
                "/api/reports/annual-balance?countyId=" + county + "&year=" + year,
                "/api/reports/funds?countyId=" + county + "&year=" + year,
                "/api/reports/market?countyId=" + county + "&year=" + year,
                "/api/reports/freeze-deduction?countyId=" + county + "&year=" + year,
                "/api/reports/fund-spending?countyId=" + county + "&year=" + year,
                "/api/reports/assessment?countyId=" + county + "&year=" + year,
                "/api/townships/" + gongchang + "/inventory?",
                "/api/townships/" + wenfeng + "/inventory?",
                "/api/townships/" + shouyang + "/inventory?",
                "/api/counties/" + county + "/reserve?");
        List<Snapshot> snapshots = new ArrayList<>();
        snapshots.add(snapshot("start", paths, admin));

        long lot = acceptedLot("officer_gongchang", gongchang, "旱地", 10_000, 10);
        snapshots.add(snapshot("land restored in 巩昌镇", paths, admin));

        assertEquals(201, api().post("/api/listings", gongchangOfficer,
                "{\"townshipId\":" + gongchang + ",\"areaM2\":6000,\"pricePerMuFen\":5200000}").status());
        long rejected = declaredOutflow(gongchang, 6_000);
        snapshots.add(snapshot("listed, and an application declared", paths, admin));

        Response sold = api().post("/api/orders", enterprise, "{\"outflowApplicationId\":" + rejected + ",\"areaM2\":3000}");
        assertEquals(201, sold.status(), sold.body());
        assertEquals(200, finance.settleOrder(sold.number("id"), "ASOF-ORDER-1", enterprise).status());
        snapshots.add(snapshot("3 000 m² bought and paid", paths, admin));

        assertEquals(200, finance.payFee(rejected, 1_000, "ASOF-FEE-1", enterprise).status());
        snapshots.add(snapshot("a fee for 1 000 m² paid", paths, admin));

        Response pending = api().post("/api/orders", enterprise, "{\"outflowApplicationId\":" + rejected + ",\"areaM2\":1000}");
        assertEquals(201, pending.status(), pending.body());
        snapshots.add(snapshot("an order awaiting payment", paths, admin));
        Response reject = api().post("/api/outflow-applications/" + rejected + "/reject", admin, "{\"reason\":\"占用永久基本农田\"}");
        assertEquals(200, reject.status(), reject.body());
        snapshots.add(snapshot("the application rejected: order cancelled, purchase and fee refunded", paths, admin));

        long moved = declaredOutflow(wenfeng, 2_000);
        assertEquals(200, finance.payFee(moved, 2_000, "ASOF-FEE-2", enterprise).status());
        snapshots.add(snapshot("文峰镇 receives a fee for 2 000 m²", paths, admin));
        long fee = api().get("/api/outflow-applications/" + moved + "/fee-payments", admin).json().get(0).get("id").asLong();
        String feePath = "/api/outflow-applications/" + moved + "/fee-payments/" + fee;
        Response reassigned = api().post(feePath + "/reassign", admin, "{\"townshipId\":" + gongchang + "}");
        assertEquals(200, reassigned.status(), reassigned.body());
        snapshots.add(snapshot("the county moves that duty and money to 巩昌镇", paths, admin));
        Response delivered = api().post(feePath + "/deliveries", gongchangOfficer, "{\"lotId\":" + lot + ",\"areaM2\":1500}");
        assertEquals(201, delivered.status(), delivered.body());
        snapshots.add(snapshot("巩昌镇 delivers 1 500 m² of it", paths, admin));

        Response project = api().post("/api/inflow-projects", admin, "{\"townshipId\":" + county + ",\"village\":\"县级实施\","
                + "\"landClassBefore\":\"其他草地\",\"targetClass\":\"旱地\",\"ownership\":\"国有\",\"restorationAttr\":null,"
                + "\"slopeGrade\":2,\"areaM2\":6000,\"constraints\":" + CONSTRAINTS + "}");
        assertEquals(201, project.status(), project.body());
        assertEquals(200, api().post("/api/inflow-projects/" + project.number("id") + "/submit", admin, null).status());
        assertEquals(200, api().post("/api/inflow-projects/" + project.number("id") + "/accept", admin,
                "{\"qualityGrade\":9}").status());
        snapshots.add(snapshot("the county stocks its reserve", paths, admin));
        Response opened = api().post("/api/violations", admin, "{\"townshipId\":" + shouyang
                + ",\"areaM2\":2500,\"caseNo\":\"陇自然资违〔2026〕501号\",\"description\":\"违法建房\"}");
        assertEquals(201, opened.status(), opened.body());
        snapshots.add(snapshot("a violation in 寿阳镇 borrows 2 500 m² from the reserve", paths, admin));
        long caseId = opened.number("id");
        assertEquals(200, api().post("/api/violations/" + caseId + "/restore", admin, "{\"areaM2\":1000,\"reason\":\"拆除复垦\"}").status());
        snapshots.add(snapshot("1 000 m² restored: unfrozen", paths, admin));
        assertEquals(200, api().post("/api/violations/" + caseId + "/legalize", admin, "{\"reason\":\"陇政土〔2026〕8号\"}").status());
        snapshots.add(snapshot("the rest legalised: deducted", paths, admin));

        Response spent = finance.spend(gongchang, 1_000_000, "ASOF-WORK-1");
        assertEquals(200, spent.status(), spent.body());
        snapshots.add(snapshot("巩昌镇 pays an approved expense", paths, admin));
        Response proposed = api().post("/api/townships/" + gongchang + "/account/expenses", gongchangOfficer,
                "{\"amountFen\":500000,\"category\":\"SURVEY_AND_ACCEPTANCE\",\"payeeName\":\"县测绘队\",\"purpose\":\"验收测量\"}");
        assertEquals(201, proposed.status(), proposed.body());
        String expense = "/api/expenses/" + proposed.number("id");
        assertEquals(200, api().post(expense + "/approve", admin, "{\"note\":\"同意\"}").status());
        snapshots.add(snapshot("another expense approved: committed", paths, admin));
        Response cancelled = api().post(expense + "/cancel", gongchangOfficer, "{\"reason\":\"合同未签\"}");
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("同意", cancelled.json().get("decisionNote").asText(), "the approval stays as it was");
        assertEquals("合同未签", cancelled.json().get("cancelReason").asText());
        snapshots.add(snapshot("and cancelled: no longer committed", paths, admin));

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

        // as of today is the live books; a day or a moment still to come, or no date at all, is refused by name
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
