package cn.landbalance.api.outflow;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A township covers its own conversion with its own restored land (自行平衡): quality no worse, paddy for paddy. */
@MicronautTest(transactional = false)
class SelfRestoreTest extends ApiTest {

    private long ownOutflow(long township, boolean paddy, int grade, long areaM2) {
        Response created = api().post("/api/outflow-applications", login("officer_wenfeng"), "{\"townshipId\":" + township
                + ",\"category\":\"PLANTING_ADJUSTMENT\",\"landClassAfter\":\"果园\",\"areaM2\":" + areaM2 + ",\"qualityGrade\":"
                + grade + ",\"paddy\":" + paddy + ",\"permanentBasicFarmland\":false,\"plannedConstructionLand\":false,"
                + "\"highStandardFarmland\":false}");
        assertEquals(201, created.status(), created.body());
        return created.number("id");
    }

    private Response selfRestore(long application, long lot, long areaM2) {
        return api().post("/api/outflow-applications/" + application + "/self-restore", login("officer_wenfeng"),
                "{\"lotId\":" + lot + ",\"areaM2\":" + areaM2 + "}");
    }

    @Test
    void aTownshipCoversItsOwnConversionWithItsOwnIndicators() {
        long wenfeng = api().get("/api/me", login("officer_wenfeng")).number("regionId");
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        long good = acceptedLot("officer_wenfeng", wenfeng, "旱地", 5_000, 10);
        long poor = acceptedLot("officer_wenfeng", wenfeng, "旱地", 5_000, 13);
        long paddyLot = acceptedLot("officer_wenfeng", wenfeng, "水田", 1_000, 9);
        long foreign = acceptedLot("officer_gongchang", gongchang, "旱地", 5_000, 5);

        long dry = ownOutflow(wenfeng, false, 12, 2_000);
        assertEquals("LOT_QUALITY_TOO_LOW", selfRestore(dry, poor, 100).string("code"));
        assertEquals("LOT_NOT_OWN", selfRestore(dry, foreign, 100).string("code"));
        assertEquals("OBLIGATION_OVER_COVERED", selfRestore(dry, good, 2_001).string("code"));

        Response covered = selfRestore(dry, good, 2_000);
        assertEquals(200, covered.status(), covered.body());
        JsonNode obligation = covered.json().get("obligation");
        assertEquals(0, obligation.get("remainingM2").asLong());
        assertEquals("SELF", obligation.get("coverages").get(0).get("kind").asText());
        assertEquals(good, obligation.get("coverages").get(0).get("lotId").asLong());

        JsonNode lots = api().get("/api/townships/" + wenfeng + "/inventory", login("officer_wenfeng")).json().get("lots");
        for (JsonNode lot : lots) {
            if (lot.get("id").asLong() == good) {
                assertEquals(2_000, lot.get("consumedM2").asLong());
                assertEquals(3_000, lot.get("availableM2").asLong());
            }
        }

        long paddy = ownOutflow(wenfeng, true, 12, 500);
        assertEquals("LOT_NOT_PADDY", selfRestore(paddy, good, 100).string("code"));
        assertEquals(200, selfRestore(paddy, paddyLot, 500).status());
        assertTrue(api().get("/api/audit/invariants", login("county_admin")).json().get("ok").asBoolean());
    }
}
