package cn.landbalance.api.web;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.Enterprise;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bell shows the user's notifications in 公顷/亩 and 元, counts the unseen ones and forgets the count once opened —
 * produced by the real flow: the enterprise's order is settled when the township's finance confirms its money, the
 * event goes out through the outbox to the broker, and the notification consumer writes the enterprise's notification.
 */
@MicronautTest(transactional = false)
class NotificationsInTheBrowserTest extends BrowserTest {
    private final String topic = "persistent://landbalance/events/NotificationsInTheBrowserTest-" + UUID.randomUUID();

    @Override
    protected Map<String, String> extraProperties() {
        return brokerProperties(topic);
    }

    @Test
    void anEnterpriseSeesItsOrderSettledInItsOwnUnits() {
        String officer = login("officer_gongchang");
        String enterprise = login("enterprise_coop");
        long gongchang = api().get("/api/me", officer).number("regionId");
        acceptedLot("officer_gongchang", gongchang, "旱地", 20_000, 10);
        assertEquals(201, api().post("/api/listings", officer,
                Json.object("townshipId", gongchang, "areaM2", 15000, "pricePerMuFen", 5_200_000)).status());
        long application = declaredOutflow(gongchang, 12_000);
        Response order = api().post("/api/orders", enterprise, Enterprise.order(application, 12_000));
        assertEquals(201, order.status(), order.body());
        long orderId = order.number("id");
        JsonNode notice = order.json().get("notices").get(0);
        Response paid = api().post("/api/payment-notices/" + notice.get("id").asLong() + "/confirm", officer,
                Json.object("bankSerial", "BELL-1", "receivedOn", Finance.issuedOn(notice),
                        "amountFen", notice.get("amountFen").asLong()));
        assertEquals(200, paid.status(), paid.body());

        // 12 000 m² = 1.2 公顷 = 18 亩 at 5.2万元/亩 = ¥936,000.00, worded as people read it
        String expected = "订单 " + orderId + " 已结算：1.2000 公顷（18.0000 亩），¥936,000.00";
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> api().get("/api/notifications", enterprise).body()
                .contains(expected));
        int unseen = api().get("/api/notifications", enterprise).json().size();
        assertTrue(unseen >= 1);
        signIn("enterprise_coop");
        waitText(By.cssSelector("[data-testid=bell-count]"), String.valueOf(unseen));
        clickTestId("bell");
        waitText(By.cssSelector("[data-testid=notifications]"), expected);
        screenshot("enterprise-notifications");
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=bell-count] sup")).stream().noneMatch(e -> e.isDisplayed()));
        browser.navigate().refresh();
        find(By.cssSelector("[data-testid=bell][data-loaded=true]"));
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=bell-count] sup")).stream().noneMatch(e -> e.isDisplayed()));
    }
}
