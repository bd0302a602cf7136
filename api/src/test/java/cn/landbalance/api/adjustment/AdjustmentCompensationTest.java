package cn.landbalance.api.adjustment;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.LongxiYear;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 调剂 with compensation moves the guide price for each line from the receiving township's fund to the giver's, and
 * rejecting the covered application pays it back; a line for an enterprise's application is refused naming the line.
 */
@MicronautTest(transactional = false)
class AdjustmentCompensationTest extends ApiTest {

    @Test
    void theCompensationMovesFromTheReceivingFundToTheGiversFund() {
        long county = countyId();
        String admin = login("county_admin");
        Response original = api().get("/api/counties/" + county + "/rules", admin);
        try {
            LongxiYear.imported(api(), county, admin);
            Response own = api().post("/api/counties/" + county + "/adjustments/proposal", admin, "{\"year\":2022,\"scope\":\"OWN\"}");
            assertEquals(201, api().post("/api/counties/" + county + "/adjustments", admin, LongxiYear.confirmAll("OWN", "FUND", own.json())).status());
            Response proposal = api().post("/api/counties/" + county + "/adjustments/proposal", admin,
                    "{\"year\":2022,\"scope\":\"COUNTY\",\"compensation\":\"FUND\"}");
            JsonNode first = proposal.json().get("lines").get(0);
            long receiver = first.get("toTownshipId").asLong();
            long giver = first.get("fromRegionId").asLong();
            long amount = first.get("amountFen").asLong();
            // the receiving township has money: a fee paid into its fund for an enterprise's conversion there
            long app = api().post("/api/outflow-applications", login("enterprise_coop"), "{\"townshipId\":" + receiver
                    + ",\"category\":\"CAPITAL_FOREST_ORCHARD\",\"landClassAfter\":\"果园\",\"areaM2\":2000,\"qualityGrade\":14,"
                    + "\"paddy\":false,\"permanentBasicFarmland\":false,\"plannedConstructionLand\":false,"
                    + "\"highStandardFarmland\":false,\"planYear\":2022}").number("id");
            long government = 0;
            for (JsonNode o : api().get("/api/organizations?kind=TOWNSHIP&size=100", admin).json().get("items")) {
                if (o.get("regionId").asLong() == receiver) {
                    government = o.get("id").asLong();
                }
            }
            assertEquals(201, api().post("/api/users", admin, "{\"username\":\"officer_receiver\",\"password\":\"" + DEMO_PASSWORD
                    + "\",\"role\":\"TOWNSHIP_OFFICER\",\"orgId\":" + government + "}").status());
            Finance finance = new Finance(api(), this::login);
            Response notice = finance.feeNotice(app, 2200, login("enterprise_coop"));
            assertEquals(201, notice.status(), notice.body());
            Response fee = finance.confirm(notice.json(), "BANK-ADJ-1", login("officer_receiver"));
            assertEquals(200, fee.status(), fee.body());
            long receiverBefore = fund(receiver, admin);
            long giverBefore = fund(giver, admin);
            assertTrue(receiverBefore >= amount, receiverBefore + " ≥ " + amount);
            String body = "{\"year\":2022,\"scope\":\"COUNTY\",\"compensation\":\"FUND\",\"lines\":[{\"lotId\":"
                    + first.get("lotId").asLong() + ",\"applicationId\":" + first.get("applicationId").asLong() + ",\"areaM2\":"
                    + first.get("areaM2").asLong() + "}]}";
            Response done = api().post("/api/counties/" + county + "/adjustments", admin, body);
            assertEquals(201, done.status(), done.body());
            assertEquals(amount, done.number("amountFen"));
            assertEquals(receiverBefore - amount, fund(receiver, admin));
            assertEquals(giverBefore + amount, fund(giver, admin));
            assertTrue(api().get("/api/audit/invariants", admin).json().get("ok").asBoolean());

            // rejecting it pays the compensation back to the receiving township's fund
            Response rejected = api().post("/api/outflow-applications/" + first.get("applicationId").asLong() + "/reject", admin,
                    "{\"reason\":\"方案调整\"}");
            assertEquals(200, rejected.status(), rejected.body());
            assertEquals(receiverBefore, fund(receiver, admin));
            assertEquals(giverBefore, fund(giver, admin));
            assertTrue(api().get("/api/audit/invariants", admin).json().get("ok").asBoolean());

            // bad lines are refused naming the line, and change nothing
            Response bad = api().post("/api/counties/" + county + "/adjustments", admin,
                    "{\"year\":2022,\"scope\":\"COUNTY\",\"lines\":[{\"lotId\":" + first.get("lotId").asLong()
                            + ",\"applicationId\":" + app + ",\"areaM2\":10}]}");
            assertEquals(422, bad.status(), bad.body());
            assertEquals("ADJUSTMENT_NOT_TOWNSHIP_OBLIGATION", bad.string("code"));
            assertEquals("lines[0].applicationId", bad.json().get("field").asText(), bad.body());
            Response none = api().post("/api/counties/" + county + "/adjustments", admin, "{\"year\":2022,\"scope\":\"COUNTY\",\"lines\":[]}");
            assertEquals(400, none.status(), none.body());
        } finally {
            api().put("/api/counties/" + county + "/rules", admin, original.body());
        }
    }

    private long fund(long township, String token) {
        return api().get("/api/townships/" + township + "/account", token).number("balanceFen");
    }
}
