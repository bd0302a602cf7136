package cn.landbalance.api.web;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.Finance;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fund's money leaves only for an approved expense, on screen: 文峰镇's officer proposes ¥30,000 of restoration works
 * for one of its inflow projects, the county admin approves it on 支出审批 (seeing the fund's balance and commitments),
 * the officer records the bank's payment, and the county reads the spending by project, in Chinese and in English.
 */
@MicronautTest(transactional = false)
class FundExpensesInTheBrowserTest extends BrowserTest {

    @Test
    void theTownshipProposesTheCountyApprovesTheTownshipPays() {
        String officer = login("officer_wenfeng");
        long wenfeng = api().get("/api/me", officer).number("regionId");
        long app = declaredOutflow(wenfeng, 1000);
        Response fee = new Finance(api(), this::login).payFee(app, 1000, "WEB-EXP-FEE", login("enterprise_coop"));
        assertEquals(200, fee.status(), fee.body());
        long lot = acceptedLot("officer_wenfeng", wenfeng, "水浇地", 2000, 10);
        long project = projectOfLot(lot, officer);
        long balance = api().get("/api/townships/" + wenfeng + "/account", officer).number("balanceFen");

        signIn("officer_wenfeng");
        clickTestId("menu-fund");
        click(By.xpath("//div[contains(@class,'el-tabs__item')][contains(.,'支出申请')]"));
        type(By.cssSelector("[data-testid=expense-amount]"), "30000");
        choose(By.cssSelector("[data-testid=expense-category]"), "耕地恢复工程");
        // the project is found by typing part of its village: the server searches
        search("expense-project", "西关", "#" + project + " 西关村 · 0.2000 公顷（3.0000 亩）");
        type(By.cssSelector("[data-testid=expense-payee]"), "陇西县某农业工程有限公司");
        type(By.cssSelector("[data-testid=expense-purpose]"), "西关村耕地恢复工程第一期");
        clickTestId("expense-submit");
        waitText(By.cssSelector("[data-testid=expenses]"), "待审批");
        long id = api().get("/api/townships/" + wenfeng + "/account/expenses", officer).json().get("items").get(0)
                .get("id").asLong();
        assertEquals(balance, api().get("/api/townships/" + wenfeng + "/account", officer).number("balanceFen"),
                "a proposal moves nothing");

        browser.executeScript("sessionStorage.clear()");
        signIn("county_admin");
        clickTestId("menu-expenses");
        waitText(By.cssSelector("[data-testid=county-expenses]"), "西关村耕地恢复工程第一期");
        screenshot("county-expense-queue");
        clickTestId("approve-" + id);
        waitText(By.cssSelector(".el-message-box"), "¥30,000.00");
        answerPrompt("同意，按合同支付");
        waitText(By.cssSelector("[data-testid=county-expenses]"), "无数据");
        assertEquals("APPROVED", api().get("/api/expenses/" + id, officer).string("status"));

        browser.executeScript("sessionStorage.clear()");
        signIn("officer_wenfeng");
        clickTestId("menu-fund");
        click(By.xpath("//div[contains(@class,'el-tabs__item')][contains(.,'支出申请')]"));
        waitText(By.cssSelector("[data-testid=expenses]"), "已批准");
        clickTestId("expense-pay-" + id);
        type(By.cssSelector("[data-testid=pay-serial]"), "WEB-EXP-PAY-1");
        clickTestId("pay-submit");
        waitText(By.cssSelector("[data-testid=expenses]"), "已支付");
        waitText(By.cssSelector("[data-testid=balance]"), yuan(balance - 3_000_000));
        screenshot("township-expenses");

        browser.executeScript("sessionStorage.clear()");
        signIn("county_viewer");
        // a township's screen opened by the county government leads to its own first screen, not a broken form
        go("/fund");
        testId("dashboard-year");
        assertTrue(browser.findElements(By.cssSelector("[data-testid=expense-form], [data-testid=payee]")).isEmpty());
        clickTestId("menu-expenses");
        click(By.xpath("//div[contains(@class,'el-tabs__item')][contains(.,'支出明细')]"));
        waitText(By.cssSelector("[data-testid=spending]"), "西关村");
        waitText(By.cssSelector("[data-testid=spending-paid]"), "¥30,000.00");
        click(By.xpath("//button[normalize-space(.)='English']"));
        waitText(By.cssSelector("[data-testid=menu-expenses]"), "Expense approval");
        click(By.xpath("//div[contains(@class,'el-tabs__item')][contains(.,'Spending')]"));
        waitText(By.cssSelector("[data-testid=spending]"), "Restoration works");
        screenshot("county-expense-spending-en");
    }


    private static String yuan(long fen) {
        return "¥" + String.format("%,d.%02d", fen / 100, fen % 100);
    }
}
