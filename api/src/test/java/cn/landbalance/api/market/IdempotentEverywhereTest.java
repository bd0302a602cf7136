package cn.landbalance.api.market;

import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Fixtures;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every write takes an Idempotency-Key: a retry gets the first answer and changes nothing; the same key with another
 * body is 409. Shown on the writes that were not covered before (fee notices and their confirmation, violation restore,
 * cancel, withdraw, acceptance), and checked over every write endpoint of the API.
 */
@MicronautTest(transactional = false)
class IdempotentEverywhereTest extends ApiTest {
    /**
     * Sign-in and the own-password change answer with a token, which must not be stored for replay; a plan import's
     * preview writes nothing, so there is nothing to replay (its answer can be megabytes).
     */
    /** Writes that are not replayed: logins, and POSTs that only read (a preview, a proposal, a file compared: they change nothing). */
    private static final Set<String> NOT_REPLAYED = Set.of("LoginController.login", "LoginController.changePassword",
            "ImportController.preview", "AdjustmentController.propose", "BankReconciliationController.preview",
            "VerifyController.verifyFile", "VerifyController.verifyFileJson", "SpatialController.overlay");

    private long gongchang;

    @BeforeAll
    void gansuRules() {
        gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        assertEquals(200, api().put("/api/counties/" + countyId() + "/rules", login("county_admin"),
                Fixtures.gansuRules(5_000_000, "INFLOW_FIRST")).status());
    }

    @Test
    void everyWriteEndpointIsIdempotentAndAnswersWithAResponse() {
        List<String> missing = new ArrayList<>();
        var definitions = server.getApplicationContext().getBeanDefinitions(Qualifiers.byStereotype(Controller.class));
        for (var definition : definitions) {
            // a controller with transactional methods is served by a generated subclass: read the class written
            Class<?> type = definition.getBeanType();
            while (io.micronaut.aop.Intercepted.class.isAssignableFrom(type)) {
                type = type.getSuperclass();
            }
            if (!type.getName().startsWith("cn.landbalance.")) {
                continue; // the framework's own (token introspection)
            }
            for (Method m : type.getDeclaredMethods()) {
                boolean write = m.isAnnotationPresent(Post.class) || m.isAnnotationPresent(Put.class)
                        || m.isAnnotationPresent(Delete.class) || m.isAnnotationPresent(Patch.class);
                String name = type.getSimpleName() + "." + m.getName();
                if (write && !NOT_REPLAYED.contains(name)
                        && (!m.isAnnotationPresent(Idempotent.class) || !HttpResponse.class.isAssignableFrom(m.getReturnType()))) {
                    missing.add(name);
                }
            }
        }
        assertTrue(definitions.size() > 15, "the controllers were found: " + definitions.size());
        assertEquals(List.of(), missing, "write endpoints without @Idempotent returning an HttpResponse");
    }

    @Test
    void aRetriedFeeNoticeIsIssuedOnceAndItsConfirmationChargedOnce() {
        long id = declaredAndReviewed(10_000);
        long before = balance();
        String enterprise = login("enterprise_coop");
        String path = "/api/outflow-applications/" + id + "/fee-notices";
        Response issued = api().send("POST", path, enterprise, "{\"areaM2\":11000}", "application/json", "fee-key-1");
        assertEquals(201, issued.status(), issued.body());
        assertEquals(82_500_000, issued.number("amountFen"));
        Response other = api().send("POST", path, enterprise, "{\"areaM2\":5000}", "application/json", "fee-key-1");
        assertEquals(409, other.status(), other.body());
        assertEquals("IDEMPOTENCY_KEY_REUSED", other.string("code"));
        Response replay = api().send("POST", path, enterprise, "{\"areaM2\":11000}", "application/json", "fee-key-1");
        assertEquals(201, replay.status());
        assertEquals(issued.body(), replay.body());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(1, api().get("/api/payment-notices?applicationId=" + id, enterprise).number("total"), "one notice issued");

        // the township's finance confirms it; a retried confirmation replays, another receipt under its key is refused
        String officer = login("officer_gongchang");
        String confirm = "/api/payment-notices/" + issued.number("id") + "/confirm";
        String receipt = "{\"bankSerial\":\"FEE-A\",\"receivedOn\":\"" + Finance.issuedOn(issued.json())
                + "\",\"amountFen\":82500000}";
        Response paid = api().send("POST", confirm, officer, receipt, "application/json", "confirm-key-1");
        assertEquals(200, paid.status(), paid.body());
        assertEquals("PAID", paid.string("status"));
        Response otherReceipt = api().send("POST", confirm, officer, receipt.replace("FEE-A", "FEE-B"), "application/json",
                "confirm-key-1");
        assertEquals(409, otherReceipt.status(), otherReceipt.body());
        assertEquals("IDEMPOTENCY_KEY_REUSED", otherReceipt.string("code"));
        Response again = api().send("POST", confirm, officer, receipt, "application/json", "confirm-key-1");
        assertEquals(200, again.status());
        assertEquals(paid.body(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(before + 82_500_000, balance(), "charged once");
    }

    @Test
    void aRetriedRestoreUnfreezesOnce() {
        acceptedLot("officer_gongchang", gongchang, "旱地", 3_000, 9);
        String admin = login("county_admin");
        long caseId = api().post("/api/violations", admin, "{\"townshipId\":" + gongchang
                + ",\"areaM2\":2000,\"caseNo\":\"IDEM-1\",\"description\":\"违法占用\"}").number("id");
        Response first = api().send("POST", "/api/violations/" + caseId + "/restore", admin, "{\"areaM2\":500,\"reason\":\"拆除复垦\"}",
                "application/json", "restore-key");
        assertEquals(200, first.status(), first.body());
        Response again = api().send("POST", "/api/violations/" + caseId + "/restore", admin, "{\"areaM2\":500,\"reason\":\"拆除复垦\"}",
                "application/json", "restore-key");
        assertEquals(first.body(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(1_500, api().get("/api/violations/" + caseId, admin).number("frozenM2"), "unfrozen once");
        Response legalized = api().send("POST", "/api/violations/" + caseId + "/legalize", admin, "{\"reason\":\"陇政土〔2026〕8号\"}", "application/json", "legal-key");
        assertEquals(200, legalized.status(), legalized.body());
        assertEquals(legalized.body(), api().send("POST", "/api/violations/" + caseId + "/legalize", admin,
                "{\"reason\":\"陇政土〔2026〕8号\"}", "application/json", "legal-key").body(), "a retried deduction answers as the first instead of CASE_CLOSED");
    }

    @Test
    void aRetriedCancelAndWithdrawAnswerAsTheFirstTime() {
        String officer = login("officer_gongchang");
        acceptedLot("officer_gongchang", gongchang, "旱地", 4_000, 9);
        Response listing = api().post("/api/listings", officer, "{\"townshipId\":" + gongchang
                + ",\"areaM2\":1000,\"pricePerMuFen\":5000000}");
        assertEquals(201, listing.status(), listing.body());
        long application = declaredAndReviewed(500);
        String enterprise = login("enterprise_coop");
        long order = api().post("/api/orders", enterprise, "{\"outflowApplicationId\":" + application + ",\"areaM2\":100}")
                .number("id");
        Response cancelled = api().send("POST", "/api/orders/" + order + "/cancel", enterprise, null, null, "cancel-key");
        assertEquals(200, cancelled.status(), cancelled.body());
        Response again = api().send("POST", "/api/orders/" + order + "/cancel", enterprise, null, null, "cancel-key");
        assertEquals(200, again.status(), "not ORDER_NOT_PAYABLE: " + again.body());
        assertEquals(cancelled.body(), again.body());

        String path = "/api/listings/" + listing.number("id") + "/withdraw";
        Response withdrawn = api().send("POST", path, officer, null, null, "withdraw-key");
        assertEquals(200, withdrawn.status(), withdrawn.body());
        assertEquals(withdrawn.body(), api().send("POST", path, officer, null, null, "withdraw-key").body());
        assertEquals(409, api().send("POST", path, officer, null, null, "another-key").status(), "without the key: LISTING_NOT_OPEN");
    }

    @Test
    void aRetriedAcceptanceMakesOneLot() {
        String officer = login("officer_gongchang");
        long project = api().post("/api/inflow-projects", officer, "{\"townshipId\":" + gongchang + ",\"village\":\"西关村\","
                + "\"landClassBefore\":\"其他林地\",\"targetClass\":\"旱地\",\"ownership\":\"集体\",\"restorationAttr\":null,"
                + "\"slopeGrade\":2,\"areaM2\":2500,\"constraints\":{\"ecologicalRedLine\":false,\"natureReserve\":false,"
                + "\"waterSourceLevel1\":false,\"riverLakeForestPastoralDesert\":false,\"builtUpArea\":false,"
                + "\"returnedFarmlandForest\":false,\"pollutedSoil\":false,\"illegalDeforestation\":false}}").number("id");
        api().post("/api/inflow-projects/" + project + "/submit", officer, null);
        String admin = login("county_admin");
        Response accepted = api().send("POST", "/api/inflow-projects/" + project + "/accept", admin, "{\"qualityGrade\":8}",
                "application/json", "accept-key");
        assertEquals(200, accepted.status(), accepted.body());
        Response again = api().send("POST", "/api/inflow-projects/" + project + "/accept", admin, "{\"qualityGrade\":8}",
                "application/json", "accept-key");
        assertEquals(accepted.number("lotId"), again.number("lotId"));
        Response otherGrade = api().send("POST", "/api/inflow-projects/" + project + "/accept", admin, "{\"qualityGrade\":7}",
                "application/json", "accept-key");
        assertEquals("IDEMPOTENCY_KEY_REUSED", otherGrade.string("code"));
    }

    private long balance() {
        return api().get("/api/townships/" + gongchang + "/account", login("county_admin")).number("balanceFen");
    }

    private long declaredAndReviewed(long areaM2) {
        long id = declaredOutflow(gongchang, areaM2);
        api().post("/api/outflow-applications/" + id + "/review", login("officer_gongchang"), null);
        return id;
    }
}
