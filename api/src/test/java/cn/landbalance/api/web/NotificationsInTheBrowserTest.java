package cn.landbalance.api.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bell shows the user's notifications in 公顷/亩 and 元, counts the unseen ones and forgets the count once opened.
 * (The notifications are written here as the event consumer writes them; DomainEventsToPulsarTest shows the consumer
 * writing them from the broker.)
 */
@MicronautTest(transactional = false)
class NotificationsInTheBrowserTest extends BrowserTest {

    @Test
    void anEnterpriseSeesItsOrderSettledInItsOwnUnits() throws Exception {
        long org = api().get("/api/me", login("enterprise_coop")).number("orgId");
        var text = cn.landbalance.settlement.notification.NotificationText.orderSettled(12, 12_000, 78_000_000);
        notify(org, text.zh(), text.en());

        signIn("enterprise_coop");
        waitText(By.cssSelector("[data-testid=bell-count]"), "1");
        clickTestId("bell");
        waitText(By.cssSelector("[data-testid=notifications]"), "订单 12 已结算：1.2000 公顷（18.0000 亩），¥780,000.00");
        screenshot("enterprise-notifications");
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=bell-count] sup")).stream().noneMatch(e -> e.isDisplayed()));
        browser.navigate().refresh();
        find(By.cssSelector("[data-testid=bell][data-loaded=true]"));
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=bell-count] sup")).stream().noneMatch(e -> e.isDisplayed()));
        assertEquals(1, api().get("/api/notifications", login("enterprise_coop")).json().size());
    }

    private void notify(long orgId, String zh, String en) throws Exception {
        var ctx = server.getApplicationContext();
        try (Connection c = DriverManager.getConnection(ctx.getRequiredProperty("datasources.default.url", String.class),
                ctx.getRequiredProperty("datasources.default.username", String.class),
                ctx.getProperty("datasources.default.password", String.class).orElse(""));
             PreparedStatement ps = c.prepareStatement("insert into notification (event_id, type, org_id, region_id, county_id,"
                     + " message_zh, message_en, created_at) values (?, 'order.settled', ?, null, null, ?, ?, now())")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setLong(2, orgId);
            ps.setString(3, zh);
            ps.setString(4, en);
            assertEquals(1, ps.executeUpdate());
        }
    }
}
