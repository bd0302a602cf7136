package cn.landbalance.api.outflow;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Declaration windows, 进出同步, and moving a fee's duty to another township. */
@MicronautTest(transactional = false)
class CountyDecisionsTest extends ApiTest {

    private void rules(String sequencing, String windows) {
        Response put = api().put("/api/counties/" + countyId() + "/rules", login("county_admin"), "{\"feePerMuFen\":5000000,"
                + "\"guidePricePerMuFen\":5000000,\"surplusFactorPermille\":1000,\"sequencing\":\"" + sequencing + "\","
                + "\"qualityRule\":\"PER_LOT\",\"paymentTermWorkingDays\":10,\"declarationWindows\":" + windows + "}");
        assertEquals(200, put.status(), put.body());
    }

    private long draft(long township) {
        return api().post("/api/outflow-applications", login("enterprise_coop"), "{\"townshipId\":" + township
                + ",\"category\":\"CAPITAL_FOREST_ORCHARD\",\"landClassAfter\":\"果园\",\"areaM2\":1000,\"qualityGrade\":12,"
                + "\"paddy\":false,\"permanentBasicFarmland\":false,\"plannedConstructionLand\":false,"
                + "\"highStandardFarmland\":false}").number("id");
    }

    @Test
    void declarationsOutsideTheCountysWindowsAreRefusedAndSynchronousApprovalLeavesAnOpenDuty() {
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        LocalDate closedFrom = today.plusDays(10);
        LocalDate closedTo = today.plusDays(20);
        rules("SYNCHRONOUS", String.format("[{\"from\":\"%02d-%02d\",\"to\":\"%02d-%02d\"}]", closedFrom.getMonthValue(),
                closedFrom.getDayOfMonth(), closedTo.getMonthValue(), closedTo.getDayOfMonth()));
        long id = draft(gongchang);
        Response closed = api().post("/api/outflow-applications/" + id + "/declare", login("enterprise_coop"), null);
        assertEquals(422, closed.status(), closed.body());
        assertEquals("OUTFLOW_OUTSIDE_DECLARATION_WINDOW", closed.string("code"));

        rules("SYNCHRONOUS", "[{\"from\":\"01-01\",\"to\":\"12-31\"}]");
        assertEquals(200, api().post("/api/outflow-applications/" + id + "/declare", login("enterprise_coop"), null).status());
        api().post("/api/outflow-applications/" + id + "/review", login("officer_gongchang"), null);
        Response silent = api().post("/api/outflow-applications/" + id + "/approve", login("county_admin"), null);
        assertEquals(400, silent.status(), "an approval gives its opinion (审批意见)");
        assertEquals("reason", silent.string("field"));
        Response approved = api().post("/api/outflow-applications/" + id + "/approve", login("county_admin"), "{\"reason\":\"同意\"}");
        assertEquals("APPROVED", approved.string("status"), approved.body());
        assertEquals(1000, approved.json().get("obligation").get("remainingM2").asLong());

        JsonNode row = township(LocalDate.now().getYear(), gongchang);
        assertEquals(1000, row.get("remainingM2").asLong(), "the uncovered remainder is the township's open duty");
        assertFalse(row.get("balanced").asBoolean());
    }

    @Test
    void theCountyMovesAFeeAndItsDutyToATownshipThatCanRestoreLand() {
        rules("INFLOW_FIRST", "[{\"from\":\"01-01\",\"to\":\"12-31\"}]");
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        long shouyang = api().get("/api/me", login("officer_shouyang")).number("regionId");
        long id = draft(gongchang);
        Response notice = new Finance(api(), this::login).payFee(id, 1000, "BANK-MOVE-1", login("enterprise_coop"));
        assertEquals(200, notice.status(), notice.body());
        assertEquals(7_500_000, notice.number("amountFen"));
        JsonNode paid = api().get("/api/outflow-applications/" + id + "/fee-payments", login("county_admin")).json().get(0);
        assertEquals("BANK-MOVE-1", paid.get("paymentReference").asText());
        assertEquals(gongchang, paid.get("dutyTownshipId").asLong());
        long gongchangBefore = api().get("/api/townships/" + gongchang + "/account", login("county_admin")).number("balanceFen");
        long shouyangBefore = api().get("/api/townships/" + shouyang + "/account", login("county_admin")).number("balanceFen");

        assertEquals(403, api().post("/api/outflow-applications/" + id + "/fee-payments/" + paid.get("id").asLong() + "/reassign",
                login("officer_gongchang"), "{\"townshipId\":" + shouyang + "}").status());
        Response moved = api().post("/api/outflow-applications/" + id + "/fee-payments/" + paid.get("id").asLong() + "/reassign",
                login("county_admin"), "{\"townshipId\":" + shouyang + "}");
        assertEquals(200, moved.status(), moved.body());
        assertEquals(shouyang, moved.number("dutyTownshipId"));
        assertEquals(gongchangBefore - 7_500_000, api().get("/api/townships/" + gongchang + "/account", login("county_admin"))
                .number("balanceFen"));
        assertEquals(shouyangBefore + 7_500_000, api().get("/api/townships/" + shouyang + "/account", login("county_admin"))
                .number("balanceFen"));
        assertEquals(shouyang, api().get("/api/outflow-applications/" + id + "/fee-payments", login("county_admin")).json()
                .get(0).get("dutyTownshipId").asLong());
        int year = LocalDate.now().getYear();
        // the applicant is covered; the land is owed by the township that holds the money now
        assertEquals(0, township(year, gongchang).get("remainingM2").asLong());
        assertEquals(1000, township(year, gongchang).get("feeCoveredM2").asLong());
        assertEquals(0, township(year, gongchang).get("feeOwedM2").asLong());
        assertEquals(1000, township(year, shouyang).get("feeOwedM2").asLong());
        assertEquals(1000, township(year, shouyang).get("shortfallM2").asLong());
        assertFalse(township(year, shouyang).get("balanced").asBoolean());
        assertTrue(api().get("/api/audit/invariants", login("county_admin")).json().get("ok").asBoolean());
    }

    private JsonNode township(int year, long townshipId) {
        for (JsonNode row : api().get("/api/counties/" + countyId() + "/balance?year=" + year, login("county_admin")).json()
                .get("townships")) {
            if (row.get("townshipId").asLong() == townshipId) {
                return row;
            }
        }
        throw new AssertionError("no township " + townshipId);
    }
}
