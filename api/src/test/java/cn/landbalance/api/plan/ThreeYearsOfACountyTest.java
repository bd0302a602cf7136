package cn.landbalance.api.plan;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18's three years of a county, every report figure computed by hand. 巩昌镇 (A), 文峰镇 (B), 首阳镇 (C); converted
 * land is grade 14, dry land; the rules: 2022 进出同步 at 1 000‰, from 2023 先进后出 at 1 100‰ (fee and guide price
 * 5万元/亩 in both).
 * <pre>
 * 2022  A restores L1 9 600 m² (grade 10), B restores L2 4 000 m² (grade 10). A's own project P1 converts 3 000 m²
 *       → owes 3 000, self-balanced from L1 (乡镇自行平衡).
 * 2023  C converts P2 5 000 m² → owes 5 500: bought from A's listing (L1, a 2022 lot) and paid: 8.25 亩 × 5万 =
 *       412 500.00 元 into A's fund.
 *       B converts P3 2 000 m² → owes 2 200: an order of 1 000 m² awaits payment, a fee for 1 000 m² is paid
 *       (1.5 亩 × 5万 = 75 000.00 元 into B's fund); the county rejects P3: the order is cancelled (L1 gets its
 *       1 000 m² back), the fee refunded.
 *       A converts P4 1 000 m² → owes 1 100, paid by fee (1.65 亩 × 5万 = 82 500.00 元 into A's fund): A owes that
 *       land by 2024-10-31 and delivers it from L1 only now — late.
 *       C's own project P5 converts 2 000 m² → owes 2 200: 先进后出 refuses its approval until the county's 调剂
 *       moves 2 200 m² of B's L2 to it (no compensation).
 * 2024  B's own project P6 converts 1 000 m² → owes 1 100, self-balanced from L2; C restores L3 3 000 m² (grade 9).
 * (P2, P3 and P4 are an enterprise's: it buys or pays; the county's balancing covers the townships' own projects.)
 * </pre>
 * Then L1 has 0 available (9 600 = 3 000 + 5 500 + 1 100), L2 700 (4 000 − 2 200 − 1 100), L3 3 000.
 */
@MicronautTest(transactional = false)
class ThreeYearsOfACountyTest extends ApiTest {
    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String CONSTRAINTS = "{\"ecologicalRedLine\":false,\"natureReserve\":false,\"waterSourceLevel1\":false,"
            + "\"riverLakeForestPastoralDesert\":false,\"builtUpArea\":false,\"returnedFarmlandForest\":false,"
            + "\"pollutedSoil\":false,\"illegalDeforestation\":false}";

    @Test
    void threeYearsAddUpToTheFiguresComputedByHand() {
        String admin = login("county_admin");
        String enterprise = login("enterprise_coop");
        String officerA = login("officer_gongchang");
        Finance finance = new Finance(api(), this::login);
        long county = countyId();
        long a = api().get("/api/me", officerA).number("regionId");
        long b = api().get("/api/me", login("officer_wenfeng")).number("regionId");
        long c = api().get("/api/me", login("officer_shouyang")).number("regionId");
        String rules = "/api/counties/" + county + "/rules";
        assertEquals(200, api().put(rules, admin, rules(Fixtures.gansuRules(5_000_000, "SYNCHRONOUS")
                .replace("\"surplusFactorPermille\":1100", "\"surplusFactorPermille\":1000"), 2022)).status());
        assertEquals(200, api().put(rules, admin, rules(Fixtures.gansuRules(5_000_000, "INFLOW_FIRST"), 2023)).status());

        // 2022
        long l1 = lot("officer_gongchang", a, 9_600, 10, 2022);
        long l2 = lot("officer_wenfeng", b, 4_000, 10, 2022);
        long p1 = application("officer_gongchang", a, 3_000, 2022);
        assertEquals(3_000, required(p1, admin), "2022: 1 000‰");
        selfBalance(county, 2022, "OWN", admin, 1);

        // 2023: a purchase from a 2022 lot
        assertEquals(201, api().post("/api/listings", officerA, "{\"townshipId\":" + a
                + ",\"areaM2\":5500,\"pricePerMuFen\":5000000}").status());
        long p2 = application("enterprise_coop", c, 5_000, 2023);
        assertEquals(5_500, required(p2, admin), "2023: 1 100‰");
        Response bought = api().post("/api/orders", enterprise, "{\"outflowApplicationId\":" + p2 + ",\"areaM2\":5500}");
        assertEquals(201, bought.status(), bought.body());
        assertEquals(41_250_000, bought.number("amountFen"), "8.25 亩 × 5万");
        assertEquals(200, finance.settleOrder(bought.number("id"), "3Y-ORDER-1", enterprise).status());

        // a rejected application: its order cancelled, its fee refunded
        assertEquals(201, api().post("/api/listings", officerA, "{\"townshipId\":" + a
                + ",\"areaM2\":1000,\"pricePerMuFen\":5000000}").status());
        long p3 = application("enterprise_coop", b, 2_000, 2023);
        Response pending = api().post("/api/orders", enterprise, "{\"outflowApplicationId\":" + p3 + ",\"areaM2\":1000}");
        assertEquals(201, pending.status(), pending.body());
        Response feeB = finance.payFee(p3, 1_000, "3Y-FEE-B", enterprise);
        assertEquals(200, feeB.status(), feeB.body());
        assertEquals(7_500_000, feeB.number("amountFen"), "1.5 亩 × 5万");
        assertEquals(200, api().post("/api/outflow-applications/" + p3 + "/reject", admin, "{\"reason\":\"不符合规划\"}").status());
        assertEquals("CANCELLED", api().get("/api/orders/" + pending.number("id"), enterprise).string("status"));
        assertEquals("REFUNDED", api().get("/api/townships/" + b + "/fee-duties", admin).json().get("items").get(0)
                .get("standing").asText());

        // a fee-funded duty, discharged late
        long p4 = application("enterprise_coop", a, 1_000, 2023);
        Response feeA = finance.payFee(p4, 1_100, "3Y-FEE-A", enterprise);
        assertEquals(200, feeA.status(), feeA.body());
        assertEquals(8_250_000, feeA.number("amountFen"), "1.65 亩 × 5万");
        JsonNode owed = api().get("/api/townships/" + a + "/fee-duties", officerA).json();
        JsonNode duty = owed.get("items").get(0);
        assertEquals("2024-10-31", duty.get("dueOn").asText(), "2023's fee land is due by 10-31 of 2024");
        assertEquals("OVERDUE", duty.get("standing").asText());
        assertEquals(1_100, owed.get("overdueM2").asLong());
        assertTrue(overdueFeeLand(county, 2023, admin, a), "the 2023 plan lists A's fee land as late");
        Response delivered = api().post("/api/outflow-applications/" + p4 + "/fee-payments/" + duty.get("feePaymentId").asLong()
                + "/deliveries", officerA, "{\"lotId\":" + l1 + ",\"areaM2\":1100}");
        assertEquals(201, delivered.status(), delivered.body());
        duty = api().get("/api/townships/" + a + "/fee-duties", officerA).json().get("items").get(0);
        assertEquals("DISCHARGED_LATE", duty.get("standing").asText());
        assertEquals(0, duty.get("owedM2").asLong());
        assertEquals(LocalDate.now(COUNTY_ZONE).toString(), duty.get("lastDeliveredOn").asText());
        assertFalse(overdueFeeLand(county, 2023, admin, a), "nothing owed any more");

        // 先进后出: P5 cannot be approved until the county's 调剂 covers it
        long p5 = application("officer_shouyang", c, 2_000, 2023);
        assertEquals(200, api().post("/api/outflow-applications/" + p5 + "/review", admin, null).status());
        Response early = api().post("/api/outflow-applications/" + p5 + "/approve", admin, "{\"reason\":\"同意\"}");
        assertEquals("OBLIGATION_NOT_COVERED", early.string("code"), early.body());
        Instant beforeAdjustment = Instant.now();
        JsonNode lines = selfBalance(county, 2023, "COUNTY", admin, 1).get("lines");
        assertEquals(l2, lines.get(0).get("lotId").asLong(), "only B has spare indicators");
        assertEquals(p5, lines.get(0).get("applicationId").asLong());
        assertEquals(2_200, lines.get(0).get("areaM2").asLong());
        assertEquals(200, api().post("/api/outflow-applications/" + p5 + "/approve", admin, "{\"reason\":\"同意\"}").status());

        // 2024
        long p6 = application("officer_wenfeng", b, 1_000, 2024);
        selfBalance(county, 2024, "OWN", admin, 1);
        lot("officer_shouyang", c, 3_000, 9, 2024);

        // the annual balance of each year, township by township
        JsonNode y2022 = report("annual-balance", 2022, admin, null);
        assertFigures(township(y2022, a), "outflowM2=3000 obligationM2=3000 inflowM2=9600 selfCoveredM2=3000 boughtM2=0 "
                + "adjustedInM2=0 feeCoveredM2=0 soldM2=0 adjustedOutM2=0 remainingM2=0 feeOwedM2=0 spareM2=0 netM2=0 balanced=true");
        assertFigures(township(y2022, b), "outflowM2=0 obligationM2=0 inflowM2=4000 spareM2=700 netM2=700 balanced=true");
        assertFigures(township(y2022, c), "outflowM2=0 inflowM2=0 spareM2=0 balanced=true");
        assertFigures(y2022.get("totals"), "outflowM2=3000 obligationM2=3000 inflowM2=13600 selfCoveredM2=3000 boughtM2=0 "
                + "adjustedInM2=0 feeCoveredM2=0 remainingM2=0 feeOwedM2=0 shortfallM2=0 spareM2=700 balancedTownships=17");

        JsonNode y2023 = report("annual-balance", 2023, admin, null);
        assertFigures(township(y2023, a), "outflowM2=1000 obligationM2=1100 inflowM2=0 selfCoveredM2=0 boughtM2=0 adjustedInM2=0 "
                + "feeCoveredM2=1100 soldM2=5500 adjustedOutM2=0 remainingM2=0 feeOwedM2=0 spareM2=0 netM2=0 balanced=true");
        assertFigures(township(y2023, b), "outflowM2=0 obligationM2=0 soldM2=0 adjustedOutM2=2200 spareM2=700 netM2=700 "
                + "balanced=true");
        assertFigures(township(y2023, c), "outflowM2=7000 obligationM2=7700 boughtM2=5500 adjustedInM2=2200 feeCoveredM2=0 "
                + "remainingM2=0 spareM2=0 netM2=0 balanced=true");
        assertFigures(y2023.get("totals"), "outflowM2=8000 obligationM2=8800 inflowM2=0 selfCoveredM2=0 boughtM2=5500 "
                + "adjustedInM2=2200 feeCoveredM2=1100 remainingM2=0 feeOwedM2=0 shortfallM2=0 spareM2=700 balancedTownships=17");

        JsonNode y2024 = report("annual-balance", 2024, admin, null);
        assertFigures(township(y2024, a), "outflowM2=0 inflowM2=0 spareM2=0 balanced=true");
        assertFigures(township(y2024, b), "outflowM2=1000 obligationM2=1100 selfCoveredM2=1100 remainingM2=0 spareM2=700 "
                + "netM2=700 balanced=true");
        assertFigures(township(y2024, c), "outflowM2=0 inflowM2=3000 spareM2=3000 netM2=3000 balanced=true");
        assertFigures(y2024.get("totals"), "outflowM2=1000 obligationM2=1100 inflowM2=3000 selfCoveredM2=1100 remainingM2=0 "
                + "spareM2=3700 balancedTownships=17");

        // each application's 尚需落实 agrees with the report: nothing left, the rejected one counts for nothing
        for (long p : new long[]{p1, p2, p4, p5, p6}) {
            assertEquals(0, api().get("/api/outflow-applications/" + p, admin).json().get("obligation").get("remainingM2")
                    .asLong(), "application " + p);
        }
        assertEquals("REJECTED", api().get("/api/outflow-applications/" + p3, admin).string("status"));

        // the lots as the story left them
        assertEquals(0, lotOf(a, l1, admin).get("availableM2").asLong());
        assertEquals(9_600, lotOf(a, l1, admin).get("consumedM2").asLong());
        assertEquals(700, lotOf(b, l2, admin).get("availableM2").asLong());

        // this year's money: A received the sale and its fee; B's fee came in and went back
        int thisYear = LocalDate.now(COUNTY_ZONE).getYear();
        JsonNode funds = report("funds", thisYear, admin, null);
        assertFigures(township(funds, a), "openingFen=0 feesFen=8250000 salesFen=41250000 reassignedInFen=0 otherReceiptsFen=0 "
                + "expensesFen=0 refundsFen=0 closingFen=49500000");
        assertFigures(township(funds, b), "openingFen=0 feesFen=7500000 salesFen=0 refundsFen=7500000 closingFen=0");
        assertFigures(township(funds, c), "feesFen=0 salesFen=0 closingFen=0");
        assertFigures(funds, "openingFen=0 receivedFen=57000000 expensesFen=0 paidOutFen=7500000 closingFen=49500000");
        JsonNode market = report("market", thisYear, admin, null);
        assertFigures(market, "areaM2=5500 amountFen=41250000");
        assertEquals(1, market.get("byMonth").size());
        assertFigures(market.get("byMonth").get(0), "orders=1 areaM2=5500 amountFen=41250000 averagePricePerMuFen=5000000");

        // 2023 as it stood before the 调剂: C still short of P5's 2 200 m², B's L2 untouched
        JsonNode before = report("annual-balance", 2023, admin, beforeAdjustment);
        assertFigures(township(before, c), "obligationM2=7700 boughtM2=5500 adjustedInM2=0 remainingM2=2200 balanced=false");
        assertFigures(township(before, b), "adjustedOutM2=0 spareM2=4000");
        assertFigures(before.get("totals"), "remainingM2=2200 balancedTownships=16");

        assertTrue(api().get("/api/audit/invariants", admin).json().get("ok").asBoolean());
    }

    private long lot(String officer, long township, long areaM2, int grade, int planYear) {
        Response created = api().post("/api/inflow-projects", login(officer), "{\"townshipId\":" + township
                + ",\"village\":\"西关村\",\"landClassBefore\":\"其他林地\",\"targetClass\":\"旱地\",\"ownership\":\"集体\","
                + "\"restorationAttr\":null,\"slopeGrade\":2,\"areaM2\":" + areaM2 + ",\"planYear\":" + planYear
                + ",\"constraints\":" + CONSTRAINTS + "}");
        assertEquals(201, created.status(), created.body());
        long id = created.number("id");
        assertEquals(200, api().post("/api/inflow-projects/" + id + "/submit", login(officer), null).status());
        Response accepted = api().post("/api/inflow-projects/" + id + "/accept", login("county_admin"),
                "{\"qualityGrade\":" + grade + "}");
        assertEquals(200, accepted.status(), accepted.body());
        return accepted.number("lotId");
    }

    /** An outflow declared by {@code applicant}: an enterprise, or the township itself (its own projects, which the county's
     * 自行平衡 and 调剂 balance). */
    private long application(String applicant, long township, long areaM2, int planYear) {
        String token = login(applicant);
        Response created = api().post("/api/outflow-applications", token, "{\"townshipId\":" + township
                + ",\"category\":\"AGRI_FACILITY\",\"landClassAfter\":\"设施农用地\",\"areaM2\":" + areaM2
                + ",\"qualityGrade\":14,\"paddy\":false,\"permanentBasicFarmland\":false,\"plannedConstructionLand\":false,"
                + "\"highStandardFarmland\":false,\"planYear\":" + planYear + "}");
        assertEquals(201, created.status(), created.body());
        long id = created.number("id");
        assertEquals(200, api().post("/api/outflow-applications/" + id + "/declare", token, null).status());
        return id;
    }

    /** The year's proposal (OWN: each township's own indicators; COUNTY: the county's 调剂) confirmed whole. */
    private JsonNode selfBalance(long county, int year, String scope, String admin, int expectedLines) {
        Response proposal = api().post("/api/counties/" + county + "/adjustments/proposal", admin,
                "{\"year\":" + year + ",\"scope\":\"" + scope + "\",\"compensation\":\"NONE\"}");
        assertEquals(200, proposal.status(), proposal.body());
        JsonNode p = proposal.json();
        assertEquals(expectedLines, p.get("lines").size(), p.toString());
        assertTrue(p.get("balancesEveryTownship").asBoolean(), p.toString());
        StringBuilder lines = new StringBuilder();
        for (JsonNode l : p.get("lines")) {
            lines.append(lines.length() == 0 ? "" : ",").append("{\"lotId\":").append(l.get("lotId").asLong())
                    .append(",\"applicationId\":").append(l.get("applicationId").asLong()).append(",\"areaM2\":")
                    .append(l.get("areaM2").asLong()).append('}');
        }
        Response done = api().post("/api/counties/" + county + "/adjustments", admin, "{\"year\":" + year + ",\"scope\":\""
                + scope + "\",\"compensation\":\"NONE\",\"lines\":[" + lines + "]}");
        assertEquals(201, done.status(), done.body());
        return p;
    }

    private boolean overdueFeeLand(long county, int year, String admin, long township) {
        for (JsonNode item : api().get("/api/counties/" + county + "/plans/" + year, admin).json().get("overdue")) {
            if ("FEE_DELIVERY".equals(item.get("kind").asText()) && item.get("townshipId").asLong() == township) {
                assertEquals(1_100, item.get("areaM2").asLong());
                return true;
            }
        }
        return false;
    }

    private long required(long application, String token) {
        return api().get("/api/outflow-applications/" + application, token).json().get("obligation").get("requiredM2").asLong();
    }

    private JsonNode report(String name, int year, String token, Instant asOf) {
        Response r = api().get("/api/reports/" + name + "?countyId=" + countyId() + "&year=" + year
                + (asOf == null ? "" : "&asOf=" + asOf), token);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static JsonNode township(JsonNode report, long id) {
        for (JsonNode t : report.get("townships")) {
            if (t.get("townshipId").asLong() == id) {
                return t;
            }
        }
        throw new AssertionError("no township " + id + " in " + report);
    }

    private JsonNode lotOf(long township, long lot, String token) {
        for (JsonNode l : api().get("/api/townships/" + township + "/inventory", token).json().get("lots")) {
            if (l.get("id").asLong() == lot) {
                return l;
            }
        }
        throw new AssertionError("no lot " + lot);
    }

    /** Each {@code name=value} of {@code expected} equals the row's field (numbers and booleans as text). */
    private static void assertFigures(JsonNode row, String expected) {
        for (String pair : expected.split(" ")) {
            String[] kv = pair.split("=");
            assertTrue(row.has(kv[0]), kv[0] + " in " + row);
            assertEquals(kv[1], row.get(kv[0]).asText(), kv[0] + " of " + row);
        }
    }

    private static String rules(String body, int fromYear) {
        return body.substring(0, body.lastIndexOf('}')) + ",\"feeOnReversal\":\"REFUND\",\"fromYear\":" + fromYear + "}";
    }
}
