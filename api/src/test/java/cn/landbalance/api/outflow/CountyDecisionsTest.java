package cn.landbalance.api.outflow;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Fixtures;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.County;
import cn.landbalance.api.support.journey.Enterprise;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import cn.landbalance.api.support.journey.Township;
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

    private void rules(String sequencing, Json windows) {
        county().setsRules(Fixtures.gansuRules(5_000_000, sequencing).with("surplusFactorPermille", 1000)
                .with("declarationWindows", windows));
    }

    /** Declarations all year. */
    private static Json allYear() {
        return Json.array(Json.object("from", "01-01", "to", "12-31"));
    }

    private long draft(Enterprise coop, long township) {
        return coop.filesOutflow(OutflowDeclaration.in(township).withUse("CAPITAL_FOREST_ORCHARD", "果园"));
    }

    @Test
    void declarationsOutsideTheCountysWindowsAreRefusedAndSynchronousApprovalLeavesAnOpenDuty() {
        Enterprise coop = enterprise("enterprise_coop");
        Township gongchangOfficer = township("officer_gongchang");
        County admin = county();
        long gongchang = gongchangOfficer.id();
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        LocalDate closedFrom = today.plusDays(10);
        LocalDate closedTo = today.plusDays(20);
        rules("SYNCHRONOUS", Json.array(Json.object(
                "from", String.format("%02d-%02d", closedFrom.getMonthValue(), closedFrom.getDayOfMonth()),
                "to", String.format("%02d-%02d", closedTo.getMonthValue(), closedTo.getDayOfMonth()))));
        long id = draft(coop, gongchang);
        Response closed = coop.tryDeclare(id);
        assertEquals(422, closed.status(), closed.body());
        assertEquals("OUTFLOW_OUTSIDE_DECLARATION_WINDOW", closed.string("code"));

        rules("SYNCHRONOUS", allYear());
        assertEquals(200, coop.tryDeclare(id).status());
        gongchangOfficer.tryReview(id);
        Response silent = admin.post("/api/outflow-applications/" + id + "/approve");
        assertEquals(400, silent.status(), "an approval gives its opinion (审批意见)");
        assertEquals("reason", silent.string("field"));
        Response approved = admin.tryApprove(id, "同意");
        assertEquals("APPROVED", approved.string("status"), approved.body());
        assertEquals(1000, approved.json().get("obligation").get("remainingM2").asLong());

        JsonNode row = township(admin, LocalDate.now().getYear(), gongchang);
        assertEquals(1000, row.get("remainingM2").asLong(), "the uncovered remainder is the township's open duty");
        assertFalse(row.get("balanced").asBoolean());
    }

    @Test
    void theCountyMovesAFeeAndItsDutyToATownshipThatCanRestoreLand() {
        rules("INFLOW_FIRST", allYear());
        Enterprise coop = enterprise("enterprise_coop");
        Township gongchangOfficer = township("officer_gongchang");
        County admin = county();
        long gongchang = gongchangOfficer.id();
        long shouyang = township("officer_shouyang").id();
        long id = draft(coop, gongchang);
        Response notice = new Finance(api(), this::login).payFee(id, 1000, "BANK-MOVE-1", coop.token());
        assertEquals(200, notice.status(), notice.body());
        assertEquals(7_500_000, notice.number("amountFen"));
        JsonNode paid = admin.get("/api/outflow-applications/" + id + "/fee-payments").json().get(0);
        assertEquals("BANK-MOVE-1", paid.get("paymentReference").asText());
        assertEquals(gongchang, paid.get("dutyTownshipId").asLong());
        long gongchangBefore = fund(admin, gongchang);
        long shouyangBefore = fund(admin, shouyang);

        String reassign = "/api/outflow-applications/" + id + "/fee-payments/" + paid.get("id").asLong() + "/reassign";
        assertEquals(403, gongchangOfficer.post(reassign, Json.object("townshipId", shouyang)).status());
        Response moved = admin.post(reassign, Json.object("townshipId", shouyang));
        assertEquals(200, moved.status(), moved.body());
        assertEquals(shouyang, moved.number("dutyTownshipId"));
        assertEquals(gongchangBefore - 7_500_000, fund(admin, gongchang));
        assertEquals(shouyangBefore + 7_500_000, fund(admin, shouyang));
        assertEquals(shouyang, admin.get("/api/outflow-applications/" + id + "/fee-payments").json()
                .get(0).get("dutyTownshipId").asLong());
        int year = LocalDate.now().getYear();
        // the applicant is covered; the land is owed by the township that holds the money now
        assertEquals(0, township(admin, year, gongchang).get("remainingM2").asLong());
        assertEquals(1000, township(admin, year, gongchang).get("feeCoveredM2").asLong());
        assertEquals(0, township(admin, year, gongchang).get("feeOwedM2").asLong());
        assertEquals(1000, township(admin, year, shouyang).get("feeOwedM2").asLong());
        assertEquals(1000, township(admin, year, shouyang).get("shortfallM2").asLong());
        assertFalse(township(admin, year, shouyang).get("balanced").asBoolean());
        assertTrue(admin.get("/api/audit/invariants").json().get("ok").asBoolean());
    }

    private static long fund(County admin, long township) {
        return admin.get("/api/townships/" + township + "/account").number("balanceFen");
    }

    private static JsonNode township(County admin, int year, long townshipId) {
        for (JsonNode row : admin.get("/api/counties/" + admin.id() + "/balance?year=" + year).json().get("townships")) {
            if (row.get("townshipId").asLong() == townshipId) {
                return row;
            }
        }
        throw new AssertionError("no township " + townshipId);
    }
}
