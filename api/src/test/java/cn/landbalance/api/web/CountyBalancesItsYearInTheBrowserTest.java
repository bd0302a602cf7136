package cn.landbalance.api.web;

import cn.landbalance.api.support.LongxiYear;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The county admin balances Longxi's 2022 on the 年度平衡 screen: the plan's tables imported, each township's
 * self-balance proposed and confirmed, then the county's 调剂 without compensation proposed and confirmed, until all
 * 17 townships read balanced; then the same screen in English.
 */
@MicronautTest(transactional = false)
class CountyBalancesItsYearInTheBrowserTest extends BrowserTest {

    @Test
    void selfBalanceThenTheCountysAdjustmentOnScreen() {
        long county = countyId();
        String admin = login("county_admin");
        LongxiYear.imported(api(), county, admin);

        signIn("county_admin");
        go("/year");
        type(By.cssSelector("[data-testid=year-balance-year]"), "2022");
        find(By.cssSelector("[data-testid=year-balance-year] input")).sendKeys(Keys.TAB);
        waitText(By.cssSelector("[data-testid=year-balance-kpis]"), "0 / 17");
        waitText(By.cssSelector("[data-testid=year-balance-table]"), "未平衡");
        // the 2022 plan: late on every step, 报批 with its real date, approved with the document number, filed, implemented
        waitText(By.cssSelector("[data-testid=annual-plan]"), "2022 年度方案逾期未批准");
        planStep("2022-03-10", null);
        waitText(By.cssSelector("[data-testid=plan-status]"), "已报批");
        planStep("2022-03-28", "陇政发〔2022〕18号");
        waitText(By.cssSelector("[data-testid=plan-status]"), "已批准");
        planStep("2022-04-02", "BA-2022-0117");
        waitText(By.cssSelector("[data-testid=plan-status]"), "已备案");
        planStep("2022-10-30", null);
        waitText(By.cssSelector("[data-testid=plan-status]"), "已实施");

        clickTestId("propose-own");
        waitText(By.cssSelector("[data-testid=proposal-verdict]"), "仍有缺口");
        clickTestId("proposal-confirm");
        waitText(By.cssSelector("[data-testid=adjustment-history]"), "乡镇自行平衡");

        clickTestId("compensation-none");
        clickTestId("propose-county");
        waitText(By.cssSelector("[data-testid=proposal-verdict]"), "各乡镇均可平衡");
        screenshot("county-adjustment-proposal");
        clickTestId("proposal-confirm");
        waitText(By.cssSelector("[data-testid=adjustment-history]"), "县级调剂");
        waitText(By.cssSelector("[data-testid=year-balance-kpis]"), "17 / 17");
        // every township balanced: the plan can be accepted, and nothing of 2022 is late any more
        planStep("2022-12-20", null);
        waitText(By.cssSelector("[data-testid=plan-status]"), "已验收");
        assertTrue(browser.findElements(By.cssSelector("[data-testid=plan-overdue]")).isEmpty(), "nothing late");
        screenshot("county-year-balanced");
        browser.executeScript("window.scrollTo(0, 0)");
        screenshot("county-annual-plan");

        click(By.xpath("//button[normalize-space(.)='English']"));
        waitText(By.cssSelector("[data-testid=year-balance-kpis]"), "Townships balanced");
        waitText(By.cssSelector("[data-testid=year-balance-table]"), "Remaining");
        waitText(By.cssSelector("[data-testid=adjustment-history]"), "County adjustment");
        waitText(By.cssSelector("[data-testid=annual-plan]"), "annual plan");
    }

    /** The plan's next step through its dialog: the date and, for approval and filing, the document number. */
    private void planStep(String on, String documentNo) {
        clickTestId("plan-next");
        var date = find(By.cssSelector("[data-testid=plan-step-form] .el-date-editor input"));
        date.click();
        date.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        date.sendKeys(on, Keys.ENTER);
        if (documentNo != null) {
            type(By.cssSelector("[data-testid=plan-doc-no]"), documentNo);
        }
        clickTestId("plan-step-confirm");
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("[data-testid=plan-step-form]")));
    }
}
