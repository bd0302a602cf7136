package cn.landbalance.api.plan;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Fixtures;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.LongxiYear;
import cn.landbalance.api.support.journey.Applicant;
import cn.landbalance.api.support.journey.County;
import cn.landbalance.api.support.journey.Enterprise;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import cn.landbalance.api.support.journey.RestorationProject;
import cn.landbalance.api.support.journey.Township;
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

    County county;
    String admin;
    Enterprise enterprise;
    Township a;
    Township b;
    Township c;
    Finance finance;
    long l1;
    long l2;
    long p1;
    long p2;
    long p3;
    long p4;
    long p5;
    long p6;
    Instant beforeAdjustment;

    @Test
    void threeYearsAddUpToTheFiguresComputedByHand() {
        theCountyKeepsTwoRuleVersions();
        in2022TheTownshipsRestoreLandAndABalancesItsOwnProject();
        in2023CBuysFromAsListing();
        in2023TheRejectedApplicationsOrderIsCancelledAndItsFeeRefunded();
        in2023AsFeeLandIsDeliveredLate();
        in2023InflowFirstWaitsForTheCountysAdjustment();
        in2024BBalancesItsOwnProjectAndCRestoresLand();

        theAnnualBalancesAreTheFiguresComputedByHand();
        theApplicationsAndLotsAreAsTheStoryLeftThem();
        thisYearsMoneyIsTheSaleAndTheFees();
        the2023ReportAsOfBeforeTheAdjustmentIsAsItStoodThen();
        assertTrue(api().get("/api/audit/invariants", admin).json().get("ok").asBoolean());
    }

    private void theCountyKeepsTwoRuleVersions() {
        county = county();
        admin = county.token();
        enterprise = enterprise("enterprise_coop");
        a = township("officer_gongchang");
        b = township("officer_wenfeng");
        c = township("officer_shouyang");
        finance = new Finance(api(), this::login);
        String rules = "/api/counties/" + county.id() + "/rules";
        assertEquals(200, api().put(rules, admin, rules(Fixtures.gansuRules(5_000_000, "SYNCHRONOUS")
                .with("surplusFactorPermille", 1000), 2022)).status());
        assertEquals(200, api().put(rules, admin, rules(Fixtures.gansuRules(5_000_000, "INFLOW_FIRST"), 2023)).status());
    }

    private void in2022TheTownshipsRestoreLandAndABalancesItsOwnProject() {
        l1 = lot(a, 9_600, 10, 2022);
        l2 = lot(b, 4_000, 10, 2022);
        p1 = application(a, a, 3_000, 2022);
        assertEquals(3_000, required(p1, admin), "2022: 1 000‰");
        selfBalance(2022, "OWN", 1);
    }

    /** A purchase from a 2022 lot. */
    private void in2023CBuysFromAsListing() {
        a.lists(5_500, 5_000_000);
        p2 = application(enterprise, c, 5_000, 2023);
        assertEquals(5_500, required(p2, admin), "2023: 1 100‰");
        Response bought = enterprise.placesOrder(p2, 5_500);
        assertEquals(41_250_000, bought.number("amountFen"), "8.25 亩 × 5万");
        assertEquals(200, finance.settleOrder(bought.number("id"), "3Y-ORDER-1", enterprise.token()).status());
    }

    /** A rejected application: its order cancelled, its fee refunded. */
    private void in2023TheRejectedApplicationsOrderIsCancelledAndItsFeeRefunded() {
        a.lists(1_000, 5_000_000);
        p3 = application(enterprise, b, 2_000, 2023);
        Response pending = enterprise.placesOrder(p3, 1_000);
        Response feeB = finance.payFee(p3, 1_000, "3Y-FEE-B", enterprise.token());
        assertEquals(200, feeB.status(), feeB.body());
        assertEquals(7_500_000, feeB.number("amountFen"), "1.5 亩 × 5万");
        county.rejects(p3, "不符合规划");
        assertEquals("CANCELLED", enterprise.get("/api/orders/" + pending.number("id")).string("status"));
        assertEquals("REFUNDED", api().get("/api/townships/" + b.id() + "/fee-duties", admin).json().get("items").get(0)
                .get("standing").asText());
    }

    /** A fee-funded duty, discharged late. */
    private void in2023AsFeeLandIsDeliveredLate() {
        p4 = application(enterprise, a, 1_000, 2023);
        Response feeA = finance.payFee(p4, 1_100, "3Y-FEE-A", enterprise.token());
        assertEquals(200, feeA.status(), feeA.body());
        assertEquals(8_250_000, feeA.number("amountFen"), "1.65 亩 × 5万");
        JsonNode owed = a.get("/api/townships/" + a.id() + "/fee-duties").json();
        JsonNode duty = owed.get("items").get(0);
        assertEquals("2024-10-31", duty.get("dueOn").asText(), "2023's fee land is due by 10-31 of 2024");
        assertEquals("OVERDUE", duty.get("standing").asText());
        assertEquals(1_100, owed.get("overdueM2").asLong());
        assertTrue(overdueFeeLand(county.id(), 2023, admin, a.id()), "the 2023 plan lists A's fee land as late");
        a.deliversFeeLand(p4, duty.get("feePaymentId").asLong(), l1, 1_100);
        duty = a.get("/api/townships/" + a.id() + "/fee-duties").json().get("items").get(0);
        assertEquals("DISCHARGED_LATE", duty.get("standing").asText());
        assertEquals(0, duty.get("owedM2").asLong());
        assertEquals(LocalDate.now(COUNTY_ZONE).toString(), duty.get("lastDeliveredOn").asText());
        assertFalse(overdueFeeLand(county.id(), 2023, admin, a.id()), "nothing owed any more");
    }

    /** 先进后出: P5 cannot be approved until the county's 调剂 covers it. */
    private void in2023InflowFirstWaitsForTheCountysAdjustment() {
        p5 = application(c, c, 2_000, 2023);
        county.reviews(p5);
        Response early = county.tryApprove(p5, "同意");
        assertEquals("OBLIGATION_NOT_COVERED", early.string("code"), early.body());
        beforeAdjustment = Instant.now();
        JsonNode lines = selfBalance(2023, "COUNTY", 1).get("lines");
        assertEquals(l2, lines.get(0).get("lotId").asLong(), "only B has spare indicators");
        assertEquals(p5, lines.get(0).get("applicationId").asLong());
        assertEquals(2_200, lines.get(0).get("areaM2").asLong());
        county.approves(p5, "同意");
    }

    private void in2024BBalancesItsOwnProjectAndCRestoresLand() {
        p6 = application(b, b, 1_000, 2024);
        selfBalance(2024, "OWN", 1);
        lot(c, 3_000, 9, 2024);
    }

    /** The annual balance of each year, township by township. */
    private void theAnnualBalancesAreTheFiguresComputedByHand() {
        JsonNode y2022 = report("annual-balance", 2022, null);
        assertFigures(township(y2022, a.id()), "outflowM2=3000 obligationM2=3000 inflowM2=9600 selfCoveredM2=3000 boughtM2=0 "
                + "adjustedInM2=0 feeCoveredM2=0 soldM2=0 adjustedOutM2=0 remainingM2=0 feeOwedM2=0 spareM2=0 netM2=0 balanced=true");
        assertFigures(township(y2022, b.id()), "outflowM2=0 obligationM2=0 inflowM2=4000 spareM2=700 netM2=700 balanced=true");
        assertFigures(township(y2022, c.id()), "outflowM2=0 inflowM2=0 spareM2=0 balanced=true");
        assertFigures(y2022.get("totals"), "outflowM2=3000 obligationM2=3000 inflowM2=13600 selfCoveredM2=3000 boughtM2=0 "
                + "adjustedInM2=0 feeCoveredM2=0 remainingM2=0 feeOwedM2=0 shortfallM2=0 spareM2=700 balancedTownships=17");

        JsonNode y2023 = report("annual-balance", 2023, null);
        assertFigures(township(y2023, a.id()), "outflowM2=1000 obligationM2=1100 inflowM2=0 selfCoveredM2=0 boughtM2=0 "
                + "adjustedInM2=0 feeCoveredM2=1100 soldM2=5500 adjustedOutM2=0 remainingM2=0 feeOwedM2=0 spareM2=0 netM2=0 "
                + "balanced=true");
        assertFigures(township(y2023, b.id()), "outflowM2=0 obligationM2=0 soldM2=0 adjustedOutM2=2200 spareM2=700 netM2=700 "
                + "balanced=true");
        assertFigures(township(y2023, c.id()), "outflowM2=7000 obligationM2=7700 boughtM2=5500 adjustedInM2=2200 "
                + "feeCoveredM2=0 remainingM2=0 spareM2=0 netM2=0 balanced=true");
        assertFigures(y2023.get("totals"), "outflowM2=8000 obligationM2=8800 inflowM2=0 selfCoveredM2=0 boughtM2=5500 "
                + "adjustedInM2=2200 feeCoveredM2=1100 remainingM2=0 feeOwedM2=0 shortfallM2=0 spareM2=700 balancedTownships=17");

        JsonNode y2024 = report("annual-balance", 2024, null);
        assertFigures(township(y2024, a.id()), "outflowM2=0 inflowM2=0 spareM2=0 balanced=true");
        assertFigures(township(y2024, b.id()), "outflowM2=1000 obligationM2=1100 selfCoveredM2=1100 remainingM2=0 spareM2=700 "
                + "netM2=700 balanced=true");
        assertFigures(township(y2024, c.id()), "outflowM2=0 inflowM2=3000 spareM2=3000 netM2=3000 balanced=true");
        assertFigures(y2024.get("totals"), "outflowM2=1000 obligationM2=1100 inflowM2=3000 selfCoveredM2=1100 remainingM2=0 "
                + "spareM2=3700 balancedTownships=17");
    }

    /** Each application's 尚需落实 agrees with the report: nothing left, the rejected one counts for nothing. */
    private void theApplicationsAndLotsAreAsTheStoryLeftThem() {
        for (long p : new long[]{p1, p2, p4, p5, p6}) {
            assertEquals(0, county.application(p).json().get("obligation").get("remainingM2").asLong(), "application " + p);
        }
        assertEquals("REJECTED", county.application(p3).string("status"));

        assertEquals(0, lotOf(a.id(), l1, admin).get("availableM2").asLong());
        assertEquals(9_600, lotOf(a.id(), l1, admin).get("consumedM2").asLong());
        assertEquals(700, lotOf(b.id(), l2, admin).get("availableM2").asLong());
    }

    /** This year's money: A received the sale and its fee; B's fee came in and went back. */
    private void thisYearsMoneyIsTheSaleAndTheFees() {
        int thisYear = LocalDate.now(COUNTY_ZONE).getYear();
        JsonNode funds = report("funds", thisYear, null);
        assertFigures(township(funds, a.id()), "openingFen=0 feesFen=8250000 salesFen=41250000 reassignedInFen=0 "
                + "otherReceiptsFen=0 expensesFen=0 refundsFen=0 closingFen=49500000");
        assertFigures(township(funds, b.id()), "openingFen=0 feesFen=7500000 salesFen=0 refundsFen=7500000 closingFen=0");
        assertFigures(township(funds, c.id()), "feesFen=0 salesFen=0 closingFen=0");
        assertFigures(funds, "openingFen=0 receivedFen=57000000 expensesFen=0 paidOutFen=7500000 closingFen=49500000");
        JsonNode market = report("market", thisYear, null);
        assertFigures(market, "areaM2=5500 amountFen=41250000");
        assertEquals(1, market.get("byMonth").size());
        assertFigures(market.get("byMonth").get(0), "orders=1 areaM2=5500 amountFen=41250000 averagePricePerMuFen=5000000");
    }

    /** 2023 as it stood before the 调剂: C still short of P5's 2 200 m², B's L2 untouched. */
    private void the2023ReportAsOfBeforeTheAdjustmentIsAsItStoodThen() {
        JsonNode before = report("annual-balance", 2023, beforeAdjustment);
        assertFigures(township(before, c.id()), "obligationM2=7700 boughtM2=5500 adjustedInM2=0 remainingM2=2200 balanced=false");
        assertFigures(township(before, b.id()), "adjustedOutM2=0 spareM2=4000");
        assertFigures(before.get("totals"), "remainingM2=2200 balancedTownships=16");
    }

    /** The township's project of {@code areaM2} (其他林地 to 旱地) for the plan year, submitted and accepted; its lot. */
    private long lot(Township township, long areaM2, int grade, int planYear) {
        long id = township.filesProject(RestorationProject.in(township.id(), areaM2).withPlanYear(planYear));
        assertEquals(200, township.trySubmitProject(id).status());
        return county.acceptsProject(id, grade);
    }

    /** An outflow declared by {@code applicant}: an enterprise, or the township itself (its own projects, which the county's
     * 自行平衡 and 调剂 balance). */
    private long application(Applicant applicant, Township township, long areaM2, int planYear) {
        return applicant.declaresOutflow(OutflowDeclaration.in(township.id()).withArea(areaM2).withGrade(14)
                .withPlanYear(planYear));
    }

    /** The year's proposal (OWN: each township's own indicators; COUNTY: the county's 调剂) confirmed whole. */
    private JsonNode selfBalance(int year, String scope, int expectedLines) {
        String adjustments = "/api/counties/" + county.id() + "/adjustments";
        Response proposal = county.post(adjustments + "/proposal",
                Json.object("year", year, "scope", scope, "compensation", "NONE"));
        assertEquals(200, proposal.status(), proposal.body());
        JsonNode p = proposal.json();
        assertEquals(expectedLines, p.get("lines").size(), p.toString());
        assertTrue(p.get("balancesEveryTownship").asBoolean(), p.toString());
        Response done = county.post(adjustments, LongxiYear.confirmAll(year, scope, "NONE", p));
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

    private JsonNode report(String name, int year, Instant asOf) {
        Response r = county.get("/api/reports/" + name + "?countyId=" + county.id() + "&year=" + year
                + (asOf == null ? "" : "&asOf=" + asOf));
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

    private static Json rules(Json body, int fromYear) {
        return body.with("feeOnReversal", "REFUND").with("fromYear", fromYear);
    }
}
