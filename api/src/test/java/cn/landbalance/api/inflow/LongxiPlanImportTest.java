package cn.landbalance.api.inflow;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Fixtures;
import cn.landbalance.api.support.Json;
import cn.landbalance.ledger.common.Units;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The county clerk imports Longxi's 2022 plan as the county holds it: the printed-form .xlsx (two-row headers, merged
 * township cells, a title with the year, a 合计 row) and the CSVs. Preview first, then the commit of exactly that; the
 * regenerated 附表1/附表2 reproduce the published plan; one plan is imported once, and "replace" withdraws the earlier
 * import only while nothing it wrote has been used.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LongxiPlanImportTest extends ApiTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static byte[] sample(String name) {
        try {
            return Files.readAllBytes(Path.of("..", "docs", "samples", name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String path(String kind, String query) {
        return "/api/imports/" + kind + "?countyId=" + countyId() + "&qualityGrade=14" + query;
    }

    @Test
    @Order(1)
    void thePrintedOutflowTablePreviewsEveryRowThenCommitsExactlyThat() {
        String admin = login("county_admin");
        Response preview = api().upload(path("outflow/preview", "&fileName=" + "附表2.xlsx"), admin,
                sample("longxi-2022-zhuanchu.xlsx"), XLSX);
        assertEquals(200, preview.status(), preview.body());
        JsonNode p = preview.json();
        assertEquals(2022, p.get("year").asInt(), "the year comes from the title");
        assertEquals(2, p.get("headerRows").asInt());
        assertEquals(81, p.get("rowsRead").asInt());
        assertEquals(0, p.get("refused").asInt());
        assertEquals(4, p.get("warned").asInt());
        assertEquals(1, p.get("skipped").asInt(), "the 合计 row");
        assertEquals("80.1011", p.get("importHectares").asText());
        Map<Integer, String> warned = new TreeMap<>();
        for (JsonNode row : p.get("rows")) {
            if (row.get("outcome").asText().equals("WARN")) {
                JsonNode issue = row.get("issues").get(0);
                warned.put(row.get("row").asInt(), issue.get("code").asText());
                assertTrue(!issue.get("message").asText().isBlank() && !issue.get("messageEn").asText().isBlank());
            }
        }
        assertEquals(Map.of(45, "IMPORT_SLOPE_ROUNDING", 56, "IMPORT_FORMER_PLACE_NAME", 57, "IMPORT_FORMER_PLACE_NAME",
                58, "IMPORT_FORMER_PLACE_NAME"), warned, "named by their spreadsheet rows");
        assertEquals(0, api().get("/api/outflow-applications?size=5", admin).json().get("total").asInt(),
                "a preview writes nothing");

        Response commit = api().upload(path("outflow", "&previewDigest=" + p.get("digest").asText() + "&fileName=附表2.xlsx"),
                admin, sample("longxi-2022-zhuanchu.xlsx"), XLSX);
        assertEquals(200, commit.status(), commit.body());
        assertEquals(81, commit.number("imported"));
        assertEquals(801_011, commit.number("importedM2"));
        assertEquals(4, commit.json().get("warnings").size());
        assertEquals(0, commit.json().get("rejected").size());
    }

    @Test
    @Order(2)
    void theInflowTableWrittenByAnotherSpreadsheetProgramImportsWhole() throws IOException {
        byte[] xlsx = printedInflowWithPoi();
        Response commit = api().upload(path("inflow", "&year=2022"), login("county_admin"), xlsx, XLSX);
        assertEquals(200, commit.status(), commit.body());
        assertEquals(56, commit.number("imported"));
        assertEquals(881_559, commit.number("importedM2"));
        assertEquals(0, commit.json().get("warnings").size(), commit.body());
        assertInvariantsHold();
    }

    @Test
    @Order(3)
    void theRegeneratedAppendixTablesAreThePublishedOnes() {
        Response annual = api().get("/api/reports/annual-balance?countyId=" + countyId() + "&year=2022", login("county_viewer"));
        assertEquals(200, annual.status(), annual.body());
        assertEquals(published("longxi-2022-zhuanjin.csv", 0, 10), totals(annual.json().get("appendix1"), "township"));
        assertEquals(published("longxi-2022-zhuanjin.csv", 2, 10), totals(annual.json().get("appendix1"), "landClassBefore"));
        assertEquals(published("longxi-2022-zhuanchu.csv", 0, 8), totals(annual.json().get("appendix2"), "township"));
        assertEquals(published("longxi-2022-zhuanchu.csv", 1, 8), totals(annual.json().get("appendix2"), "landClassAfter"));
        assertEquals(881_559, totals(annual.json().get("appendix1"), "targetClass").values().stream().mapToLong(Long::longValue).sum());
        assertEquals(801_011, totals(annual.json().get("appendix2"), "ownership").get("集体"), "权属性质 is kept");
    }

    @Test
    @Order(4)
    void thePlanIsImportedOnceWhateverTheFileOrTheYear() {
        String admin = login("county_admin");
        String csv = Fixtures.resource("/longxi/longxi-2022-zhuanchu.csv");
        Response again = api().send("POST", path("outflow", "&year=2022"), admin, csv, "text/csv");
        assertEquals(409, again.status(), again.body());
        assertEquals("PLAN_ALREADY_IMPORTED", again.string("code"));
        Response otherYear = api().send("POST", path("outflow", "&year=2016"), admin, csv, "text/csv");
        assertEquals(409, otherYear.status(), otherYear.body());
        assertEquals("PLAN_ALREADY_IMPORTED", otherYear.string("code"));
        Response otherYearReplacing = api().send("POST", path("outflow", "&year=2016&replace=true"), admin, csv, "text/csv");
        assertEquals(409, otherYearReplacing.status(), "replace withdraws the same year's import only");
        Response preview = api().send("POST", path("outflow/preview", "&year=2022"), admin, csv, "text/csv");
        assertEquals(1, preview.json().get("conflicts").size());
        assertTrue(preview.json().get("conflicts").get(0).get("sameContent").asBoolean());
        assertEquals(801_011, balanceOutflowM2(), "nothing was doubled");
    }

    @Test
    @Order(5)
    void replaceWithdrawsTheEarlierImportBeforeAnythingUsedItAndIsRefusedAfter() {
        String admin = login("county_admin");
        String csv = Fixtures.resource("/longxi/longxi-2022-zhuanchu.csv");
        Response replaced = api().send("POST", path("outflow", "&year=2022&replace=true"), admin, csv, "text/csv");
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals(1, replaced.json().get("replaced").size());
        assertEquals(801_011, balanceOutflowM2(), "the earlier import is withdrawn, not added to");
        JsonNode history = api().get("/api/imports?countyId=" + countyId(), admin).json();
        assertEquals(3, history.size());
        assertTrue(history.get(0).get("active").asBoolean());
        assertTrue(!history.get(2).get("active").asBoolean() && history.get(2).get("replacedBy").asLong() == history.get(0).get("id").asLong());

        Response inflowReplaced = api().send("POST", path("inflow", "&year=2022&replace=true"), admin, Fixtures.longxiInflow(), "text/csv");
        assertEquals(200, inflowReplaced.status(), inflowReplaced.body());
        assertEquals(881_559, inventoryM2(), "the earlier lots are revoked, the new ones issued");
        assertInvariantsHold();

        // something of each import is used: a fee paid on an application (confirmed by its township's finance),
        // indicators listed by a township
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        JsonNode application = api().get("/api/outflow-applications?size=1&townshipId=" + gongchang, admin).json()
                .get("items").get(0);
        long area = Math.min(1_000, application.get("areaM2").asLong());
        Response fee = new Finance(api(), this::login).payFee(application.get("id").asLong(), area, "FEE-PLAN-1", admin);
        assertEquals(200, fee.status(), fee.body());
        assertEquals("PAID", fee.string("status"));
        assertEquals(Units.amountFen(area, 5_000_000), fee.number("amountFen"));
        Response outflowAgain = api().send("POST", path("outflow", "&year=2022&replace=true"), admin, csv, "text/csv");
        assertEquals(409, outflowAgain.status(), outflowAgain.body());
        assertEquals("PLAN_IMPORT_IN_USE", outflowAgain.string("code"));

        assertEquals(201, api().post("/api/listings", login("officer_gongchang"),
                Json.object("townshipId", gongchang, "areaM2", 1000, "pricePerMuFen", 5_000_000)).status());
        Response inflowAgain = api().send("POST", path("inflow", "&year=2022&replace=true"), admin, Fixtures.longxiInflow(), "text/csv");
        assertEquals(409, inflowAgain.status(), inflowAgain.body());
        assertEquals("PLAN_IMPORT_IN_USE", inflowAgain.string("code"));
        assertEquals(881_559, inventoryM2());
        assertEquals(801_011, balanceOutflowM2());
        assertInvariantsHold();
    }

    /** Thousands of rows go through in one transaction: statements and events written in batches (AtCommit's limits). */
    @Test
    @Order(6)
    void aLargeTableImportsWholeInOneTransaction() {
        String[] townships = {"碧岩镇", "菜子镇", "德兴乡", "福星镇", "巩昌镇"};
        StringBuilder csv = new StringBuilder("township,village,land_class_before,target_class,ownership,restoration_attr,"
                + "slope_1_ha,slope_2_ha,slope_3_ha,slope_4_ha,area_ha\n");
        for (int i = 0; i < 3_000; i++) {
            csv.append(townships[i % 5]).append(",第").append(i).append("村,其他林地,旱地,集体,即可恢复,0.0001,0.0002,,,0.0003\n");
        }
        long before = inventoryM2();
        Response commit = api().send("POST", path("inflow", "&year=2031"), login("county_admin"), csv.toString(), "text/csv");
        assertEquals(200, commit.status(), commit.body());
        assertEquals(3_000, commit.number("imported"));
        assertEquals(before + 9_000, inventoryM2());
        assertInvariantsHold();
    }

    private void assertInvariantsHold() {
        Response invariants = api().get("/api/audit/invariants", login("county_admin"));
        assertEquals(200, invariants.status());
        assertTrue(invariants.json().get("ok").asBoolean(), invariants.body());
    }

    private long balanceOutflowM2() {
        return api().get("/api/counties/" + countyId() + "/balance?year=2022", login("county_viewer")).json()
                .get("totals").get("outflowM2").asLong();
    }

    private long inventoryM2() {
        String admin = login("county_admin");
        long total = 0;
        for (JsonNode township : api().get("/api/regions?parentId=" + countyId(), admin).json()) {
            total += api().get("/api/townships/" + township.get("id").asLong() + "/inventory", admin).number("issuedM2");
        }
        return total;
    }

    /** Totals in m² of a CSV's {@code areaColumn} grouped by {@code keyColumn} (双泉乡 being 双泉镇). */
    private static Map<String, Long> published(String file, int keyColumn, int areaColumn) {
        Map<String, Long> totals = new TreeMap<>();
        String[] lines = new String(sample(file), StandardCharsets.UTF_8).strip().split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            totals.merge(cells[keyColumn].replace("双泉乡", "双泉镇"), new BigDecimal(cells[areaColumn].strip())
                    .movePointRight(4).longValueExact(), Long::sum);
        }
        return totals;
    }

    private static Map<String, Long> totals(JsonNode rows, String key) {
        Map<String, Long> totals = new TreeMap<>();
        rows.forEach(r -> totals.merge(r.get(key).asText(), r.get("areaM2").asLong(), Long::sum));
        return totals;
    }

    /**
     * 附表1 as another program writes it (shared strings, Ⅰ级-Ⅳ级 under a merged 坡度级别, township and village cells
     * merged down their rows, no year in the title).
     */
    private static byte[] printedInflowWithPoi() throws IOException {
        String[] lines = new String(sample("longxi-2022-zhuanjin.csv"), StandardCharsets.UTF_8).strip().split("\n");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("附表1");
            sheet.createRow(0).createCell(0).setCellValue("附表1 耕地转进情况表");
            XSSFRow head = sheet.createRow(1);
            XSSFRow grades = sheet.createRow(2);
            String[] heads = {"乡镇", "行政村", "地类名称", "拟恢复地类", "权属性质", "种植属性名称", "坡度级别", "", "", "", "面积 (公顷)"};
            for (int c = 0; c < heads.length; c++) {
                head.createCell(c).setCellValue(heads[c]);
            }
            String[] roman = {"Ⅰ级", "Ⅱ级", "Ⅲ级", "Ⅳ级"};
            for (int g = 0; g < 4; g++) {
                grades.createCell(6 + g).setCellValue(roman[g]);
            }
            for (int c : new int[] {0, 1, 2, 3, 4, 5, 10}) {
                sheet.addMergedRegion(new CellRangeAddress(1, 2, c, c));
            }
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 6, 9));
            int first = 3;
            String previous = null;
            int runStart = first;
            for (int i = 1; i < lines.length; i++) {
                String[] cells = lines[i].split(",", -1);
                XSSFRow row = sheet.createRow(first + i - 1);
                boolean sameTownship = cells[0].equals(previous);
                if (!sameTownship) {
                    if (previous != null && first + i - 2 > runStart) {
                        sheet.addMergedRegion(new CellRangeAddress(runStart, first + i - 2, 0, 0));
                    }
                    runStart = first + i - 1;
                    row.createCell(0).setCellValue(cells[0]);
                }
                previous = cells[0];
                for (int c = 1; c < 6; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
                for (int c = 6; c <= 10; c++) {
                    if (!cells[c].isBlank()) {
                        row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
                    }
                }
            }
            int last = first + lines.length - 2;
            if (last > runStart) {
                sheet.addMergedRegion(new CellRangeAddress(runStart, last, 0, 0));
            }
            sheet.createRow(last + 1).createCell(0).setCellValue("合计");
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
