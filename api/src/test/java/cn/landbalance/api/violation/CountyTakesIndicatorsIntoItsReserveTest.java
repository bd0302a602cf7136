package cn.landbalance.api.violation;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18's transfers into the county reserve (县级统筹). 巩昌镇 has a lot of 5 000 m² (grade 10), 4 000 m² of it
 * listed. The county takes 2 000 m² into its reserve without paying: the lot keeps 3 000 m² available, its offer is
 * trimmed to 3 000 m², the reserve holds a new lot of 2 000 m² of the same grade and vintage. Paying the guide price is
 * refused while the reserve fund is empty (changing nothing); once 首阳镇 has repaid 500 m² it borrowed from the reserve
 * with money (0.75 亩 × 5万 = 37 500.00 元), the county takes 400 m² more and pays 巩昌镇 0.6 亩 × 5万 = 30 000.00 元.
 * Bad requests are refused naming the field; the ledgers, the event and the invariants agree.
 */
@MicronautTest(transactional = false)
class CountyTakesIndicatorsIntoItsReserveTest extends ApiTest {
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    DSLContext db;

    @Test
    void theCountyTakesATownshipsSpareIndicatorsIntoItsReserve() {
        String admin = login("county_admin");
        String officer = login("officer_gongchang");
        long county = countyId();
        long gongchang = api().get("/api/me", officer).number("regionId");
        long lot = acceptedLot("officer_gongchang", gongchang, "旱地", 5_000, 10);
        assertEquals(201, api().post("/api/listings", officer, Json.object("townshipId", gongchang, "areaM2", 4000,
                "pricePerMuFen", 5_000_000)).status());
        String transfers = "/api/counties/" + county + "/reserve/transfers";

        assertEquals(403, api().post(transfers, officer, body(lot, 2000, "NONE", "统筹")).status(), "the county's decision");
        Response noReason = api().post(transfers, admin, body(lot, 2000, "NONE", "统筹").without("reason"));
        assertEquals(400, noReason.status(), noReason.body());
        assertEquals("reason", noReason.string("field"));
        Response tooMuch = api().post(transfers, admin, body(lot, 5001, "NONE", "统筹"));
        assertEquals(422, tooMuch.status(), tooMuch.body());
        assertEquals("areaM2", tooMuch.string("field"));
        Response noLot = api().post(transfers, admin, body(999_999, 100, "NONE", "统筹"));
        assertEquals("lotId", noLot.string("field"), noLot.body());
        Response unpaid = api().post(transfers, admin, body(lot, 2000, "FUND", "统筹"));
        assertEquals(422, unpaid.status(), unpaid.body());
        assertEquals("FUND_INSUFFICIENT", unpaid.string("code"));
        assertEquals("compensation", unpaid.string("field"));
        assertEquals(5_000, lotOf(gongchang, lot, admin).get("availableM2").asLong(), "a refusal changes nothing");

        Response taken = api().post(transfers, admin, body(lot, 2000, "NONE", "县级统筹储备，用于违法用地冻结周转"));
        assertEquals(201, taken.status(), taken.body());
        assertEquals(0, taken.number("amountFen"));
        assertEquals("巩昌镇", taken.string("township"));
        JsonNode from = lotOf(gongchang, lot, admin);
        assertEquals(3_000, from.get("availableM2").asLong());
        assertEquals(2_000, from.get("consumedM2").asLong());
        JsonNode offer = api().get("/api/listings?countyId=" + county, officer).json().get("items").get(0);
        assertEquals(3_000, offer.get("remainingM2").asLong(), "the offer trimmed to what the lot still backs");
        JsonNode reserve = api().get("/api/counties/" + county + "/reserve", admin).json();
        assertEquals(2_000, reserve.get("availableM2").asLong());
        JsonNode reserveLot = reserve.get("lots").get(0);
        assertEquals(taken.number("toLotId"), reserveLot.get("id").asLong());
        assertEquals(10, reserveLot.get("qualityGrade").asInt());
        assertEquals(from.get("vintageYear").asInt(), reserveLot.get("vintageYear").asInt(), "the vintage travels with it");

        // the reserve lends to 首阳镇 for a violation, which repays 500 m² of it with money from its fund
        String shouyangOfficer = login("officer_shouyang");
        long shouyang = api().get("/api/me", shouyangOfficer).number("regionId");
        Response opened = api().post("/api/violations", admin, Json.object("townshipId", shouyang, "areaM2", 500,
                "caseNo", "陇自然资违〔2026〕77号", "description", "违法建房"));
        assertEquals(201, opened.status(), opened.body());
        assertEquals(500, opened.number("owedM2"));
        long caseId = opened.number("id");
        assertEquals(200, api().post("/api/violations/" + caseId + "/legalize", admin, Json.object("reason", "陇政土〔2026〕8号"))
                .status());
        long application = declaredOutflow(shouyang, 1_000);
        assertEquals(200, new Finance(api(), this::login).payFee(application, 1_000, "RSV-FEE-1", login("enterprise_coop"))
                .status());
        Response repaid = api().post("/api/violations/" + caseId + "/repay", admin, Json.object("method", "MONEY", "areaM2", 500));
        assertEquals(200, repaid.status(), repaid.body());

        long fundBefore = api().get("/api/townships/" + gongchang + "/account", admin).number("balanceFen");
        Response paid = api().post(transfers, admin, body(lot, 400, "FUND", "县级统筹，按指导价补偿"));
        assertEquals(201, paid.status(), paid.body());
        assertEquals(3_000_000, paid.number("amountFen"), "0.6 亩 × 5万");
        assertEquals(fundBefore + 3_000_000, api().get("/api/townships/" + gongchang + "/account", admin).number("balanceFen"));
        assertEquals(2_600, lotOf(gongchang, lot, admin).get("availableM2").asLong());
        Response broke = api().post(transfers, admin, body(lot, 200, "FUND", "再调入"));
        assertEquals("FUND_INSUFFICIENT", broke.string("code"), "750 000 fen left, 1 500 000 fen asked: " + broke.body());

        JsonNode list = api().get(transfers, login("county_viewer")).json();
        assertEquals(2, list.size());
        assertEquals("FUND", list.get(0).get("compensation").asText(), "newest first");
        assertEquals(2, count("select count(*) from outbox_event where type = 'reserve.transferred_in'"));
        JsonNode statement = api().get("/api/counties/" + county + "/reserve/statement", admin).json();
        assertTrue(statement.get("lines").toString().contains("reserve-transfer:" + lot), statement.toString());
        Response invariants = api().get("/api/audit/invariants", admin);
        assertTrue(invariants.json().get("ok").asBoolean(), invariants.body());
    }

    private static Json body(long lot, long areaM2, String compensation, String reason) {
        return Json.object("lotId", lot, "areaM2", areaM2, "compensation", compensation, "reason", reason);
    }

    private JsonNode lotOf(long township, long lot, String token) {
        for (JsonNode l : api().get("/api/townships/" + township + "/inventory", token).json().get("lots")) {
            if (l.get("id").asLong() == lot) {
                return l;
            }
        }
        throw new AssertionError("no lot " + lot);
    }

    private long count(String sql) {
        return tx.<Long>executeRead(status -> db.fetchSingle(sql).get(0, Long.class));
    }
}
