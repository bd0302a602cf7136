package cn.landbalance.api.outflow;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Fixtures;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.Actor;
import cn.landbalance.api.support.journey.County;
import cn.landbalance.api.support.journey.Enterprise;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import cn.landbalance.api.support.journey.Township;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * An enterprise converts farmland, its obligation follows the Gansu rule, and it pays the 5万元/亩 fee: it asks for a
 * payment notice, and the fee counts once the home township's finance confirms the money arrived.
 */
@MicronautTest(transactional = false)
class OutflowFeeAndObligationTest extends ApiTest {
    long county;
    long gongchang;
    County admin;
    Enterprise coop;
    Township gongchangOfficer;
    Finance finance;

    @BeforeAll
    void gansuRules() {
        admin = county();
        county = admin.id();
        coop = enterprise("enterprise_coop");
        gongchangOfficer = township("officer_gongchang");
        gongchang = gongchangOfficer.id();
        finance = new Finance(api(), this::login);
        Response put = api().put("/api/counties/" + county + "/rules", admin.token(), Fixtures.gansuRules(5_000_000, "INFLOW_FIRST"));
        assertEquals(200, put.status(), put.body());
    }

    /** enterprise_coop's 设施农用地 of {@code areaM2}, grade 14, in 巩昌镇. */
    private OutflowDeclaration outflow(long areaM2) {
        return OutflowDeclaration.in(gongchang).withArea(areaM2).withGrade(14);
    }

    private long declaredAndReviewed(long areaM2) {
        long id = coop.filesOutflow(outflow(areaM2));
        assertEquals("DECLARED", coop.tryDeclare(id).string("status"));
        assertEquals("TOWNSHIP_REVIEWED", gongchangOfficer.tryReview(id).string("status"));
        return id;
    }

    /** enterprise_coop asks for the fee notice of {@code areaM2}: 201 with the notice (the server computes the fee). */
    private Response feeNotice(long id, long areaM2) {
        return finance.feeNotice(id, areaM2, coop.token());
    }

    private long fund() {
        return gongchangOfficer.fundBalance();
    }

    private JsonNode obligation(long id) {
        return coop.application(id).json().get("obligation");
    }

    @Test
    void theFeeCoversTheObligationAndLandsInTheHomeTownshipsFund() {
        long id = declaredAndReviewed(17_050);            // 1.7050 公顷 × 1.10 = 1.8755 公顷
        assertEquals(18_755, obligation(id).get("requiredM2").asLong());
        Response refused = admin.tryApprove(id, "同意");
        assertEquals(422, refused.status());
        assertEquals("OBLIGATION_NOT_COVERED", refused.string("code"));

        JsonNode notice = theEnterpriseAsksForTheFeesNotice(id);
        long before = fund();
        neitherThePayerNorAWrongAmountPaysIt(notice, before);
        Response paid = theHomeTownshipsFinanceConfirmsIt(id, notice, before);
        aRepeatedConfirmationIsBookedOnceAndItsSerialPaysNothingElse(notice, paid, before);

        Response statement = gongchangOfficer.get("/api/townships/" + gongchang + "/account/statement");
        assertEquals(200, statement.status(), statement.body());
        JsonNode line = statement.json().get("lines").get(statement.json().get("lines").size() - 1);
        assertEquals("FEE", line.get("kind").asText());
        assertEquals("BANK-2022-0001", line.get("reference").asText());
        assertEquals(140_662_500, line.get("amountFen").asLong());

        assertEquals("APPROVED", admin.tryApprove(id, "同意").string("status"));
        assertTrue(admin.get("/api/audit/invariants").json().get("ok").asBoolean());
    }

    /** The server computes the fee, payable to the home township's fund; the open notice holds its area. */
    private JsonNode theEnterpriseAsksForTheFeesNotice(long id) {
        Response notice = feeNotice(id, 18_755);
        assertEquals(201, notice.status(), notice.body());
        assertEquals("FEE", notice.string("kind"));
        assertEquals(140_662_500, notice.number("amountFen"));                 // 1 406 625.00 元
        assertEquals("1406625.00", notice.string("amountYuan"));
        assertEquals(gongchang, notice.number("townshipId"));
        assertEquals(id, notice.number("applicationId"));
        assertEquals("OPEN", notice.string("status"));
        assertTrue(notice.string("remittanceCode").matches("\\d{14}"), notice.body());
        assertEquals(0, obligation(id).get("coveredM2").asLong(), "a notice covers nothing until its money is confirmed");
        Response held = feeNotice(id, 1);
        assertEquals(422, held.status(), "the open notice holds the area: " + held.body());
        assertEquals("OBLIGATION_OVER_COVERED", held.string("code"));
        return notice.json();
    }

    private void neitherThePayerNorAWrongAmountPaysIt(JsonNode notice, long before) {
        assertEquals(403, finance.confirm(notice, "BANK-2022-0001", coop.token()).status(),
                "the payer cannot declare its fee paid");
        Response wrong = finance.confirm(notice, "BANK-2022-0001", 140_000_000, Finance.issuedOn(notice),
                gongchangOfficer.token());
        assertEquals(422, wrong.status());
        assertEquals("PAYMENT_AMOUNT_MISMATCH", wrong.string("code"));
        assertEquals("amountFen", wrong.string("field"));
        assertTrue(wrong.string("detail").contains("140662500"), wrong.body());
        assertEquals(before, fund(), "a wrong amount books nothing");
    }

    private Response theHomeTownshipsFinanceConfirmsIt(long id, JsonNode notice, long before) {
        Response paid = finance.confirm(notice, "BANK-2022-0001", gongchangOfficer.token());
        assertEquals(200, paid.status(), paid.body());
        assertEquals("PAID", paid.string("status"));
        assertEquals("BANK-2022-0001", paid.json().get("receipt").get("bankSerial").asText());
        assertEquals(0, obligation(id).get("remainingM2").asLong());
        assertEquals(before + 140_662_500, fund());
        JsonNode payments = coop.get("/api/outflow-applications/" + id + "/fee-payments").json();
        assertEquals(1, payments.size());
        assertEquals(18_755, payments.get(0).get("areaM2").asLong());
        assertEquals("BANK-2022-0001", payments.get(0).get("paymentReference").asText());
        return paid;
    }

    private void aRepeatedConfirmationIsBookedOnceAndItsSerialPaysNothingElse(JsonNode notice, Response paid, long before) {
        String officer = gongchangOfficer.token();
        Response again = finance.confirm(notice, "BANK-2022-0001", officer);
        assertEquals(200, again.status(), again.body());
        assertEquals(paid.number("id"), again.number("id"));
        assertEquals(before + 140_662_500, fund(), "a repeated confirmation is never booked twice");
        long other = declaredAndReviewed(100);
        Response otherNotice = feeNotice(other, 100);
        assertEquals(201, otherNotice.status(), otherNotice.body());
        Response reused = finance.confirm(otherNotice.json(), "BANK-2022-0001", officer);
        assertEquals(409, reused.status(), reused.body());
        assertEquals("PAYMENT_REFERENCE_REUSED", reused.string("code"));
        assertEquals("bankSerial", reused.string("field"));
        assertEquals(before + 140_662_500, fund());
    }

    @Test
    void feeQuotesComputeTheSeedExamplesToTheFen() {
        assertEquals(5_000_000, coop.get("/api/counties/" + county + "/fee-quote?areaMu=1").number("amountFen"));
        Response hectares = coop.get("/api/counties/" + county + "/fee-quote?areaM2=18755");
        assertEquals(140_662_500, hectares.number("amountFen"));
        assertEquals("1406625.00", hectares.string("amountYuan"));
    }

    @Test
    void paymentsBeyondTheObligationAreRefused() {
        long id = declaredAndReviewed(1_000);             // requires 1 100 m²
        Response over = feeNotice(id, 1_101);
        assertEquals(422, over.status());
        assertEquals("OBLIGATION_OVER_COVERED", over.string("code"));
        Response notice = feeNotice(id, 1_000);
        assertEquals(201, notice.status(), notice.body());
        assertEquals("OBLIGATION_OVER_COVERED", feeNotice(id, 101).string("code"), "1 000 m² are held by the open notice");
        Response cancelled = coop.post("/api/payment-notices/" + notice.number("id") + "/cancel");
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("CANCELLED", cancelled.string("status"));
        assertEquals(409, finance.confirm(notice.json(), "BANK-OVER-1", gongchangOfficer.token()).status(),
                "a cancelled notice cannot be paid");
        assertEquals(201, feeNotice(id, 1_100).status(), "the cancelled notice's area is free again");
    }

    @Test
    void sixteenSimultaneousFeeNoticesNeverOverCover() throws Exception {
        long id = declaredAndReviewed(1_000);             // requires 1 100 m²: room for exactly 11 notices of 100 m²
        long before = fund();
        String enterprise = coop.token();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Response>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            results.add(pool.submit((Callable<Response>) () -> finance.feeNotice(id, 100, enterprise)));
        }
        List<JsonNode> notices = new ArrayList<>();
        int refused = 0;
        for (Future<Response> f : results) {
            Response r = f.get();
            if (r.status() == 201) {
                assertEquals(750_000, r.number("amountFen"));
                notices.add(r.json());
            } else {
                assertEquals("OBLIGATION_OVER_COVERED", r.string("code"), r.body());
                refused++;
            }
        }
        assertEquals(11, notices.size());
        assertEquals(5, refused);
        // the township's finance confirms the eleven at once
        String officer = gongchangOfficer.token();
        List<Future<Response>> confirmed = new ArrayList<>();
        for (int i = 0; i < notices.size(); i++) {
            JsonNode notice = notices.get(i);
            String serial = "BANK-RACE-" + i;
            confirmed.add(pool.submit((Callable<Response>) () -> finance.confirm(notice, serial, officer)));
        }
        for (Future<Response> f : confirmed) {
            Response r = f.get();
            assertEquals(200, r.status(), r.body());
        }
        pool.shutdown();
        JsonNode obligation = obligation(id);
        assertEquals(1_100, obligation.get("coveredM2").asLong());
        assertEquals(11, obligation.get("coverages").size());
        assertEquals(before + 11 * 750_000, fund());
        assertTrue(admin.get("/api/audit/invariants").json().get("ok").asBoolean());
    }

    @Test
    void othersCannotSeeOrPayForAnApplication() {
        long id = declaredAndReviewed(500);
        Enterprise transport = enterprise("enterprise_transport");
        Township wenfeng = township("officer_wenfeng");
        assertEquals(404, transport.application(id).status());
        assertEquals(404, finance.feeNotice(id, 10, transport.token()).status());
        assertEquals(404, transport.get("/api/outflow-applications/" + id + "/fee-payments").status());
        Response notice = feeNotice(id, 10);
        assertEquals(201, notice.status(), notice.body());
        String path = "/api/payment-notices/" + notice.number("id");
        assertEquals(404, transport.get(path).status());
        assertEquals(403, finance.confirm(notice.json(), "X-1", transport.token()).status());
        assertEquals(404, finance.confirm(notice.json(), "X-1", wenfeng.token()).status(),
                "only the home township's finance confirms its fees");
        assertEquals(404, transport.post(path + "/cancel").status());
        assertEquals("OPEN", coop.get(path).string("status"));
        assertEquals(404, wenfeng.application(id).status());
        assertEquals(200, gongchangOfficer.application(id).status());
        assertEquals(403, coop.post("/api/outflow-applications/" + id + "/approve", Json.object("reason", "同意")).status());
        assertNotNull(user("county_viewer").application(id).json().get("obligation"));
    }

    /** DOMAIN.md §5, in order of precedence: each row's application is refused with its code. */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void breachesAreRefusedWithTheirCode(String rule, Json fields, String code) {
        OutflowDeclaration form = outflow(1_000).with(fields);
        Response response = coop.tryFileOutflow(form);
        assertEquals(422, response.status(), rule + ": " + form + " -> " + response.body());
        assertEquals(code, response.string("code"), rule);
    }

    static Stream<Arguments> breachesAreRefusedWithTheirCode() {
        return Stream.of(
                arguments("permanent basic farmland", Json.object("permanentBasicFarmland", true), "OUTFLOW_PERMANENT_BASIC_FARMLAND"),
                arguments("planned construction land", Json.object("plannedConstructionLand", true), "OUTFLOW_PLANNED_CONSTRUCTION_LAND"),
                arguments("landscape lake", Json.object("landscapeLake", true), "OUTFLOW_LAKE_OR_TURF"),
                arguments("turf", Json.object("turf", true), "OUTFLOW_LAKE_OR_TURF"),
                arguments("high-standard, no 补建 plan", Json.object("highStandardFarmland", true), "OUTFLOW_HIGH_STANDARD_WITHOUT_PLAN"),
                arguments("green belt 3.5 m, county road", greenBelt("COUNTY_TOWNSHIP_ROAD", 3.5), "OUTFLOW_GREEN_BELT_TOO_WIDE"),
                arguments("green belt 5.01 m, railway", greenBelt("RAILWAY_NATIONAL_PROVINCIAL_ROAD", 5.01), "OUTFLOW_GREEN_BELT_TOO_WIDE"),
                arguments("green belt without width", Json.object("category", "GREEN_BELT"), "OUTFLOW_GREEN_BELT_UNDESCRIBED"),
                arguments("rural road 0.9 m", ruralRoad(0.9), "OUTFLOW_RURAL_ROAD_WIDTH"),
                arguments("rural road 8.5 m", ruralRoad(8.5), "OUTFLOW_RURAL_ROAD_WIDTH"),
                arguments("basic farmland first", Json.object("turf", true, "permanentBasicFarmland", true),
                        "OUTFLOW_PERMANENT_BASIC_FARMLAND"));
    }

    @ParameterizedTest(name = "{0} is allowed")
    @MethodSource
    void limitsThemselvesAreAllowed(String rule, Json fields) {
        OutflowDeclaration form = outflow(1_000).with(fields);
        assertEquals(201, coop.tryFileOutflow(form).status(), rule + ": " + form);
    }

    static Stream<Arguments> limitsThemselvesAreAllowed() {
        return Stream.of(
                arguments("green belt exactly 3 m", greenBelt("COUNTY_TOWNSHIP_ROAD", 3.0)),
                arguments("rural road 1.0 m", ruralRoad(1.0)),
                arguments("rural road 8.0 m", ruralRoad(8.0)),
                arguments("high-standard with plan", Json.object("highStandardFarmland", true, "supplementPlan", true)));
    }

    /** A green belt along a road of the type, {@code widthM} wide. */
    private static Json greenBelt(String roadType, double widthM) {
        return Json.object("category", "GREEN_BELT", "greenBelt", Json.object("roadType", roadType, "widthM", widthM));
    }

    private static Json ruralRoad(double widthM) {
        return Json.object("ruralRoad", Json.object("widthM", widthM));
    }
}
