package cn.landbalance.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.File;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 自行补充 on screen: 文峰镇's government converts 0.5 公顷 of its own farmland (grade 12) and balances it from its own
 * lots — a grade-10 lot fits, a grade-14 one is shown with the reason it does not. The officer declares on 自身转出申请,
 * takes 0.3 公顷 and then the rest (offered by the server), in Chinese and in English, and prints the confirmation.
 */
@MicronautTest(transactional = false)
class TownshipBalancesItsOwnOutflowInTheBrowserTest extends BrowserTest {

    @Test
    void aTownshipDeclaresItsOwnConversionAndCoversItFromItsOwnLots() throws IOException {
        long wenfeng = api().get("/api/me", login("officer_wenfeng")).number("regionId");
        long good = acceptedLot("officer_wenfeng", wenfeng, "旱地", 8_000, 10);
        long poor = acceptedLot("officer_wenfeng", wenfeng, "旱地", 8_000, 14);
        long availableBefore = available(wenfeng);

        signIn("officer_wenfeng");
        clickTestId("menu-outflows");
        clickTestId("declare-new");
        waitText(By.cssSelector("[data-testid=township]"), "文峰镇");
        type(By.name("landClassAfter"), "乔木林地");
        type(By.name("areaHectares"), "0.5000");
        type(By.cssSelector("[name=qualityGrade] input, input[name=qualityGrade]"), "12");
        clickTestId("declare");
        waitText(By.cssSelector("[data-testid=remaining]"), "0.5000 公顷");
        String application = browser.getCurrentUrl().replaceAll(".*/outflows/", "");

        // the server offers what fits: all that is open of the good lot; the poor one with its reason
        waitText(By.cssSelector("[data-testid=own-lots]"), "指标质量等别低于转出耕地");
        assertTrue(testId("own-lots").getText().contains("0.5000"), testId("own-lots").getText());
        screenshot("township-own-lots");
        clickTestId("use-lot-" + good);
        answerPrompt("0.3000");
        waitText(By.cssSelector("[data-testid=remaining]"), "0.2000 公顷");
        assertTrue(!testId("use-lot-" + poor).isEnabled(), "a lot that does not fit cannot be used");

        click(By.xpath("//button[normalize-space(.)='English']"));
        waitText(By.cssSelector("[data-testid=own-lots]"), "lower quality");
        waitText(By.cssSelector("[data-testid=remaining]"), "0.2000 ha");
        clickTestId("use-lot-" + good);
        String offered = find(By.cssSelector(".el-message-box input")).getAttribute("value");
        assertEquals("0.2000", offered, "the rest is offered");
        answerPrompt(offered);
        waitText(By.cssSelector("[data-testid=remaining]"), "0.0000 ha");
        click(By.xpath("//button[normalize-space(.)='中文']"));

        JsonNode app = api().get("/api/outflow-applications/" + application, login("officer_wenfeng")).json();
        assertEquals(0, app.get("obligation").get("remainingM2").asLong());
        JsonNode coverages = app.get("obligation").get("coverages");
        assertEquals(2, coverages.size());
        assertEquals("SELF", coverages.get(0).get("kind").asText());
        assertEquals(good, coverages.get(1).get("lotId").asLong());
        assertEquals(availableBefore - 5_000, available(wenfeng), "the 0.5 公顷 taken from the township's lot");
        assertTrue(api().get("/api/audit/invariants", login("county_admin")).json().get("ok").asBoolean());

        clickTestId("confirmation-pdf");
        File pdf = downloaded(".pdf");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertTrue(text.contains("平衡确认单") && text.contains("自行补充"), text);
        }
    }

    private long available(long township) {
        return api().get("/api/townships/" + township + "/inventory", login("officer_wenfeng")).json().get("availableM2").asLong();
    }
}
