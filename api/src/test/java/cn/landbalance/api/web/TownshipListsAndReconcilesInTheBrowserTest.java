package cn.landbalance.api.web;

import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A township officer sees the township's inventory, lists indicators at a price, and reconciles the fund's bank
 * statement: the fee the bank received is matched, a line the ledger does not know is shown as unmatched.
 */
@MicronautTest(transactional = false)
class TownshipListsAndReconcilesInTheBrowserTest extends BrowserTest {

    @Test
    void anOfficerListsIndicatorsAndReconcilesTheBankStatement() throws IOException {
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        acceptedLot("officer_gongchang", gongchang, "水浇地", 40_000, 9);
        // an enterprise pays the fee for 0.1 公顷 into 巩昌镇's fund: 1.5 亩 × 50 000 = 75 000.00 元 (its notice confirmed
        // by the township's finance with the bank's serial)
        String enterprise = login("enterprise_coop");
        long app = api().post("/api/outflow-applications", enterprise,
                OutflowDeclaration.in(gongchang).withUse("GREENING", "乔木林地").toJson()).number("id");
        assertEquals(200, api().post("/api/outflow-applications/" + app + "/declare", enterprise, null).status());
        var fee = new Finance(api(), this::login).payFee(app, 1000, "FEE-77", enterprise);
        assertEquals(200, fee.status(), fee.body());
        assertEquals(7_500_000, fee.number("amountFen"));

        signIn("officer_gongchang");
        waitText(By.cssSelector("[data-testid=bucket-availableM2]"), "4.0000 公顷");
        waitText(By.cssSelector("[data-testid=indicator-statement-lines]"), "验收入库"); // the lot's acceptance on the 指标台账
        screenshot("township-inventory");
        // the inventory as it stood at the end of yesterday: the lot accepted today is not in it yet
        type(By.cssSelector("[data-testid=inventory-as-of]"), LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1) + "\n");
        waitText(By.cssSelector("[data-testid=bucket-availableM2]"), "0.0000 公顷");
        assertEquals(0, rows("lots").size());

        clickTestId("menu-listings");
        type(By.cssSelector("[data-testid=listing-area]"), "2.5");
        type(By.cssSelector("[data-testid=listing-price]"), "62000");
        clickTestId("list");
        waitText(By.cssSelector("[data-testid=listings]"), "6.20 万元/亩");
        assertEquals(1, rows("listings").size());
        assertEquals(25_000, api().get("/api/listings?countyId=" + countyId(), login("officer_gongchang"))
                .json().get("items").get(0).get("remainingM2").asLong());

        clickTestId("menu-fund");
        waitText(By.cssSelector("[data-testid=balance]"), "¥75,000.00");
        click(By.xpath("//div[contains(@class,'el-tabs__item')][contains(.,'银行对账')]"));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        // the statement as the bank exports it: GBK, Chinese headers, separate money-in column, a balance, a 合计 line
        Path csv = Files.createTempFile("bank-", ".csv");
        Files.write(csv, ("交易日期,交易流水号,收入金额,支出金额,余额,对方户名,摘要\n"
                + today + ",FEE-77,\"75,000.00\",,\"75,000.00\",陇西县巩昌镇示范种养殖专业合作社,缴费\n"
                + today + ",INTEREST-11,120.00,,\"75,120.00\",,结息\n合计,,\"75,120.00\",,,,\n")
                .getBytes(java.nio.charset.Charset.forName("GBK")));
        String openLines = "/api/townships/" + gongchang + "/account/bank-lines?status=OPEN";
        String runs = "/api/townships/" + gongchang + "/account/reconciliations";
        upload("upload-bank", csv);
        // first a preview: what the import would do, with nothing stored
        waitText(By.cssSelector("[data-testid=preview-banner]"), "预览");
        waitText(By.cssSelector("[data-testid=matched-count]"), "1");
        assertEquals("1", testId("unmatched-bank-count").getText());
        assertEquals(0, api().get(openLines, login("officer_gongchang")).json().size(), "a preview stores no line");
        assertEquals(0, api().get(runs, login("officer_gongchang")).json().size(), "nor a run");
        screenshot("township-reconciliation-preview");
        clickTestId("import-confirm");
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("[data-testid=preview-banner]")));
        waitText(By.cssSelector("[data-testid=matched-count]"), "1");
        assertEquals("1", testId("unmatched-bank-count").getText());
        assertEquals("0", testId("unmatched-ledger-count").getText());
        assertEquals("调节后相符", testId("adjustment-balanced").getText());
        assertTrue(testId("adjustment").getText().contains("¥75,120.00"), testId("adjustment").getText());
        assertEquals(1, api().get(openLines, login("officer_gongchang")).json().size(), "the interest is open");
        // the interest is in the bank, not in the books: the officer books it, and the statement then matches whole
        clickTestId("book-3");
        type(By.cssSelector("[data-testid=book-reason]"), "第四季度结息");
        clickTestId("book-confirm");
        waitText(By.cssSelector("[data-testid=matched-count]"), "2");
        assertEquals("0", testId("unmatched-bank-count").getText());
        waitText(By.cssSelector("[data-testid=balance]"), "¥75,120.00");
        assertEquals(2, rows("runs").size(), "both runs recorded");
        click(By.xpath("//div[contains(@class,'el-tabs__item')][contains(.,'未处理流水')]"));
        waitText(By.cssSelector("[data-testid=open-lines]"), "无数据"); // every line of the bank is matched or booked
        assertEquals(0, api().get(openLines, login("officer_gongchang")).json().size());
        screenshot("township-reconciliation");

        // the same screen in English
        click(By.xpath("//button[normalize-space(.)='English']"));
        click(By.xpath("//div[contains(@class,'el-tabs__item')][contains(.,'Bank reconciliation')]"));
        waitText(By.cssSelector("[data-testid=upload-bank]"), "Upload bank statement");
        upload("upload-bank", csv); // the same statement again, previewed: nothing new, everything matched
        waitText(By.cssSelector("[data-testid=preview-banner]"), "Preview");
        waitText(By.cssSelector("[data-testid=reconciliation]"), "Balance reconciliation statement");
        waitText(By.cssSelector("[data-testid=adjustment-balanced]"), "Agrees after adjustment");
        waitText(By.cssSelector("[data-testid=matched-count]"), "2");
        screenshot("township-reconciliation-en");
        clickTestId("import-discard");
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("[data-testid=reconciliation]")));
        assertEquals(2, api().get(runs, login("officer_gongchang")).json().size(), "a discarded preview records no run");
    }
}
