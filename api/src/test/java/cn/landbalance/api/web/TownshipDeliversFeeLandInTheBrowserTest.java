package cn.landbalance.api.web;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fee-funded restoration on screen: an enterprise paid the fee for 1 000 m² of a 2023 outflow in 巩昌镇 instead of
 * restoring; the township owed that land by 2024-10-31. Its officer sees the duty overdue on 指标库存, delivers it from
 * a lot of the township, and sees it discharged late; the county reads the same on 年度平衡, in Chinese and in English.
 */
@MicronautTest(transactional = false)
class TownshipDeliversFeeLandInTheBrowserTest extends BrowserTest {

    @Test
    void anOfficerDeliversOverdueFeeLandAndTheCountySeesItDischargedLate() {
        String enterprise = login("enterprise_coop");
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        long lot = acceptedLot("officer_gongchang", gongchang, "旱地", 2_000, 10);
        Response created = api().post("/api/outflow-applications", enterprise,
                OutflowDeclaration.in(gongchang).withGrade(14).withPlanYear(2023).toJson());
        assertEquals(201, created.status(), created.body());
        long application = created.number("id");
        assertEquals(200, api().post("/api/outflow-applications/" + application + "/declare", enterprise, null).status());
        Response fee = new Finance(api(), this::login).payFee(application, 1_000, "WEB-FEE-LATE-1", enterprise);
        assertEquals(200, fee.status(), fee.body());
        long feePayment = api().get("/api/townships/" + gongchang + "/fee-duties", login("officer_gongchang")).json()
                .get("items").get(0).get("feePaymentId").asLong();

        signIn("officer_gongchang");
        waitText(By.cssSelector("[data-testid=fee-duties]"), "逾期未交付");
        waitText(By.cssSelector("[data-testid=fee-duties]"), "2024-10-31");
        waitText(By.cssSelector("[data-testid=fee-duties-summary]"), "其中逾期 0.1000 公顷");
        clickTestId("fee-deliver-" + feePayment);
        waitText(By.cssSelector("[data-testid=fee-deliver-lot]"), "#" + lot);
        var areaField = find(By.cssSelector("[data-testid=fee-deliver-area]"));
        var areaInput = "input".equals(areaField.getTagName()) ? areaField : areaField.findElement(By.cssSelector("input"));
        assertEquals("0.1000", areaInput.getAttribute("value"), "what is still owed");
        clickTestId("fee-deliver-confirm");
        waitText(By.cssSelector("[data-testid=fee-duties]"), "逾期交付");
        waitText(By.cssSelector("[data-testid=bucket-availableM2]"), "0.1000 公顷");
        screenshot("township-fee-duties");
        assertEquals(1_000, api().get("/api/townships/" + gongchang + "/inventory", login("officer_gongchang")).json()
                .get("consumedM2").asLong());

        browser.executeScript("sessionStorage.clear()");
        signIn("county_admin");
        go("/year");
        waitText(By.cssSelector("[data-testid=fee-duties]"), "逾期交付");
        waitText(By.cssSelector("[data-testid=fee-duties]"), "巩昌镇");
        click(By.xpath("//button[normalize-space(.)='English']"));
        waitText(By.cssSelector("[data-testid=fee-duties]"), "Delivered late");
        screenshot("county-fee-duties-en");
    }
}
