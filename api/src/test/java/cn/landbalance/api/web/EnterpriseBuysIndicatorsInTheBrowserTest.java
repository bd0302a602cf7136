package cn.landbalance.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An enterprise declares a conversion in the browser (the form checks the rules as it types), buys the indicators it
 * owes from a township's listing — seeing the allocation and the amount before paying — and downloads its balance
 * confirmation.
 */
@MicronautTest(transactional = false)
class EnterpriseBuysIndicatorsInTheBrowserTest extends BrowserTest {

    @Test
    void anEnterpriseDeclaresBuysAndDownloadsItsConfirmation() throws IOException {
        long county = countyId();
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        acceptedLot("officer_gongchang", gongchang, "旱地", 50_000, 10);
        assertEquals(201, api().post("/api/listings", login("officer_gongchang"),
                "{\"townshipId\":" + gongchang + ",\"areaM2\":30000,\"pricePerMuFen\":6000000}").status());

        signIn("enterprise_coop");
        screenshot("enterprise-outflows");
        clickTestId("menu-market");
        waitText(By.cssSelector("[data-testid=market]"), "6.00 万元/亩");
        assertTrue(testId("market").getText().contains("3.0000"), "30 000 m² listed by 巩昌镇");
        clickTestId("menu-outflows-new");
        choose(By.cssSelector("[data-testid=township]"), "巩昌镇");
        type(By.name("landClassAfter"), "乔木林地");
        type(By.name("areaHectares"), "1.2000");
        type(By.cssSelector("[name=qualityGrade] input, input[name=qualityGrade]"), "12");
        // a rule the form knows: a rural road wider than 8 m is refused next to its field, before anything is sent
        type(By.name("ruralRoadWidthM"), "9");
        waitText(By.cssSelector(".el-form-item.is-error"), "1.0米至8.0米");
        type(By.name("ruralRoadWidthM"), "4.5");
        wait.until(d -> d.findElements(By.cssSelector(".el-form-item.is-error")).isEmpty());
        clickTestId("declare");

        // the application page: 1.2 公顷 → obligation 1.2000 公顷 under the default rules
        waitText(By.cssSelector("[data-testid=remaining]"), "1.2000 公顷");
        String applicationId = browser.getCurrentUrl().replaceAll(".*/outflows/", "");
        type(By.cssSelector("[data-testid=buy-area]"), "1.2000");
        clickTestId("place-order");
        // 12 000 m² at 6万元/亩 = 18 亩 × 60 000 = 1 080 000.00 元, all from 巩昌镇's listing
        waitText(By.cssSelector("[data-testid=order-amount]"), "¥1,080,000.00");
        assertTrue(testId("order").getText().contains("巩昌镇"));
        screenshot("enterprise-order");
        type(By.cssSelector("[data-testid=payment-reference]"), "BANK-2026-0001");
        clickTestId("pay");
        waitText(By.cssSelector("[data-testid=remaining]"), "0.0000 公顷");

        JsonNode app = api().get("/api/outflow-applications/" + applicationId, login("enterprise_coop")).json();
        assertEquals(0, app.get("obligation").get("remainingM2").asLong());
        assertEquals("PURCHASE", app.get("obligation").get("coverages").get(0).get("kind").asText());
        assertEquals(1, api().get("/api/audit/invariants", login("county_admin")).json().get("ok").asBoolean() ? 1 : 0);

        clickTestId("confirmation");
        File file = downloaded(".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new FileInputStream(file))) {
            var facts = workbook.getSheetAt(0);
            assertEquals(applicationId, facts.getRow(1).getCell(1).getStringCellValue());
            assertEquals(1.2, facts.getRow(6).getCell(1).getNumericCellValue(), 1e-9, "covered 1.2000 公顷");
            var lines = workbook.getSheet("落实明细");
            assertEquals("购买指标", lines.getRow(1).getCell(0).getStringCellValue());
            assertEquals("巩昌镇", lines.getRow(1).getCell(2).getStringCellValue());
            assertEquals(1_080_000.00, lines.getRow(1).getCell(5).getNumericCellValue(), 1e-9);
        }
        screenshot("enterprise-settled");
        assertTrue(county > 0);
    }
}
