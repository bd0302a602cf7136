package cn.landbalance.api.web;

import cn.landbalance.api.support.LongxiYear;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

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
        screenshot("county-year-balanced");

        click(By.xpath("//button[normalize-space(.)='English']"));
        waitText(By.cssSelector("[data-testid=year-balance-kpis]"), "Townships balanced");
        waitText(By.cssSelector("[data-testid=year-balance-table]"), "Remaining");
        waitText(By.cssSelector("[data-testid=adjustment-history]"), "County adjustment");
    }
}
