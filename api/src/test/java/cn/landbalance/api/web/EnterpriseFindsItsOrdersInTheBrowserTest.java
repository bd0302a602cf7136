package cn.landbalance.api.web;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.Enterprise;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An enterprise whose page was reloaded after ordering finds its unpaid orders under 我的订单, cancels one (confirmed,
 * its indicators released) and finds the other settled once the selling township's finance confirms its money; the
 * township's officer sees both in its order list.
 */
@MicronautTest(transactional = false)
class EnterpriseFindsItsOrdersInTheBrowserTest extends BrowserTest {

    @Test
    void anEnterpriseCancelsOneUnpaidOrderAndFindsTheOtherSettledOnceFinanceConfirmsIt() {
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        acceptedLot("officer_gongchang", gongchang, "旱地", 5_000, 9);
        assertEquals(201, api().post("/api/listings", login("officer_gongchang"),
                Json.object("townshipId", gongchang, "areaM2", 5000, "pricePerMuFen", 5_000_000)).status());
        long application = declaredOutflow(gongchang, 2_000);
        long first = order(application, 1_000);
        long second = order(application, 600);

        signIn("enterprise_coop");
        clickTestId("menu-orders");
        waitText(By.cssSelector("[data-testid=orders]"), "待缴款");
        clickTestId("cancel-order-" + first);
        waitText(By.cssSelector(".el-message-box"), "预留的指标立即释放");
        click(By.cssSelector(".el-message-box__btns .el-button--primary"));
        waitText(By.cssSelector("[data-testid=orders]"), "已撤销");

        // the money of the other arrives; the township's finance confirms it, and the order list shows it settled
        String code = api().get("/api/orders/" + second, login("enterprise_coop")).json().get("notices").get(0)
                .get("remittanceCode").asText();
        waitText(By.cssSelector("[data-testid=orders]"), code);
        Response settled = new cn.landbalance.api.support.Finance(api(), this::login).settleOrder(second, "ICBC-20261202-0042",
                login("enterprise_coop"));
        assertEquals("SETTLED", settled.string("status"), settled.body());
        browser.navigate().refresh();
        waitText(By.cssSelector("[data-testid=orders]"), "已结算");
        screenshot("enterprise-orders");
        assertEquals("CANCELLED", api().get("/api/orders/" + first, login("enterprise_coop")).string("status"));
        assertEquals("SETTLED", api().get("/api/orders/" + second, login("enterprise_coop")).string("status"));

        browser.executeScript("sessionStorage.clear()");
        signIn("officer_gongchang");
        clickTestId("menu-orders");
        waitText(By.cssSelector("[data-testid=orders]"), code);
    }

    private long order(long application, long areaM2) {
        Response r = api().post("/api/orders", login("enterprise_coop"), Enterprise.order(application, areaM2));
        assertEquals(201, r.status(), r.body());
        return r.number("id");
    }
}
