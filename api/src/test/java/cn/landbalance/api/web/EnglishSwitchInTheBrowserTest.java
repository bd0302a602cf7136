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
        screenshot("county-review-english");

        click(By.xpath("//button[normalize-space(.)='中文']"));
        waitText(By.cssSelector("[data-testid=review]"), "已申报");
        waitText(By.cssSelector("[data-testid=review] .el-pagination"), "共");
    }
}
