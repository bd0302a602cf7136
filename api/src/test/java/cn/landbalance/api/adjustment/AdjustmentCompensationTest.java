package cn.landbalance.api.adjustment;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.LongxiYear;
import cn.landbalance.api.support.journey.County;
import cn.landbalance.api.support.journey.Enterprise;
import cn.landbalance.api.support.journey.OutflowDeclaration;
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

    private County admin;
    private long county;

    @Test
    void theCompensationMovesFromTheReceivingFundToTheGiversFund() {
        admin = county();
        county = admin.id();
        Response original = admin.get("/api/counties/" + county + "/rules");
        try {
            LongxiYear.imported(api(), county, admin.token());
            JsonNode first = theTownshipsCoverTheirOwnThenTheCountyProposesWithCompensation();
            long receiver = first.get("toTownshipId").asLong();
            long giver = first.get("fromRegionId").asLong();
            long amount = first.get("amountFen").asLong();
            long app = theReceivingTownshipHasAFeeInItsFund(receiver);
            long receiverBefore = fund(receiver);
            long giverBefore = fund(giver);
            assertTrue(receiverBefore >= amount, receiverBefore + " ≥ " + amount);
            Response done = admin.post(adjustments(), Json.object("year", 2022, "scope", "COUNTY", "compensation", "FUND",
                    "lines", Json.array(line(first.get("lotId").asLong(), first.get("applicationId").asLong(),
                            first.get("areaM2").asLong()))));
            assertEquals(201, done.status(), done.body());
            assertEquals(amount, done.number("amountFen"));
            assertEquals(receiverBefore - amount, fund(receiver));
            assertEquals(giverBefore + amount, fund(giver));
            assertTrue(admin.get("/api/audit/invariants").json().get("ok").asBoolean());

            // rejecting it pays the compensation back to the receiving township's fund
            Response rejected = admin.tryReject(first.get("applicationId").asLong(), "方案调整");
            assertEquals(200, rejected.status(), rejected.body());
            assertEquals(receiverBefore, fund(receiver));
            assertEquals(giverBefore, fund(giver));
            assertTrue(admin.get("/api/audit/invariants").json().get("ok").asBoolean());

            badLinesAreRefusedNamingTheLine(first.get("lotId").asLong(), app);
        } finally {
            api().put("/api/counties/" + county + "/rules", admin.token(), original.body());
        }
    }

    /** The townships' own adjustments confirmed; the county-wide proposal with compensation; returns its first line. */
    private JsonNode theTownshipsCoverTheirOwnThenTheCountyProposesWithCompensation() {
        Response own = admin.post(adjustments() + "/proposal", Json.object("year", 2022, "scope", "OWN"));
        assertEquals(201, admin.post(adjustments(), LongxiYear.confirmAll("OWN", "FUND", own.json())).status());
        Response proposal = admin.post(adjustments() + "/proposal",
                Json.object("year", 2022, "scope", "COUNTY", "compensation", "FUND"));
        return proposal.json().get("lines").get(0);
    }

    /**
     * The receiving township has money: a fee paid into its fund for an enterprise's conversion there, confirmed by an
     * officer the county creates for it. Returns the enterprise's application.
     */
    private long theReceivingTownshipHasAFeeInItsFund(long receiver) {
        Enterprise coop = enterprise("enterprise_coop");
        long app = coop.filesOutflow(OutflowDeclaration.in(receiver).withUse("CAPITAL_FOREST_ORCHARD", "果园")
                .withArea(2000).withGrade(14).withPlanYear(2022));
        long government = 0;
        for (JsonNode o : admin.get("/api/organizations?kind=TOWNSHIP&size=100").json().get("items")) {
            if (o.get("regionId").asLong() == receiver) {
                government = o.get("id").asLong();
            }
        }
        assertEquals(201, admin.post("/api/users", Json.object("username", "officer_receiver", "password", DEMO_PASSWORD,
                "role", "TOWNSHIP_OFFICER", "orgId", government)).status());
        Finance finance = new Finance(api(), this::login);
        Response notice = finance.feeNotice(app, 2200, coop.token());
        assertEquals(201, notice.status(), notice.body());
        Response fee = finance.confirm(notice.json(), "BANK-ADJ-1", login("officer_receiver"));
        assertEquals(200, fee.status(), fee.body());
        return app;
    }

    /** Bad lines are refused naming the line, and change nothing. */
    private void badLinesAreRefusedNamingTheLine(long lot, long enterprisesApplication) {
        Response bad = admin.post(adjustments(), Json.object("year", 2022, "scope", "COUNTY",
                "lines", Json.array(line(lot, enterprisesApplication, 10))));
        assertEquals(422, bad.status(), bad.body());
        assertEquals("ADJUSTMENT_NOT_TOWNSHIP_OBLIGATION", bad.string("code"));
        assertEquals("lines[0].applicationId", bad.json().get("field").asText(), bad.body());
        Response none = admin.post(adjustments(), Json.object("year", 2022, "scope", "COUNTY", "lines", Json.array()));
        assertEquals(400, none.status(), none.body());
    }

    private String adjustments() {
        return "/api/counties/" + county + "/adjustments";
    }

    private static Json line(long lot, long application, long areaM2) {
        return Json.object("lotId", lot, "applicationId", application, "areaM2", areaM2);
    }

    private long fund(long township) {
        return admin.get("/api/townships/" + township + "/account").number("balanceFen");
    }
}
