package cn.landbalance.api.outflow;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Fixtures;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fee covers the applicant, and the township holding the money owes that land (应补耕地) until it delivers restored
 * land against the duty: the year's balance counts the township short by the owed area, then balanced once delivered.
 */
@MicronautTest(transactional = false)
class FeeFundedRestorationTest extends ApiTest {

    @Test
    void theFeesLandIsOwedUntilTheTownshipDeliversRestoredLand() {
        long county = countyId();
        String admin = login("county_admin");
        String enterprise = login("enterprise_coop");
        String officer = login("officer_gongchang");
        long gongchang = api().get("/api/me", officer).number("regionId");
        Response original = api().get("/api/counties/" + county + "/rules", admin);
        try {
            assertEquals(200, api().put("/api/counties/" + county + "/rules", admin, Fixtures.gansuRules(5_000_000, "SYNCHRONOUS"))
                    .status());
            long app = api().post("/api/outflow-applications", enterprise,
                    OutflowDeclaration.in(gongchang).withUse("CAPITAL_FOREST_ORCHARD", "果园").toJson()).number("id");
            assertEquals(200, new Finance(api(), this::login).payFee(app, 1100, "BANK-FEE-DELIVER-1", enterprise).status());
            int year = LocalDate.now().getYear();
            JsonNode before = township(county, year, gongchang);
            assertEquals(0, before.get("remainingM2").asLong(), "the applicant is covered by the fee");
            assertEquals(1100, before.get("feeOwedM2").asLong());
            assertEquals(1100, before.get("shortfallM2").asLong());
            assertFalse(before.get("balanced").asBoolean());

            JsonNode fee = api().get("/api/outflow-applications/" + app + "/fee-payments", officer).json().get(0);
            assertEquals(1100, fee.get("owedM2").asLong());
            String deliveries = "/api/outflow-applications/" + app + "/fee-payments/" + fee.get("id").asLong() + "/deliveries";
            long poor = acceptedLot("officer_gongchang", gongchang, "旱地", 2000, 13);
            long lot = acceptedLot("officer_gongchang", gongchang, "旱地", 2000, 10);

            Response tooPoor = api().post(deliveries, officer, delivery(poor, 600));
            assertEquals(422, tooPoor.status(), tooPoor.body());
            assertEquals("LOT_QUALITY_TOO_LOW", tooPoor.string("code"));
            Response other = api().post(deliveries, login("officer_wenfeng"), delivery(lot, 600));
            assertEquals(403, other.status(), "another township does not deliver this duty");
            Response part = api().post(deliveries, officer, delivery(lot, 600));
            assertEquals(201, part.status(), part.body());
            assertEquals(500, part.number("owedM2"));
            assertEquals(500, township(county, year, gongchang).get("feeOwedM2").asLong());
            Response tooMuch = api().post(deliveries, officer, delivery(lot, 501));
            assertEquals(422, tooMuch.status(), tooMuch.body());
            assertEquals("areaM2", tooMuch.json().get("field").asText());
            assertEquals(201, api().post(deliveries, admin, delivery(lot, 500)).status());

            JsonNode after = township(county, year, gongchang);
            assertEquals(0, after.get("feeOwedM2").asLong());
            assertEquals(0, after.get("shortfallM2").asLong());
            assertTrue(after.get("balanced").asBoolean(), after.toString());
            JsonNode paid = api().get("/api/outflow-applications/" + app + "/fee-payments", officer).json().get(0);
            assertEquals(1100, paid.get("deliveredM2").asLong());
            assertEquals(0, paid.get("owedM2").asLong());
            JsonNode inventory = api().get("/api/townships/" + gongchang + "/inventory", officer).json();
            for (JsonNode l : inventory.get("lots")) {
                if (l.get("id").asLong() == lot) {
                    assertEquals(1100, l.get("consumedM2").asLong(), "the delivered land is used for good");
                }
            }
            assertTrue(api().get("/api/audit/invariants", admin).json().get("ok").asBoolean());
        } finally {
            api().put("/api/counties/" + county + "/rules", admin, original.body());
        }
    }

    private JsonNode township(long county, int year, long township) {
        for (JsonNode t : api().get("/api/counties/" + county + "/balance?year=" + year, login("county_admin")).json()
                .get("townships")) {
            if (t.get("townshipId").asLong() == township) {
                return t;
            }
        }
        throw new AssertionError("no township " + township);
    }

    /** {@code areaM2} of {@code lot} delivered as the land a fee paid for. */
    private static Json delivery(long lot, long areaM2) {
        return Json.object("lotId", lot, "areaM2", areaM2);
    }
}
