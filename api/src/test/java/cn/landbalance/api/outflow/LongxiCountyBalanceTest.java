package cn.landbalance.api.outflow;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The county imports both tables of Longxi's 2022 plan under the Gansu rule (转进 ≥ 110 % of 转出) and sees
 * which townships balance on their own, and that the county as a whole does (88.1559 ≥ 1.10 × 80.1011 公顷).
 */
@MicronautTest(transactional = false)
class LongxiCountyBalanceTest extends ApiTest {

    @Test
    void theCountyBalancesAsAWholeAndTheViewNamesTheTownshipsThatCannotBalanceAlone() {
        long county = countyId();
        String admin = login("county_admin");
        assertEquals(200, api().put("/api/counties/" + county + "/rules", admin, Fixtures.gansuRules(5_000_000, "SYNCHRONOUS"))
                .status());
        String query = "?countyId=" + county + "&year=2022&qualityGrade=14";
        Response inflow = api().send("POST", "/api/imports/inflow" + query, admin, Fixtures.longxiInflow(), "text/csv");
        assertEquals(56, inflow.number("imported"));

        String outflowCsv = Fixtures.resource("/longxi/longxi-2022-zhuanchu.csv");
        Response outflow = api().send("POST", "/api/imports/outflow" + query, admin, outflowCsv, "text/csv");
        assertEquals(200, outflow.status(), outflow.body());
        assertEquals(81, outflow.number("rowsRead"));
        assertEquals(0, outflow.json().get("rejected").size(), outflow.body());
        Map<Integer, String> warned = new HashMap<>();
        for (JsonNode issue : outflow.json().get("warnings")) {
            warned.put(issue.get("row").asInt(), issue.get("code").asText());
        }
        // the document calls 双泉镇 by its former name 双泉乡 in 附表2 (the demo county's place-name history knows it),
        // and one row's slope grades add up to 0.0025 for a total of 0.0024 (the table's rounding: the total counts)
        assertEquals(Map.of(53, "IMPORT_FORMER_PLACE_NAME", 54, "IMPORT_FORMER_PLACE_NAME", 55, "IMPORT_FORMER_PLACE_NAME",
                42, "IMPORT_SLOPE_ROUNDING"), warned);
        assertEquals(81, outflow.number("imported"));
        String[] lines = outflowCsv.split("\n");

        // the same plan again is refused whole, and changes nothing
        Response again = api().send("POST", "/api/imports/outflow" + query, admin, outflowCsv, "text/csv");
        assertEquals(409, again.status(), again.body());
        assertEquals("PLAN_ALREADY_IMPORTED", again.string("code"));

        Response balance = api().get("/api/counties/" + county + "/balance?year=2022", login("county_viewer"));
        assertEquals(200, balance.status(), balance.body());
        JsonNode totals = balance.json().get("totals");
        assertEquals(801_011, totals.get("outflowM2").asLong());
        assertEquals(881_559, totals.get("inflowM2").asLong());
        assertEquals("80.1011", totals.get("outflowHectares").asText());
        assertEquals("1.1006", totals.get("inflowToOutflowRatio").asText());
        assertTrue(totals.get("planBalanced").asBoolean(), balance.body());
        assertFalse(totals.get("countyBalanced").asBoolean(), "nothing is recorded as covered yet");

        Map<String, Long> outflowByTownship = Fixtures.areaByTownshipM2(outflowCsv.replace("双泉乡", "双泉镇"));
        Map<String, Long> obligationByTownship = obligations(outflowCsv.replace("双泉乡", "双泉镇"));
        Map<String, Long> inflowByTownship = Fixtures.areaByTownshipM2(Fixtures.longxiInflow());
        Set<String> short_ = new TreeSet<>();
        long obligationTotal = 0;
        for (JsonNode t : balance.json().get("townships")) {
            String name = t.get("name").asText();
            assertEquals(outflowByTownship.getOrDefault(name, 0L), t.get("outflowM2").asLong(), name);
            assertEquals(obligationByTownship.getOrDefault(name, 0L), t.get("obligationM2").asLong(), name);
            assertEquals(inflowByTownship.getOrDefault(name, 0L), t.get("inflowM2").asLong(), name);
            boolean selfBalanced = t.get("inflowM2").asLong() >= t.get("obligationM2").asLong();
            assertEquals(t.get("obligationM2").asLong(), t.get("remainingM2").asLong(), name + ": nothing covered yet");
            assertEquals(t.get("inflowM2").asLong(), t.get("spareM2").asLong(), name + ": its own 2022 indicators, unused");
            assertEquals(t.get("spareM2").asLong() - t.get("remainingM2").asLong(), t.get("netM2").asLong(), name);
            assertEquals(t.get("obligationM2").asLong() == 0, t.get("balanced").asBoolean(), name);
            if (!selfBalanced) {
                short_.add(name);
            }
            obligationTotal += t.get("obligationM2").asLong();
        }
        assertEquals(obligationTotal, totals.get("obligationM2").asLong());
        assertTrue(881_559 >= obligationTotal, "88.1559 公顷 covers 1.10 × 80.1011 公顷 rounded up per application");
        assertFalse(short_.isEmpty(), "some townships cannot balance on their own");
        assertTrue(short_.size() < 17, "and some can");
        assertTrue(api().get("/api/audit/invariants", admin).json().get("ok").asBoolean());

        // the annual report's appendix tables reproduce the seed's totals, column by column
        Response annual = api().get("/api/reports/annual-balance?countyId=" + county + "&year=2022", login("county_viewer"));
        assertEquals(200, annual.status(), annual.body());
        assertEquals(881_559, sum(annual.json().get("appendix1"), "areaM2"));
        assertEquals(801_011, sum(annual.json().get("appendix2"), "areaM2"));
        String[] inflowColumns = {"slope1M2", "slope2M2", "slope3M2", "slope4M2"};
        for (int g = 0; g < 4; g++) {
            assertEquals(columnM2(Fixtures.longxiInflow(), "slope_" + (g + 1) + "_ha"), sum(annual.json().get("appendix1"), inflowColumns[g]));
        }
        String correctedOutflow = outflowCsv.replace("双泉乡", "双泉镇").replace(lines[41], lines[41].replace(",0.0019,", ",0.0018,"));
        String[] outflowColumns = {"slope1M2", "slope2M2", "slope3M2", "slope4M2", "slope5M2"};
        for (int g = 0; g < 5; g++) {
            assertEquals(columnM2(correctedOutflow, "slope_" + (g + 1) + "_ha"), sum(annual.json().get("appendix2"), outflowColumns[g]));
        }
        assertEquals(801_011, annual.json().get("totals").get("outflowM2").asLong());
        var xlsx = api().download("/api/reports/annual-balance?countyId=" + county + "&year=2022", login("county_viewer"),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertEquals(200, xlsx.status());
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var in = workbook.getSheet("附表1 耕地转进");
            assertEquals(56 + 2, in.getPhysicalNumberOfRows(), "header, 56 rows, totals");
            assertEquals("88.1559", String.format("%.4f", in.getRow(in.getLastRowNum()).getCell(10).getNumericCellValue()));
            var out = workbook.getSheet("附表2 耕地转出");
            assertEquals("80.1011", String.format("%.4f", out.getRow(out.getLastRowNum()).getCell(8).getNumericCellValue()));
            assertEquals("权属性质", out.getRow(0).getCell(7).getStringCellValue());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static long sum(JsonNode rows, String field) {
        long total = 0;
        for (JsonNode row : rows) {
            total += row.get(field).asLong();
        }
        return total;
    }

    /** A column of a Longxi table summed exactly in m² (empty cells are 0). */
    private static long columnM2(String csv, String column) {
        String[] lines = csv.split("\n");
        int index = java.util.Arrays.asList(lines[0].split(",")).indexOf(column);
        long total = 0;
        for (int i = 1; i < lines.length; i++) {
            String cell = lines[i].split(",", -1)[index].strip();
            if (!cell.isEmpty()) {
                total += new BigDecimal(cell).movePointRight(4).longValueExact();
            }
        }
        return total;
    }

    /** Each row's obligation, area × 1.10 rounded up to whole m², summed per township. */
    private static Map<String, Long> obligations(String csv) {
        Map<String, Long> result = new HashMap<>();
        String[] lines = csv.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            long m2 = new BigDecimal(cells[8].strip()).movePointRight(4).longValueExact();
            result.merge(cells[0], (m2 * 1100 + 999) / 1000, Long::sum);
        }
        return result;
    }
}
