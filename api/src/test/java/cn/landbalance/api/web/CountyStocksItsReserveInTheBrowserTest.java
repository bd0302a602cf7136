package cn.landbalance.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The county admin restores land itself (a county-led project, 县级储备), accepts it, then opens a violation against a
 * township that has no indicators: the case borrows from the reserve, and the violations page shows the reserve's
 * lent area beside the case's owed area. All through the screens.
 */
@MicronautTest(transactional = false)
class CountyStocksItsReserveInTheBrowserTest extends BrowserTest {

    @Test
    void aCountyLedProjectStocksTheReserveThatAViolationBorrowsFrom() {
        signIn("county_admin");
        go("/inflows");
        choose(By.cssSelector("[data-testid=inflow-township]"), "县级储备（县级实施）");
        type(By.cssSelector("[data-testid=inflow-village]"), "城关片区");
        type(By.cssSelector("[data-testid=inflow-before]"), "其他草地");
        type(By.cssSelector("[data-testid=inflow-area]"), "0.6");
        // the eight checks of the land are asked, none assumed: unanswered, nothing is sent
        clickTestId("inflow-submit");
        waitText(By.cssSelector("[data-testid=problem]"), "生态保护红线");
        // a "yes" is sent as it is and the server refuses the project by the rule
        for (String check : new String[]{"ecologicalRedLine", "natureReserve", "waterSourceLevel1", "riverLakeForestPastoralDesert",
                "builtUpArea", "returnedFarmlandForest", "pollutedSoil", "illegalDeforestation"}) {
            clickTestId("check-" + check + (check.equals("ecologicalRedLine") ? "-yes" : "-no"));
        }
        clickTestId("inflow-submit");
        waitText(By.cssSelector("[data-testid=problem]"), "生态保护红线内的土地不得作为耕地转进来源");
        clickTestId("check-ecologicalRedLine-no");
        clickTestId("inflow-submit");
        waitText(By.cssSelector("[data-testid=inflows]"), "县级储备");
        click(By.cssSelector("[data-testid^=accept-]"));
        answerPrompt("9");
        waitText(By.cssSelector("[data-testid=inflows]"), "已验收");

        go("/violations");
        waitText(By.cssSelector("[data-testid=reserve]"), "0.6000");
        // the page's last card (the reserve's ledger) has loaded: the layout no longer moves under the case form
        waitText(By.cssSelector("[data-testid=reserve-statement-summary]"), "0.6000");
        choose(By.cssSelector("[data-testid=case-township]"), "首阳镇");
        type(By.cssSelector("[data-testid=case-area]"), "0.25");
        type(By.cssSelector("[data-testid=case-no]"), "陇自然资违〔2026〕90号");
        type(By.cssSelector("[data-testid=case-description]"), "违法建房");
        clickTestId("open-case");
        waitText(By.cssSelector("[data-testid=cases]"), "陇自然资违〔2026〕90号");
        // the reserve lent 0.25 公顷 (frozen there), owed by the township on the case
        waitText(By.cssSelector("[data-testid=reserve]"), "0.3500");
        waitText(By.cssSelector("[data-testid=reserve]"), "0.2500");
        waitText(By.cssSelector("[data-testid=cases]"), "0.2500");
        // the reserve's own ledger: its acceptance, then the freeze it lent (reloaded by 查询)
        click(By.xpath("//div[@data-testid='reserve-statement']//button[contains(.,'查询')]"));
        waitText(By.cssSelector("[data-testid=reserve-statement-lines]"), "验收入库");
        waitText(By.cssSelector("[data-testid=reserve-statement-lines]"), "冻结");
        waitText(By.cssSelector("[data-testid=reserve-statement-summary]"), "0.3500");
        screenshot("county-reserve-statement");

        // 县级统筹: the county takes 0.1 公顷 of 巩昌镇's spare lot into the reserve, without paying
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        long lot = acceptedLot("officer_gongchang", gongchang, "旱地", 3_000, 10);
        clickTestId("reserve-transfer-open");
        choose(By.cssSelector("[data-testid=reserve-transfer-township]"), "巩昌镇");
        waitText(By.cssSelector("[data-testid=reserve-transfer-lot]"), "#" + lot);
        type(By.cssSelector("[data-testid=reserve-transfer-area]"), "0.1");
        type(By.cssSelector("[data-testid=reserve-transfer-reason]"), "县级统筹储备");
        clickTestId("reserve-transfer-submit");
        waitText(By.cssSelector("[data-testid=reserve-transfers]"), "县级统筹储备");
        waitText(By.cssSelector("[data-testid=reserve]"), "0.4500"); // 0.35 + 0.1 available in the reserve
        assertEquals(2_000, api().get("/api/townships/" + gongchang + "/inventory", login("county_admin")).json()
                .get("availableM2").asLong());
        screenshot("county-reserve-transfer");

        // 归还借用: 首阳镇 repays 0.1 公顷 of what it borrowed with indicators of its own lot
        long shouyang = api().get("/api/me", login("officer_shouyang")).number("regionId");
        long own = acceptedLot("officer_shouyang", shouyang, "旱地", 2_000, 9);
        go("/violations");
        clickTestId("repay-陇自然资违〔2026〕90号");
        waitText(By.cssSelector("[data-testid=repay-dialog]"), "0.2500");
        type(By.cssSelector("[data-testid=repay-area]"), "0.1000");
        // the township's lots are read when the dialog opens: choose once they are there
        wait.until(d -> {
            String lots = d.findElement(By.cssSelector("[data-testid=repay-lot]")).getAttribute("data-lots");
            return lots != null && !"0".equals(lots);
        });
        choose(By.cssSelector("[data-testid=repay-lot]"), "批次 " + own + " · 可用 0.2000 公顷 · 质量等别 9");
        clickTestId("repay-submit");
        waitText(By.cssSelector("[data-testid=cases]"), "0.1500");
        JsonNode repaidCase = api().get("/api/violations", login("county_admin")).json().get("items").get(0);
        assertEquals(1_500, repaidCase.get("owedM2").asLong(), repaidCase.toString());
        assertEquals(1_000, api().get("/api/townships/" + shouyang + "/inventory", login("county_admin")).json()
                .get("availableM2").asLong(), "0.1 公顷 of its lot went to the lender");
    }
}
