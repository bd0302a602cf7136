package cn.landbalance.api.web;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.Json;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22's list at scale: seven years of plans leave a county with hundreds of applications (541 here, imported through
 * the import screen); 转出审批 pages them on the server, newest first, so the declaration that arrived last is on the
 * first page and is approved there; the township filter narrows the total.
 */
@MicronautTest(transactional = false)
class ApplicationsAtScaleInTheBrowserTest extends BrowserTest {
    private static final List<String> TOWNSHIPS = List.of("巩昌镇", "文峰镇", "首阳镇", "菜子镇", "福星镇", "通安驿镇", "云田镇",
            "碧岩镇", "马河镇", "柯寨镇", "双泉镇", "渭阳乡", "宏伟乡", "和平乡", "永吉乡", "德兴乡", "权家湾镇");

    @Test
    void fiveHundredFortyOneApplicationsAndTheNewestIsOnTheFirstPage() throws IOException {
        StringBuilder csv = new StringBuilder("township,land_class_after,ownership,slope_1_ha,slope_2_ha,slope_3_ha,slope_4_ha,slope_5_ha,area_ha\n");
        for (int i = 0; i < 541; i++) {
            csv.append(TOWNSHIPS.get(i % TOWNSHIPS.size())).append(",其他林地,集体,0.0100,,,,,0.0100\n");
        }
        Path file = Files.createTempDirectory("scale-").resolve("seven-years-zhuanchu.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        signIn("county_admin");
        clickTestId("menu-imports");
        clickTestId("kind-outflow");
        type(By.cssSelector("[data-testid=import-year]"), "2022");
        type(By.cssSelector("[data-testid=import-grade]"), "14");
        upload("import-file", file);
        waitText(By.cssSelector("[data-testid=to-import]"), "541");
        clickTestId("import-commit");
        waitText(By.cssSelector("[data-testid=imported]"), "541");

        // 进出同步: an application may be approved before it is covered; a declaration arrives after the plan and its
        // township passes it on
        assertEquals(200, api().put("/api/counties/" + countyId() + "/rules", login("county_admin"),
                cn.landbalance.api.support.Fixtures.gansuRules(5_000_000, "SYNCHRONOUS")).status());
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        long newest = declaredOutflow(gongchang, 1_500);
        Response reviewed = api().post("/api/outflow-applications/" + newest + "/review", login("officer_gongchang"),
                Json.object("reason", "同意上报"));
        assertEquals(200, reviewed.status(), reviewed.body());

        clickTestId("menu-review");
        waitText(By.cssSelector("[data-testid=review] .el-pagination"), "542");
        List<String> first = testId("review").findElements(By.cssSelector(".el-table__body-wrapper tbody tr td:first-child"))
                .stream().map(e -> e.getText().trim()).toList();
        assertEquals(String.valueOf(newest), first.get(0), "the newest application first: " + first);
        screenshot("review-at-scale");
        clickTestId("approve-" + newest);
        answerPrompt("县自然资源局审查同意");
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20)).until(d ->
                d.findElements(By.cssSelector("[data-testid=approve-" + newest + "]")).isEmpty());
        assertEquals("APPROVED", api().get("/api/outflow-applications/" + newest, login("county_admin")).json()
                .get("status").asText());

        // the township filter narrows it on the server: 541 / 17 → 32 of 巩昌镇's rows plus its declaration
        choose(By.cssSelector("[data-testid=review-township]"), "巩昌镇");
        waitText(By.cssSelector("[data-testid=review] .el-pagination"), "33");
        assertTrue(testId("review").getText().contains("巩昌镇"));
    }
}
