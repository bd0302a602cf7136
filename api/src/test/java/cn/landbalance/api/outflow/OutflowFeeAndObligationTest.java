package cn.landbalance.api.outflow;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
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

/** An enterprise converts farmland, its obligation follows the Gansu rule, and it pays the 5万元/亩 fee. */
@MicronautTest(transactional = false)
class OutflowFeeAndObligationTest extends ApiTest {
    long county;
    long gongchang;

    @BeforeAll
    void gansuRules() {
        county = countyId();
        gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
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

    private Response pay(long id, long areaM2, long amountFen, String reference) {
        return api().post("/api/outflow-applications/" + id + "/fee-payments", login("enterprise_coop"),
                "{\"areaM2\":" + areaM2 + ",\"amountFen\":" + amountFen + ",\"paymentReference\":\"" + reference + "\"}");
    }

    @Test
    void theFeeCoversTheObligationAndLandsInTheHomeTownshipsFund() {
        long id = declaredAndReviewed(17_050);            // 1.7050 公顷 × 1.10 = 1.8755 公顷
        JsonNode obligation = api().get("/api/outflow-applications/" + id, login("enterprise_coop")).json().get("obligation");
        assertEquals(18_755, obligation.get("requiredM2").asLong());

        Response refused = api().post("/api/outflow-applications/" + id + "/approve", login("county_admin"), null);
        assertEquals(422, refused.status());
        assertEquals("OBLIGATION_NOT_COVERED", refused.string("code"));

        Response wrong = pay(id, 18_755, 140_000_000, "BANK-2022-0001");
        assertEquals(422, wrong.status());
        assertEquals("FEE_AMOUNT_MISMATCH", wrong.string("code"));
        assertEquals("amountFen", wrong.string("field"));
        assertTrue(wrong.string("detail").contains("140662500"), wrong.body());

        long before = api().get("/api/townships/" + gongchang + "/account", login("officer_gongchang")).number("balanceFen");
        Response paid = pay(id, 18_755, 140_662_500, "BANK-2022-0001");        // 1 406 625.00 元
        assertEquals(201, paid.status(), paid.body());
        assertEquals("1406625.00", paid.string("amountYuan"));
        assertEquals(0, paid.json().get("obligation").get("remainingM2").asLong());
        Response account = api().get("/api/townships/" + gongchang + "/account", login("officer_gongchang"));
        assertEquals(before + 140_662_500, account.number("balanceFen"));

        Response again = pay(id, 18_755, 140_662_500, "BANK-2022-0001");
        assertEquals(201, again.status());
        assertEquals(paid.number("id"), again.number("id"));
        assertEquals(before + 140_662_500, api().get("/api/townships/" + gongchang + "/account", login("officer_gongchang"))
                .number("balanceFen"), "a repeated payment is never booked twice");
        Response reused = pay(id, 100, 750_000, "BANK-2022-0001");
        assertEquals(409, reused.status());
        assertEquals("PAYMENT_REFERENCE_REUSED", reused.string("code"));

        Response statement = api().get("/api/townships/" + gongchang + "/account/statement", login("officer_gongchang"));
        assertEquals(200, statement.status(), statement.body());
        JsonNode line = statement.json().get("lines").get(statement.json().get("lines").size() - 1);
        assertEquals("FEE", line.get("kind").asText());
        assertEquals("BANK-2022-0001", line.get("reference").asText());
        assertEquals(140_662_500, line.get("amountFen").asLong());

        assertEquals("APPROVED", api().post("/api/outflow-applications/" + id + "/approve", login("county_admin"), null)
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
        Response over = pay(id, 1_101, 8_257_500, "BANK-OVER-1");
        assertEquals(422, over.status());
        assertEquals("OBLIGATION_OVER_COVERED", over.string("code"));
    }

    @Test
    void sixteenSimultaneousPaymentsNeverOverCover() throws Exception {
        long id = declaredAndReviewed(1_000);             // requires 1 100 m²: room for exactly 11 payments of 100 m²
        long before = api().get("/api/townships/" + gongchang + "/account", login("officer_gongchang")).number("balanceFen");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Response>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String reference = "BANK-RACE-" + i;
            results.add(pool.submit((Callable<Response>) () -> pay(id, 100, 750_000, reference)));
        }
        int ok = 0;
        int refused = 0;
        for (Future<Response> f : results) {
            Response r = f.get();
            if (r.status() == 201) {
                ok++;
            } else {
                assertEquals("OBLIGATION_OVER_COVERED", r.string("code"), r.body());
                refused++;
            }
        }
        pool.shutdown();
        assertEquals(11, ok);
        assertEquals(5, refused);
        JsonNode obligation = api().get("/api/outflow-applications/" + id, login("enterprise_coop")).json().get("obligation");
        assertEquals(1_100, obligation.get("coveredM2").asLong());
        assertEquals(11, obligation.get("coverages").size());
        assertEquals(before + 11 * 750_000, api().get("/api/townships/" + gongchang + "/account",
                login("officer_gongchang")).number("balanceFen"));
        assertTrue(api().get("/api/audit/invariants", login("county_admin")).json().get("ok").asBoolean());
    }

    @Test
    void othersCannotSeeOrPayForAnApplication() {
        long id = declaredAndReviewed(500);
        assertEquals(404, api().get("/api/outflow-applications/" + id, login("enterprise_transport")).status());
        assertEquals(404, api().post("/api/outflow-applications/" + id + "/fee-payments", login("enterprise_transport"),
                "{\"areaM2\":10,\"amountFen\":75000,\"paymentReference\":\"X-1\"}").status());
        assertEquals(404, api().get("/api/outflow-applications/" + id, login("officer_wenfeng")).status());
        assertEquals(200, api().get("/api/outflow-applications/" + id, login("officer_gongchang")).status());
        assertEquals(403, api().post("/api/outflow-applications/" + id + "/approve", login("enterprise_coop"), null).status());
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
