package cn.landbalance.api.outflow;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.Enterprise;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import cn.landbalance.api.support.journey.RestorationProject;
import cn.landbalance.api.support.journey.Township;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A township covers its own conversion with its own restored land (自行平衡): quality no worse, paddy for paddy. */
@MicronautTest(transactional = false)
class SelfRestoreTest extends ApiTest {

    /** 文峰镇's own 果园 project (PLANTING_ADJUSTMENT) of {@code areaM2}, filed. */
    private long ownOutflow(Township wenfeng, boolean paddy, int grade, long areaM2) {
        return wenfeng.filesOutflow(OutflowDeclaration.in(wenfeng.id()).withUse("PLANTING_ADJUSTMENT", "果园")
                .withArea(areaM2).withGrade(grade).withPaddy(paddy));
    }

    @Test
    void aTownshipCoversItsOwnConversionWithItsOwnIndicators() {
        Township wenfeng = township("officer_wenfeng");
        Township gongchang = township("officer_gongchang");
        long good = acceptedLot("officer_wenfeng", wenfeng.id(), "旱地", 5_000, 10);
        long poor = acceptedLot("officer_wenfeng", wenfeng.id(), "旱地", 5_000, 13);
        long paddyLot = acceptedLot("officer_wenfeng", wenfeng.id(), "水田", 1_000, 9);
        long foreign = acceptedLot("officer_gongchang", gongchang.id(), "旱地", 5_000, 5);

        long dry = ownOutflow(wenfeng, false, 12, 2_000);
        // what the screen offers: the township's own lots only, each with what fits or why not
        String ownLots = "/api/outflow-applications/" + dry + "/own-lots";
        JsonNode offered = wenfeng.get(ownLots).json();
        assertEquals(3, offered.size(), offered.toString());
        for (JsonNode lot : offered) {
            long id = lot.get("lotId").asLong();
            assertEquals(id == good ? 2_000 : id == paddyLot ? 1_000 : 0, lot.get("usableM2").asLong(), lot.toString());
            assertEquals(id == poor ? "LOT_QUALITY_TOO_LOW" : "null", lot.get("refusal").asText(), lot.toString());
        }
        assertEquals("指标质量等别低于转出耕地。", offered.get(1).get("refusalZh").asText());
        assertEquals(403, user("county_viewer").get(ownLots).status());
        assertEquals(404, gongchang.get(ownLots).status(), "another township's application is not visible");
        assertEquals("LOT_QUALITY_TOO_LOW", wenfeng.trySelfRestore(dry, poor, 100).string("code"));
        assertEquals("LOT_NOT_OWN", wenfeng.trySelfRestore(dry, foreign, 100).string("code"));
        assertEquals("OBLIGATION_OVER_COVERED", wenfeng.trySelfRestore(dry, good, 2_001).string("code"));

        JsonNode obligation = wenfeng.selfRestores(dry, good, 2_000).json().get("obligation");
        assertEquals(0, obligation.get("remainingM2").asLong());
        assertEquals("SELF", obligation.get("coverages").get(0).get("kind").asText());
        assertEquals(good, obligation.get("coverages").get(0).get("lotId").asLong());

        for (JsonNode lot : wenfeng.inventory().get("lots")) {
            if (lot.get("id").asLong() == good) {
                assertEquals(2_000, lot.get("consumedM2").asLong());
                assertEquals(3_000, lot.get("availableM2").asLong());
            }
        }

        long paddy = ownOutflow(wenfeng, true, 12, 500);
        assertEquals("LOT_NOT_PADDY", wenfeng.trySelfRestore(paddy, good, 100).string("code"));
        assertEquals(200, wenfeng.trySelfRestore(paddy, paddyLot, 500).status());
        assertTrue(county().get("/api/audit/invariants").json().get("ok").asBoolean());
    }

    @Test
    void anEnterpriseThatRestoredLandItselfCoversItsOwnObligationWithIt() {
        Township shouyang = township("officer_shouyang");
        Enterprise coop = enterprise("enterprise_coop");
        Enterprise transport = enterprise("enterprise_transport");
        long lot = acceptedLot(shouyang, RestorationProject.in(shouyang.id(), 3_000).inVillage("首阳村").from("果园", "旱地")
                .withRestorationAttr("工程恢复").with("slopeGrade", 1).with("holderOrgId", coop.orgId()), 11);

        Response listing = shouyang.tryList(100, 5_000_000);
        assertEquals("INSUFFICIENT_UNLISTED_INDICATORS", listing.string("code"), "the township cannot sell a lot it does not hold");

        long own = coop.filesOutflow(OutflowDeclaration.in(shouyang.id()).withUse("CAPITAL_FOREST_ORCHARD", "果园")
                .withArea(2_000));
        long others = transport.filesOutflow(OutflowDeclaration.in(shouyang.id()).withUse("AGRI_FACILITY", "农村道路")
                .withArea(500).with("ruralRoad", Json.object("widthM", 4.5)));
        assertEquals("LOT_NOT_OWN", transport.trySelfRestore(others, lot, 500).string("code"));
        Response covered = coop.selfRestores(own, lot, 2_000);
        assertEquals(0, covered.json().get("obligation").get("remainingM2").asLong());
        assertTrue(county().get("/api/audit/invariants").json().get("ok").asBoolean());
    }
}
