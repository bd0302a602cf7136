package cn.landbalance.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The county admin previews and imports both tables of Longxi's 2022 plan (附表2 as the printed .xlsx), reads the
 * rows it warns about, replaces the outflow import with the CSV of the same plan, opens a violation case,
 * restores part of it and legalises the rest, exports the freeze/deduction report to Excel, and reads it as of yesterday.
 */
@MicronautTest(transactional = false)
class CountyAdminRunsTheCountyInTheBrowserTest extends BrowserTest {

    @Test
    void theCountyAdminImportsTheLongxiPlanResolvesAViolationAndExportsTheReport() throws IOException {
        signIn("county_admin");
        // the bare county is told where to start
        waitText(By.cssSelector("[data-testid=dashboard-empty]"), "数据导入");
        clickTestId("menu-imports");
        type(By.cssSelector("[data-testid=import-year]"), "2022");
        type(By.cssSelector("[data-testid=import-grade]"), "14");
        upload("import-file", resource("longxi-2022-zhuanjin.csv"));
        waitText(By.cssSelector("[data-testid=to-import]"), "56");
        assertEquals("88.1559", testId("preview-hectares").getText());
        assertEquals("0", testId("refused").getText());
        clickTestId("import-commit");
        waitText(By.cssSelector("[data-testid=imported]"), "56");
        assertEquals("88.1559", testId("imported-hectares").getText());

        // 附表2 as the county holds it: the printed form in .xlsx; the preview names the four rows it warns about
        clickTestId("kind-outflow");
        upload("import-file", Path.of("..", "docs", "samples", "longxi-2022-zhuanchu.xlsx"));
        waitText(By.cssSelector("[data-testid=to-import]"), "81");
        assertEquals("4", testId("warned").getText());
        assertEquals("0", testId("refused").getText());
        assertEquals("80.1011", testId("preview-hectares").getText());
        clickTestId("outcome-WARN");
        waitText(By.cssSelector("[data-testid=preview-rows] .el-pagination"), "4");
        assertEquals(4, rows("preview-rows").size());
        assertTrue(testId("preview-rows").getText().contains("“双泉乡”是“双泉镇”的旧称"), testId("preview-rows").getText());
        assertTrue(testId("preview-rows").getText().contains("以合计为准"));
        screenshot("county-import");
        clickTestId("import-commit");
        waitText(By.cssSelector("[data-testid=imported]"), "81");
        waitText(By.cssSelector("[data-testid=import-history]"), "longxi-2022-zhuanchu.xlsx");

        // the same plan again, as CSV: the preview says it is imported and offers to replace it
        upload("import-file", resource("longxi-2022-zhuanchu.csv"));
        waitText(By.cssSelector("[data-testid=import-conflict]"), "已于");
        assertTrue(!testId("import-commit").isEnabled(), "nothing is imported twice");
        clickTestId("import-replace");
        wait.until(d -> testId("import-commit").isEnabled());
        clickTestId("import-commit");
        waitText(By.cssSelector("[data-testid=import-report]"), "已替换");
        waitText(By.cssSelector("[data-testid=import-history]"), "已替换");

        // the imported applications are in the county's review list (the replaced ones withdrawn)
        clickTestId("menu-review");
        waitText(By.cssSelector("[data-testid=review] .el-pagination"), "162");

        clickTestId("menu-violations");
        choose(By.cssSelector("[data-testid=case-township]"), "巩昌镇");
        type(By.cssSelector("[data-testid=case-area]"), "0.5000");
        type(By.cssSelector("[data-testid=case-no]"), "陇西违〔2026〕1号");
        type(By.cssSelector("[data-testid=case-description]"), "擅自占用耕地建设养殖棚");
        clickTestId("open-case");
        waitText(By.cssSelector("[data-testid=cases]"), "陇西违〔2026〕1号");
        // restoring and legalising show the server's preview of the effect and take a reason
        clickTestId("restore-陇西违〔2026〕1号");
        waitText(By.cssSelector("[data-testid=step-total]"), "0.5000");
        type(By.cssSelector("[data-testid=step-area]"), "0.2000");
        click(By.cssSelector("[data-testid=step-dialog] .el-form-item .el-button"));
        waitText(By.cssSelector("[data-testid=step-total]"), "0.2000");
        assertTrue(testId("step-submit").getAttribute("disabled") != null, "no reason, no restoration");
        type(By.cssSelector("[data-testid=step-reason]"), "已拆除养殖棚并复垦，经现场核查");
        clickTestId("step-submit");
        waitText(By.cssSelector("[data-testid=cases]"), "0.2000");
        clickTestId("legalize-陇西违〔2026〕1号");
        waitText(By.cssSelector("[data-testid=step-total]"), "0.3000 公顷"); // 0.5 frozen, 0.2 restored: 0.3 is deducted
        type(By.cssSelector("[data-testid=step-reason]"), "陇政土〔2026〕8号批准补办");
        clickTestId("step-submit");
        waitText(By.cssSelector("[data-testid=cases]"), "0.3000");
        waitText(By.cssSelector("[data-testid=cases]"), "已办结");
        screenshot("county-violations");
        JsonNode decisions = api().get("/api/violations/" + api().get("/api/violations", login("county_admin")).json()
                .get("items").get(0).get("id").asLong() + "/decisions", login("county_admin")).json();
        assertEquals("陇政土〔2026〕8号批准补办", decisions.get(1).get("reason").asText());
        assertEquals(3000, decisions.get(1).get("areaM2").asLong());

        clickTestId("menu-reports");
        waitText(By.cssSelector("[data-testid=freeze-totals]"), "案件 1 件");
        // 审计核查: the audit log's chain and the conservation laws, checked from the screen
        clickTestId("audit-run");
        waitText(By.cssSelector("[data-testid=audit-chain]"), "审计日志哈希链完整");
        waitText(By.cssSelector("[data-testid=audit-invariants]"), "守恒检查全部通过");
        assertTrue(testId("audit").getText().contains("资金：全部余额之和为零"), testId("audit").getText());
        // 下达任务: the year's assessment plan, a task for 巩昌镇, read back in the assessment report
        click(By.xpath("//div[contains(@class,'el-tabs__item')][contains(.,'考核')]"));
        clickTestId("plan-open");
        type(By.cssSelector("[data-testid='plan-task-巩昌镇']"), "1.5");
        clickTestId("plan-save");
        waitText(By.cssSelector("[data-testid=report-assessment]"), "1.5000");
        click(By.xpath("//div[contains(@class,'el-tabs__item')][contains(.,'冻结扣减统计')]"));
        clickTestId("report-excel");
        File file = downloaded(".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new FileInputStream(file))) {
            var sheet = workbook.getSheet("乡镇");
            var totals = sheet.getRow(sheet.getLastRowNum());
            assertEquals("合计", totals.getCell(0).getStringCellValue());
            assertEquals(1, (int) totals.getCell(1).getNumericCellValue());
            assertEquals(5000, (long) totals.getCell(2).getNumericCellValue(), "frozen m²");
            assertEquals(2000, (long) totals.getCell(3).getNumericCellValue(), "unfrozen m²");
            assertEquals(3000, (long) totals.getCell(4).getNumericCellValue(), "deducted m²");
        }
        assertTrue(api().get("/api/audit/invariants", login("county_admin")).json().get("ok").asBoolean());
        // the same report as the books stood at the end of yesterday: today's case is not in it
        String yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        type(By.cssSelector("[data-testid=report-as-of]"), yesterday + "\n");
        waitText(By.cssSelector("[data-testid=freeze-totals]"), "案件 0 件");
        find(By.cssSelector("[data-testid=report-as-of-note]"));
        screenshot("county-report-as-of");

        clickTestId("menu-dashboard");
        find(By.cssSelector("[data-testid=chart-inventory] canvas"));
        waitText(By.cssSelector("[data-testid=available-total]"), "公顷");
        screenshot("county-dashboard");

        clickTestId("menu-violations");
        // a case larger than the township holds: what no reserve could secure is shown in the list and in the preview
        choose(By.cssSelector("[data-testid=case-township]"), "巩昌镇");
        type(By.cssSelector("[data-testid=case-area]"), "900.0000");
        type(By.cssSelector("[data-testid=case-no]"), "陇西违〔2026〕2号");
        type(By.cssSelector("[data-testid=case-description]"), "大面积占用");
        clickTestId("open-case");
        waitText(By.cssSelector("[data-testid=cases]"), "陇西违〔2026〕2号");
        JsonNode big = null;
        for (JsonNode c : api().get("/api/violations", login("county_admin")).json().get("items")) {
            if (c.get("caseNo").asText().equals("陇西违〔2026〕2号")) {
                big = c;
            }
        }
        assertTrue(big != null && big.get("unsecuredM2").asLong() > 0 && big.get("frozenM2").asLong() > 0, String.valueOf(big));
        clickTestId("legalize-陇西违〔2026〕2号");
        waitText(By.cssSelector("[data-testid=step-unsecured]"), "无指标可冻结");
        assertTrue(testId("step-unsecured").getText().contains(hectares(big.get("unsecuredM2").asLong())),
                testId("step-unsecured").getText());
        click(By.cssSelector("[data-testid=step-dialog] .el-dialog__footer .el-button:not(.el-button--danger)"));
    }

    private static Path resource(String name) throws IOException {
        Path file = Files.createTempDirectory("longxi-").resolve(name);
        try (var in = CountyAdminRunsTheCountyInTheBrowserTest.class.getResourceAsStream("/longxi/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private static String hectares(long m2) {
        return java.math.BigDecimal.valueOf(m2, 4).toPlainString();
    }
}
