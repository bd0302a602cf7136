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
        // what the screen offers: the township's own lots only, each with what fits or why not
        JsonNode offered = api().get("/api/outflow-applications/" + dry + "/own-lots", login("officer_wenfeng")).json();
        assertEquals(3, offered.size(), offered.toString());
        for (JsonNode lot : offered) {
            long id = lot.get("lotId").asLong();
            assertEquals(id == good ? 2_000 : id == paddyLot ? 1_000 : 0, lot.get("usableM2").asLong(), lot.toString());
            assertEquals(id == poor ? "LOT_QUALITY_TOO_LOW" : "null", lot.get("refusal").asText(), lot.toString());
        }
        assertEquals("指标质量等别低于转出耕地。", offered.get(1).get("refusalZh").asText());
        assertEquals(403, api().get("/api/outflow-applications/" + dry + "/own-lots", login("county_viewer")).status());
        assertEquals(404, api().get("/api/outflow-applications/" + dry + "/own-lots", login("officer_gongchang")).status(),
                "another township's application is not visible");
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

    @Test
    void anEnterpriseThatRestoredLandItselfCoversItsOwnObligationWithIt() {
        long shouyang = api().get("/api/me", login("officer_shouyang")).number("regionId");
        long coop = api().get("/api/me", login("enterprise_coop")).number("orgId");
        String body = "{\"townshipId\":" + shouyang + ",\"village\":\"首阳村\",\"landClassBefore\":\"果园\",\"targetClass\":\"旱地\","
                + "\"ownership\":\"集体\",\"restorationAttr\":\"工程恢复\",\"slopeGrade\":1,\"areaM2\":3000,\"holderOrgId\":" + coop
                + ",\"constraints\":{\"ecologicalRedLine\":false,\"natureReserve\":false,\"waterSourceLevel1\":false,"
                + "\"riverLakeForestPastoralDesert\":false,\"builtUpArea\":false,\"returnedFarmlandForest\":false,"
                + "\"pollutedSoil\":false,\"illegalDeforestation\":false}}";
        long project = api().post("/api/inflow-projects", login("officer_shouyang"), body).number("id");
        api().post("/api/inflow-projects/" + project + "/submit", login("officer_shouyang"), null);
        long lot = api().post("/api/inflow-projects/" + project + "/accept", login("county_admin"), "{\"qualityGrade\":11}")
                .number("lotId");

        Response listing = api().post("/api/listings", login("officer_shouyang"),
                "{\"townshipId\":" + shouyang + ",\"areaM2\":100,\"pricePerMuFen\":5000000}");
        assertEquals("INSUFFICIENT_UNLISTED_INDICATORS", listing.string("code"), "the township cannot sell a lot it does not hold");

        long own = api().post("/api/outflow-applications", login("enterprise_coop"), "{\"townshipId\":" + shouyang
                + ",\"category\":\"CAPITAL_FOREST_ORCHARD\",\"landClassAfter\":\"果园\",\"areaM2\":2000,\"qualityGrade\":12,"
                + "\"paddy\":false,\"permanentBasicFarmland\":false,\"plannedConstructionLand\":false,"
                + "\"highStandardFarmland\":false}").number("id");
        long others = api().post("/api/outflow-applications", login("enterprise_transport"), "{\"townshipId\":" + shouyang
                + ",\"category\":\"AGRI_FACILITY\",\"landClassAfter\":\"农村道路\",\"areaM2\":500,\"qualityGrade\":12,"
                + "\"paddy\":false,\"permanentBasicFarmland\":false,\"plannedConstructionLand\":false,"
                + "\"highStandardFarmland\":false,\"ruralRoad\":{\"widthM\":4.5}}").number("id");
        assertEquals("LOT_NOT_OWN", api().post("/api/outflow-applications/" + others + "/self-restore",
                login("enterprise_transport"), "{\"lotId\":" + lot + ",\"areaM2\":500}").string("code"));
        Response covered = api().post("/api/outflow-applications/" + own + "/self-restore", login("enterprise_coop"),
                "{\"lotId\":" + lot + ",\"areaM2\":2000}");
        assertEquals(200, covered.status(), covered.body());
        assertEquals(0, covered.json().get("obligation").get("remainingM2").asLong());
        assertTrue(api().get("/api/audit/invariants", login("county_admin")).json().get("ok").asBoolean());
    }
}
