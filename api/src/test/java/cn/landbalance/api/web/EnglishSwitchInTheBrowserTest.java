package cn.landbalance.api.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The English switch changes the page the user is on at once: table headers, statuses and Element Plus's own words
 * (pagination) included, and back.
 */
@MicronautTest(transactional = false)
class EnglishSwitchInTheBrowserTest extends BrowserTest {

    @Test
    void switchingLanguageRewordsTheOpenPage() {
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        declaredOutflow(gongchang, 1_000);
        signIn("county_admin");
        clickTestId("menu-review");
        waitText(By.cssSelector("[data-testid=review]"), "已申报");
        waitText(By.cssSelector("[data-testid=review] .el-pagination"), "共");

        click(By.xpath("//button[normalize-space(.)='English']"));
        waitText(By.cssSelector("[data-testid=review]"), "Declared");
        waitText(By.cssSelector("[data-testid=review]"), "Application");
        waitText(By.cssSelector("[data-testid=review] .el-pagination"), "Total");
        waitText(By.cssSelector("[data-testid=review]"), "Land class after");
        waitText(By.cssSelector("[data-testid=review]"), "Township review");
        waitText(By.cssSelector("[data-testid=review]"), "Rural road or farm facility");
        waitText(By.cssSelector("[data-testid=who]"), "County admin");
        waitText(By.cssSelector("[data-testid=review]"), "Area (ha)");
        screenshot("county-review-english");
        // the other screens read in English too: the dashboard, the violations, a refusal's detail
        clickTestId("menu-dashboard");
        waitText(By.tagName("h1"), "Dashboard");
        waitText(By.cssSelector("body"), "Frozen & deducted (by township)");
        clickTestId("menu-violations");
        waitText(By.cssSelector("[data-testid=cases]"), "Case no.");
        type(By.cssSelector("[data-testid=case-area]"), "0.1");
        type(By.cssSelector("[data-testid=case-no]"), " ");
        type(By.cssSelector("[data-testid=case-description]"), "x");
        clickTestId("open-case");
        waitText(By.cssSelector("[data-testid=problem]"), "must not be");
        String problem = testId("problem").getText();
        org.junit.jupiter.api.Assertions.assertFalse(problem.matches("(?s).*[\\u4e00-\\u9fff].*"), "no Chinese on the English screen: " + problem);

        click(By.xpath("//button[normalize-space(.)='中文']"));
        waitText(By.cssSelector("[data-testid=cases]"), "案件编号");
    }
}
