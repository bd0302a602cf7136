package cn.landbalance.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.PrintedDocuments;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.FileInputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An enterprise declares a conversion in the browser (the form checks the rules as it types), orders the indicators it
 * owes from a township's listing — seeing the allocation, the amount and the payment notice to pay by bank transfer,
 * which it downloads as PDF —; the township's finance sets its account, confirms the money arrived from its to-confirm
 * list, and the enterprise then finds its obligation covered and downloads its balance confirmation.
 */
@MicronautTest(transactional = false)
class EnterpriseBuysIndicatorsInTheBrowserTest extends BrowserTest {

    @Test
    void anEnterpriseDeclaresBuysAndDownloadsItsConfirmation() throws IOException {
        long county = countyId();
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        acceptedLot("officer_gongchang", gongchang, "旱地", 50_000, 10);
        assertEquals(200, api().put("/api/townships/" + gongchang + "/account/payee", login("officer_gongchang"),
                Json.object("accountName", "陇西县巩昌镇耕地进出平衡资金专户", "bankName", "中国农业银行陇西县支行",
                        "accountNo", "2738 0101 0400 1234 5")).status());
        assertEquals(201, api().post("/api/listings", login("officer_gongchang"),
                Json.object("townshipId", gongchang, "areaM2", 30000, "pricePerMuFen", 6_000_000)).status());

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
        // the notice: the township's account, the amount in words, the code to quote in the transfer's memo
        waitText(By.cssSelector("[data-testid=payment-notices]"), "人民币壹佰零捌万元整");
        assertTrue(testId("payment-notices").getText().contains("27380101040012345"), "the account number set by finance");
        JsonNode notice = api().get("/api/payment-notices?applicationId=" + applicationId, login("enterprise_coop")).json()
                .get("items").get(0);
        String code = notice.get("remittanceCode").asText();
        assertTrue(testId("remittance-code").getText().replace(" ", "").equals(code), testId("remittance-code").getText());
        screenshot("enterprise-order");
        clickTestId("notice-pdf-" + notice.get("id").asLong());
        File pdf = downloaded(".pdf");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertTrue(text.contains("缴款通知书") && text.contains("人民币壹佰零捌万元整") && text.contains("中国农业银行陇西县支行"),
                    "the PDF's Chinese text reads back: " + text);
        }
        assertEquals("0", api().get("/api/outflow-applications/" + applicationId, login("enterprise_coop")).json()
                .get("obligation").get("coveredM2").asText(), "nothing is covered before finance confirms the money");

        // the township's finance confirms the transfer from its to-confirm list
        browser.executeScript("sessionStorage.clear()");
        signIn("officer_gongchang");
        clickTestId("menu-fund");
        click(By.xpath("//div[contains(@class,'el-tabs__item')][contains(.,'待确认到账')]"));
        clickTestId("confirm-" + code);
        type(By.cssSelector("[data-testid=confirm-serial]"), "BANK-2026-0001");
        screenshot("township-confirms-arrival");
        clickTestId("confirm-submit");
        waitText(By.cssSelector("[data-testid=balance]"), "¥1,080,000.00");

        browser.executeScript("sessionStorage.clear()");
        signIn("enterprise_coop");
        go("/outflows/" + applicationId);
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

        // the confirmation printed as PDF; its QR code opens the public verification page (no login)
        assertTrue(pdf.delete());
        clickTestId("confirmation-pdf");
        File printed = downloaded(".pdf");
        byte[] bytes = Files.readAllBytes(printed.toPath());
        String verifyUrl = PrintedDocuments.qr(bytes);
        assertTrue(PrintedDocuments.text(bytes).contains(verifyUrl.substring(verifyUrl.lastIndexOf('/') + 1, verifyUrl.lastIndexOf('/') + 5)));
        browser.executeScript("sessionStorage.clear(); localStorage.clear()");
        browser.get(verifyUrl);
        waitText(By.tagName("body"), "真实有效，现行有效");
        assertTrue(find(By.tagName("body")).getText().contains("巩昌镇"), "what the confirmation said is shown");
        screenshot("verify-genuine");
        // the file in hand is the one issued; a copy with one byte changed is not
        find(By.cssSelector("[data-testid=verify-file]")).sendKeys(printed.getAbsolutePath());
        click(By.cssSelector("[data-testid=verify-file-submit]"));
        waitText(By.tagName("body"), "文件与签发件一致");
        bytes[bytes.length / 2] ^= 0x20;
        Path tampered = Files.write(printed.toPath().resolveSibling("tampered-copy.bin"), bytes);
        browser.get(verifyUrl);
        find(By.cssSelector("[data-testid=verify-file]")).sendKeys(tampered.toAbsolutePath().toString());
        click(By.cssSelector("[data-testid=verify-file-submit]"));
        waitText(By.cssSelector("[data-testid=verdict-bad]"), "文件与签发件不一致");
        screenshot("verify-tampered");
    }
}
