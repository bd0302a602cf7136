package cn.landbalance.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22's living demo county: started as a newcomer's first start is (the demo county created, then set to work), every
 * demo user's first screen shows real work — the county its plan years, inflows to accept and declarations waiting, its
 * indicators and an open violation; the enterprise its order awaiting payment; the township finance the notice to
 * confirm; the other township the declaration to review. Gansu's 1 100‰ governs 2022 and this year. The screenshots are
 * the README's.
 */
@MicronautTest(transactional = false)
class DemoCountyAtWorkInTheBrowserTest extends BrowserTest {
    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("landbalance.demo.work", "true");
    }

    @Test
    void everyDemoUserFindsWorkOnTheFirstScreen() {
        String admin = login("county_admin");
        long county = countyId();
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        assertEquals(1100, api().get("/api/counties/" + county + "/rules?year=2022", admin).number("surplusFactorPermille"));
        assertEquals(1100, api().get("/api/counties/" + county + "/rules?year=" + year, admin).number("surplusFactorPermille"));
        JsonNode balance2022 = api().get("/api/counties/" + county + "/balance?year=2022", admin).json();
        long outflow2022 = 0;
        for (JsonNode t : balance2022.get("townships")) {
            outflow2022 += t.get("outflowM2").asLong();
        }
        assertEquals(801_011, outflow2022, "附表2 of the 2022 plan: 80.1011 公顷");
        assertTrue(api().get("/api/audit/invariants", admin).json().get("ok").asBoolean());
        JsonNode cases = api().get("/api/violations", admin).json().get("items");
        assertEquals(1, cases.size());
        assertEquals("OPEN", cases.get(0).get("status").asText());

        // the county: what awaits it, the county's indicators, the open case
        signIn("county_admin");
        go("/dashboard");
        testId("worklist-INFLOW_ACCEPTANCE");
        testId("worklist-OUTFLOW_REVIEW");
        assertFalse(testId("available-total").getText().startsWith("0.0000"), testId("available-total").getText());
        screenshot("demo-county-dashboard");
        go("/violations");
        waitText(By.cssSelector("[data-testid=cases]"), "陇自然资违〔" + year + "〕1号");

        // the enterprise: its order, awaiting the money
        browser.executeScript("sessionStorage.clear()");
        signIn("enterprise_coop");
        // its first screen: what waits for it — the notice to pay, the application still to balance
        testId("worklist-NOTICE_PAYMENT");
        testId("worklist-OUTFLOW_BALANCE");
        go("/orders");
        waitText(By.cssSelector("[data-testid=orders]"), "0.2200");
        assertTrue(testId("orders").getText().contains("165,000.00"), "2 000 m² × 1 100‰ at 5万元/亩: " + testId("orders").getText());
        screenshot("demo-enterprise-order");
        // 单位信息: the credit code's check character is checked by the server, then the profile is kept
        clickTestId("menu-profile");
        type(By.cssSelector("[data-testid=profile-credit-code]"), "91350100M000100Y44");
        type(By.cssSelector("[data-testid=profile-contact]"), "李四");
        clickTestId("profile-save");
        waitText(By.cssSelector("[data-testid=problem]"), "校验位");
        type(By.cssSelector("[data-testid=profile-credit-code]"), "91350100M000100Y43");
        clickTestId("profile-save");
        waitText(By.cssSelector(".el-form"), "最近更新");

        // 巩昌镇's finance: the notice to confirm; 文峰镇: the declaration to review
        browser.executeScript("sessionStorage.clear()");
        signIn("officer_gongchang");
        go("/inventory");
        testId("worklist-NOTICE_CONFIRMATION");
        screenshot("demo-township-inventory");
        browser.executeScript("sessionStorage.clear()");
        signIn("officer_wenfeng");
        go("/inventory");
        click(By.cssSelector("[data-testid=worklist-OUTFLOW_REVIEW] a"));
        // 乡镇审核: the officer passes the declaration on to the county with its opinion
        JsonNode declared = api().get("/api/outflow-applications?status=DECLARED", login("officer_wenfeng")).json().get("items");
        assertEquals(1, declared.size());
        long application = declared.get(0).get("id").asLong();
        waitText(By.cssSelector("[data-testid=review]"), String.valueOf(application));
        screenshot("demo-township-review");
        clickTestId("review-" + application);
        answerPrompt("经核实，申报地块与现状一致，同意上报");
        waitText(By.cssSelector("[data-testid=review]"), "无数据");
        assertEquals("TOWNSHIP_REVIEWED", api().get("/api/outflow-applications/" + application, admin).json()
                .get("status").asText());
    }
}
