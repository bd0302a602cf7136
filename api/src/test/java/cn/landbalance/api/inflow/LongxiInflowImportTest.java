package cn.landbalance.api.inflow;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The county admin imports 附表1 of Longxi's 2022 plan; the inventory matches the file to the m². */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LongxiInflowImportTest extends ApiTest {

    private Response importCsv(String csv) {
        return importCsv(csv, 2022);
    }

    private Response importCsv(String csv, int year) {
        return api().send("POST", "/api/imports/inflow?countyId=" + countyId() + "&year=" + year + "&qualityGrade=14",
                login("county_admin"), csv, "text/csv");
    }

    @Test
    @Order(1)
    void theWholePlanImportsAndEveryTownshipHoldsExactlyItsRowsOfTheFile() {
        Response report = importCsv(Fixtures.longxiInflow());
        assertEquals(200, report.status(), report.body());
        assertEquals(56, report.number("rowsRead"));
        assertEquals(56, report.number("imported"));
        assertEquals(881_559, report.number("importedM2"));
        assertEquals("88.1559", report.string("importedHectares"));
        assertEquals(0, report.json().get("rejected").size(), report.body());

        Map<String, Long> expected = Fixtures.areaByTownshipM2(Fixtures.longxiInflow());
        Map<String, Long> actual = inventoryByTownship();
        long countyTotal = 0;
        for (Map.Entry<String, Long> township : expected.entrySet()) {
            assertEquals(township.getValue(), actual.get(township.getKey()), township.getKey());
            countyTotal += actual.get(township.getKey());
        }
        assertEquals(881_559, countyTotal);
        assertEquals(881_559, actual.values().stream().mapToLong(Long::longValue).sum(), "no area outside the file's townships");
        assertInvariantsHold();
    }

    @Test
    @Order(2)
    void importingTheSameFileAgainIsRefusedAndChangesNothing() {
        Map<String, Long> before = inventoryByTownship();
        Response again = importCsv(Fixtures.longxiInflow());
        assertEquals(409, again.status(), again.body());
        assertEquals("PLAN_ALREADY_IMPORTED", again.string("code"));
        assertEquals(before, inventoryByTownship());
        assertInvariantsHold();
    }

    @Test
    @Order(3)
    void aClerksMistakesAreReportedRowByRowAndTheGoodRowsStillImport() {
        String csv = String.join("\n",
                "township,village,land_class_before,target_class,ownership,restoration_attr,slope_1_ha,slope_2_ha,slope_3_ha,slope_4_ha,area_ha",
                "碧岩镇,新村,其他林地,旱地,集体,即可恢复,0.1000,,,,0.1000",          // row 2: fine
                "新城乡,新村,其他林地,旱地,集体,即可恢复,0.1000,,,,0.1000",          // row 3: no such township
                "碧岩镇,新村,其他林地,旱地,集体,即可恢复,0.1000,0.0002,,,0.1000",    // row 4: slopes add up to 0.1002
                "碧岩镇,新村,其他林地,旱地,集体,即可恢复,0.1,abc,,,0.1000",          // row 5: not a number
                "碧岩镇,新村,其他林地,果园,集体,即可恢复,0.1000,,,,0.1000",          // row 6: 果园 is not a target class
                "碧岩镇,新村,其他林地,旱地,集体,即可恢复,0.00001,,,,0.00001",       // row 7: finer than 1 m²
                "碧岩镇,旧村,其他草地,旱地,集体,——,0.0500,0.0500,,,0.1000");          // row 8: fine (grassland has no attribute)
        Response report = importCsv(csv, 2023);
        assertEquals(200, report.status(), report.body());
        assertEquals(7, report.number("rowsRead"));
        assertEquals(2, report.number("imported"));
        assertEquals(2_000, report.number("importedM2"));
        Map<Integer, String> codes = new HashMap<>();
        for (JsonNode issue : report.json().get("rejected")) {
            codes.put(issue.get("row").asInt(), issue.get("code").asText());
            assertTrue(!issue.get("message").asText().isBlank());
        }
        assertEquals(Map.of(3, "IMPORT_UNKNOWN_TOWNSHIP", 4, "IMPORT_SLOPE_SUM_MISMATCH", 5, "IMPORT_VALUE_INVALID",
                6, "IMPORT_VALUE_INVALID", 7, "IMPORT_VALUE_INVALID"), codes);
        assertInvariantsHold();
    }

    @Test
    @Order(4)
    void aFileWithoutTheTableHeaderIsRefusedWhole() {
        Response response = importCsv("乡镇,面积\n碧岩镇,1.0\n");
        assertEquals(400, response.status());
        assertEquals("IMPORT_FILE_INVALID", response.string("code"));
        Response empty = importCsv("");
        assertEquals(400, empty.status(), empty.body());
    }

    @Test
    @Order(5)
    void onlyTheCountysOwnAdminImports() {
        Response officer = api().send("POST", "/api/imports/inflow?countyId=" + countyId() + "&year=2022&qualityGrade=14",
                login("officer_gongchang"), Fixtures.longxiInflow(), "text/csv");
        assertEquals(403, officer.status());
        Response otherCounty = api().send("POST", "/api/imports/inflow?countyId=1&year=2022&qualityGrade=14",
                login("county_admin"), Fixtures.longxiInflow(), "text/csv");
        assertEquals(404, otherCounty.status());
    }

    private Map<String, Long> inventoryByTownship() {
        String admin = login("county_admin");
        Map<String, Long> result = new HashMap<>();
        for (JsonNode township : api().get("/api/regions?parentId=" + countyId(), admin).json()) {
            Response inventory = api().get("/api/townships/" + township.get("id").asLong() + "/inventory", admin);
            assertEquals(200, inventory.status());
            long issued = inventory.number("issuedM2");
            long lots = 0;
            for (JsonNode lot : inventory.json().get("lots")) {
                lots += lot.get("areaM2").asLong();
                assertEquals(14, lot.get("qualityGrade").asInt());
                assertEquals(2022, lot.get("vintageYear").asInt());
            }
            assertEquals(issued, lots);
            assertEquals(issued, inventory.number("availableM2"));
            if (issued > 0) {
                result.put(township.get("name").asText(), issued);
            }
        }
        return result;
    }

    private void assertInvariantsHold() {
        Response invariants = api().get("/api/audit/invariants", login("county_admin"));
        assertEquals(200, invariants.status());
        assertTrue(invariants.json().get("ok").asBoolean(), invariants.body());
    }
}
