package cn.landbalance.api.web;

import cn.landbalance.api.support.ApiClient.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An enterprise whose page was reloaded after ordering finds its unpaid orders under 我的订单, cancels one (confirmed,
 * its indicators released) and pays the other; the selling township's officer sees both in its order list.
 */
@MicronautTest(transactional = false)
class EnterpriseFindsItsOrdersInTheBrowserTest extends BrowserTest {

    @Test
    void anEnterpriseCancelsOneUnpaidOrderAndPaysTheOtherFromItsOrderList() {
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        acceptedLot("officer_gongchang", gongchang, "旱地", 5_000, 9);
        assertEquals(201, api().post("/api/listings", login("officer_gongchang"), "{\"townshipId\":" + gongchang
                + ",\"areaM2\":5000,\"pricePerMuFen\":5000000}").status());
        long application = declaredOutflow(gongchang, 2_000);
        long first = order(application, 1_000);
        long second = order(application, 600);

        signIn("enterprise_coop");
        clickTestId("menu-orders");
        waitText(By.cssSelector("[data-testid=orders]"), "待付款");
        clickTestId("cancel-order-" + first);
        waitText(By.cssSelector(".el-message-box"), "预留的指标立即释放");
        click(By.cssSelector(".el-message-box__btns .el-button--primary"));
        waitText(By.cssSelector("[data-testid=orders]"), "已取消");

        clickTestId("pay-order-" + second);
        answerPrompt("ICBC-20261202-0042");
        waitText(By.cssSelector("[data-testid=orders]"), "ICBC-20261202-0042");
        waitText(By.cssSelector("[data-testid=orders]"), "已结算");
        screenshot("enterprise-orders");
        assertEquals("CANCELLED", api().get("/api/orders/" + first, login("enterprise_coop")).string("status"));
        assertEquals("SETTLED", api().get("/api/orders/" + second, login("enterprise_coop")).string("status"));

        browser.executeScript("sessionStorage.clear()");
        signIn("officer_gongchang");
        clickTestId("menu-orders");
        waitText(By.cssSelector("[data-testid=orders]"), "ICBC-20261202-0042");
    }

    private long order(long application, long areaM2) {
        Response r = api().post("/api/orders", login("enterprise_coop"), "{\"outflowApplicationId\":" + application
                + ",\"areaM2\":" + areaM2 + "}");
        assertEquals(201, r.status(), r.body());
        return r.number("id");
    }
}
