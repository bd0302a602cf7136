package cn.landbalance.api.outflow;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An enterprise converts farmland, its obligation follows the Gansu rule, and it pays the 5万元/亩 fee: it asks for a
 * payment notice, and the fee counts once the home township's finance confirms the money arrived.
 */
@MicronautTest(transactional = false)
class OutflowFeeAndObligationTest extends ApiTest {
    long county;
    long gongchang;
    Finance finance;

    @BeforeAll
    void gansuRules() {
        county = countyId();
        gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        finance = new Finance(api(), this::login);
        Response put = api().put("/api/counties/" + county + "/rules", login("county_admin"), Fixtures.gansuRules(5_000_000, "INFLOW_FIRST"));
        assertEquals(200, put.status(), put.body());
    }

    private String outflow(long areaM2, String extra) {
        return "{\"townshipId\":" + gongchang + ",\"category\":\"AGRI_FACILITY\",\"landClassAfter\":\"设施农用地\",\"areaM2\":"
                + areaM2 + ",\"qualityGrade\":14,\"paddy\":false,\"permanentBasicFarmland\":false,"
                + "\"plannedConstructionLand\":false,\"highStandardFarmland\":false" + (extra == null ? "" : "," + extra) + "}";
    }

    private long declaredAndReviewed(long areaM2) {
        String enterprise = login("enterprise_coop");
        Response created = api().post("/api/outflow-applications", enterprise, outflow(areaM2, null));
        assertEquals(201, created.status(), created.body());
        long id = created.number("id");
        assertEquals("DECLARED", api().post("/api/outflow-applications/" + id + "/declare", enterprise, null).string("status"));
        assertEquals("TOWNSHIP_REVIEWED", api().post("/api/outflow-applications/" + id + "/review",
                login("officer_gongchang"), null).string("status"));
        return id;
    }

    /** enterprise_coop asks for the fee notice of {@code areaM2}: 201 with the notice (the server computes the fee). */
    private Response feeNotice(long id, long areaM2) {
        return finance.feeNotice(id, areaM2, login("enterprise_coop"));
    }

    private long fund() {
        return api().get("/api/townships/" + gongchang + "/account", login("officer_gongchang")).number("balanceFen");
    }

    @Test
    void theFeeCoversTheObligationAndLandsInTheHomeTownshipsFund() {
        long id = declaredAndReviewed(17_050);            // 1.7050 公顷 × 1.10 = 1.8755 公顷
        JsonNode obligation = api().get("/api/outflow-applications/" + id, login("enterprise_coop")).json().get("obligation");
        assertEquals(18_755, obligation.get("requiredM2").asLong());

        Response refused = api().post("/api/outflow-applications/" + id + "/approve", login("county_admin"), "{\"reason\":\"同意\"}");
        assertEquals(422, refused.status());
        assertEquals("OBLIGATION_NOT_COVERED", refused.string("code"));

        // the enterprise asks for the fee's notice: the server computes the fee, payable to the home township's fund
        Response notice = feeNotice(id, 18_755);
        assertEquals(201, notice.status(), notice.body());
        assertEquals("FEE", notice.string("kind"));
        assertEquals(140_662_500, notice.number("amountFen"));                 // 1 406 625.00 元
        assertEquals("1406625.00", notice.string("amountYuan"));
        assertEquals(gongchang, notice.number("townshipId"));
        assertEquals(id, notice.number("applicationId"));
        assertEquals("OPEN", notice.string("status"));
        assertTrue(notice.string("remittanceCode").matches("\\d{14}"), notice.body());
        assertEquals(0, api().get("/api/outflow-applications/" + id, login("enterprise_coop")).json().get("obligation")
                .get("coveredM2").asLong(), "a notice covers nothing until its money is confirmed");
        Response held = feeNotice(id, 1);
        assertEquals(422, held.status(), "the open notice holds the area: " + held.body());
        assertEquals("OBLIGATION_OVER_COVERED", held.string("code"));
        assertEquals(403, finance.confirm(notice.json(), "BANK-2022-0001", login("enterprise_coop")).status(),
                "the payer cannot declare its fee paid");

        long before = fund();
        String officer = login("officer_gongchang");
        Response wrong = finance.confirm(notice.json(), "BANK-2022-0001", 140_000_000, Finance.issuedOn(notice.json()), officer);
        assertEquals(422, wrong.status());
        assertEquals("PAYMENT_AMOUNT_MISMATCH", wrong.string("code"));
        assertEquals("amountFen", wrong.string("field"));
        assertTrue(wrong.string("detail").contains("140662500"), wrong.body());
        assertEquals(before, fund(), "a wrong amount books nothing");

        Response paid = finance.confirm(notice.json(), "BANK-2022-0001", officer);
        assertEquals(200, paid.status(), paid.body());
        assertEquals("PAID", paid.string("status"));
        assertEquals("BANK-2022-0001", paid.json().get("receipt").get("bankSerial").asText());
        assertEquals(0, api().get("/api/outflow-applications/" + id, login("enterprise_coop")).json().get("obligation")
                .get("remainingM2").asLong());
        assertEquals(before + 140_662_500, fund());
        JsonNode payments = api().get("/api/outflow-applications/" + id + "/fee-payments", login("enterprise_coop")).json();
        assertEquals(1, payments.size());
        assertEquals(18_755, payments.get(0).get("areaM2").asLong());
        assertEquals("BANK-2022-0001", payments.get(0).get("paymentReference").asText());

        Response again = finance.confirm(notice.json(), "BANK-2022-0001", officer);
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

        Response statement = api().get("/api/townships/" + gongchang + "/account/statement", login("officer_gongchang"));
        assertEquals(200, statement.status(), statement.body());
        JsonNode line = statement.json().get("lines").get(statement.json().get("lines").size() - 1);
        assertEquals("FEE", line.get("kind").asText());
        assertEquals("BANK-2022-0001", line.get("reference").asText());
        assertEquals(140_662_500, line.get("amountFen").asLong());

        assertEquals("APPROVED", api().post("/api/outflow-applications/" + id + "/approve", login("county_admin"), "{\"reason\":\"同意\"}")
                .string("status"));
        assertTrue(api().get("/api/audit/invariants", login("county_admin")).json().get("ok").asBoolean());
    }

    @Test
    void feeQuotesComputeTheSeedExamplesToTheFen() {
        String token = login("enterprise_coop");
        assertEquals(5_000_000, api().get("/api/counties/" + county + "/fee-quote?areaMu=1", token).number("amountFen"));
        Response hectares = api().get("/api/counties/" + county + "/fee-quote?areaM2=18755", token);
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
        Response cancelled = api().post("/api/payment-notices/" + notice.number("id") + "/cancel", login("enterprise_coop"), null);
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("CANCELLED", cancelled.string("status"));
        assertEquals(409, finance.confirm(notice.json(), "BANK-OVER-1", login("officer_gongchang")).status(),
                "a cancelled notice cannot be paid");
        assertEquals(201, feeNotice(id, 1_100).status(), "the cancelled notice's area is free again");
    }

    @Test
    void sixteenSimultaneousFeeNoticesNeverOverCover() throws Exception {
        long id = declaredAndReviewed(1_000);             // requires 1 100 m²: room for exactly 11 notices of 100 m²
        long before = fund();
        String enterprise = login("enterprise_coop");
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
        String officer = login("officer_gongchang");
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
        JsonNode obligation = api().get("/api/outflow-applications/" + id, login("enterprise_coop")).json().get("obligation");
        assertEquals(1_100, obligation.get("coveredM2").asLong());
        assertEquals(11, obligation.get("coverages").size());
        assertEquals(before + 11 * 750_000, fund());
        assertTrue(api().get("/api/audit/invariants", login("county_admin")).json().get("ok").asBoolean());
    }

    @Test
    void othersCannotSeeOrPayForAnApplication() {
        long id = declaredAndReviewed(500);
        assertEquals(404, api().get("/api/outflow-applications/" + id, login("enterprise_transport")).status());
        assertEquals(404, finance.feeNotice(id, 10, login("enterprise_transport")).status());
        assertEquals(404, api().get("/api/outflow-applications/" + id + "/fee-payments", login("enterprise_transport")).status());
        Response notice = feeNotice(id, 10);
        assertEquals(201, notice.status(), notice.body());
        assertEquals(404, api().get("/api/payment-notices/" + notice.number("id"), login("enterprise_transport")).status());
        assertEquals(403, finance.confirm(notice.json(), "X-1", login("enterprise_transport")).status());
        assertEquals(404, finance.confirm(notice.json(), "X-1", login("officer_wenfeng")).status(),
                "only the home township's finance confirms its fees");
        assertEquals(404, api().post("/api/payment-notices/" + notice.number("id") + "/cancel", login("enterprise_transport"),
                null).status());
        assertEquals("OPEN", api().get("/api/payment-notices/" + notice.number("id"), login("enterprise_coop")).string("status"));
        assertEquals(404, api().get("/api/outflow-applications/" + id, login("officer_wenfeng")).status());
        assertEquals(200, api().get("/api/outflow-applications/" + id, login("officer_gongchang")).status());
        assertEquals(403, api().post("/api/outflow-applications/" + id + "/approve", login("enterprise_coop"), "{\"reason\":\"同意\"}").status());
        assertNotNull(api().get("/api/outflow-applications/" + id, login("county_viewer")).json().get("obligation"));
    }

    /** DOMAIN.md §5, in order of precedence: each row's application is refused with its code. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "permanent basic farmland   | \"permanentBasicFarmland\":true                             | OUTFLOW_PERMANENT_BASIC_FARMLAND",
            "planned construction land  | \"plannedConstructionLand\":true                            | OUTFLOW_PLANNED_CONSTRUCTION_LAND",
            "landscape lake             | \"landscapeLake\":true                                      | OUTFLOW_LAKE_OR_TURF",
            "turf                       | \"turf\":true                                               | OUTFLOW_LAKE_OR_TURF",
            "high-standard, no 补建 plan | \"highStandardFarmland\":true                              | OUTFLOW_HIGH_STANDARD_WITHOUT_PLAN",
            "green belt 3.5 m, county road | \"category\":\"GREEN_BELT\",\"greenBelt\":{\"roadType\":\"COUNTY_TOWNSHIP_ROAD\",\"widthM\":3.5} | OUTFLOW_GREEN_BELT_TOO_WIDE",
            "green belt 5.01 m, railway | \"category\":\"GREEN_BELT\",\"greenBelt\":{\"roadType\":\"RAILWAY_NATIONAL_PROVINCIAL_ROAD\",\"widthM\":5.01} | OUTFLOW_GREEN_BELT_TOO_WIDE",
            "green belt without width   | \"category\":\"GREEN_BELT\"                                  | OUTFLOW_GREEN_BELT_UNDESCRIBED",
            "rural road 0.9 m           | \"ruralRoad\":{\"widthM\":0.9}                              | OUTFLOW_RURAL_ROAD_WIDTH",
            "rural road 8.5 m           | \"ruralRoad\":{\"widthM\":8.5}                              | OUTFLOW_RURAL_ROAD_WIDTH",
            "basic farmland first       | \"turf\":true,\"permanentBasicFarmland\":true                | OUTFLOW_PERMANENT_BASIC_FARMLAND",
    })
    void breachesAreRefusedWithTheirCode(String rule, String fields, String code) {
        String body = outflow(1_000, null);
        for (String pair : fields.split(",(?=\")")) {
            String key = pair.substring(0, pair.indexOf(':'));
            body = body.contains(key) ? body.replaceFirst(java.util.regex.Pattern.quote(key) + ":(\"[^\"]*\"|[a-z0-9]+)",
                    java.util.regex.Matcher.quoteReplacement(pair)) : body.replace("}", "," + pair + "}");
        }
        Response response = api().post("/api/outflow-applications", login("enterprise_coop"), body.replace("}}", "}}"));
        assertEquals(422, response.status(), rule + ": " + body + " -> " + response.body());
        assertEquals(code, response.string("code"), rule);
    }

    @ParameterizedTest(name = "{0} is allowed")
    @CsvSource(delimiter = '|', value = {
            "green belt exactly 3 m     | \"category\":\"GREEN_BELT\",\"greenBelt\":{\"roadType\":\"COUNTY_TOWNSHIP_ROAD\",\"widthM\":3.0}",
            "rural road 1.0 m           | \"ruralRoad\":{\"widthM\":1.0}",
            "rural road 8.0 m           | \"ruralRoad\":{\"widthM\":8.0}",
            "high-standard with plan    | \"highStandardFarmland\":true,\"supplementPlan\":true",
    })
    void limitsThemselvesAreAllowed(String rule, String fields) {
        String body = outflow(1_000, null);
        for (String pair : fields.split(",(?=\")")) {
            String key = pair.substring(0, pair.indexOf(':'));
            body = body.contains(key) ? body.replaceFirst(java.util.regex.Pattern.quote(key) + ":(\"[^\"]*\"|[a-z0-9]+)",
                    java.util.regex.Matcher.quoteReplacement(pair)) : body.replace("}", "," + pair + "}");
        }
        assertEquals(201, api().post("/api/outflow-applications", login("enterprise_coop"), body).status(), rule + ": " + body);
    }
}
