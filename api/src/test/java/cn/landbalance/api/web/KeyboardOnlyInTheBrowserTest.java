package cn.landbalance.api.web;

import cn.landbalance.api.support.journey.OutflowDeclaration;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Without a mouse: an enterprise signs in (the username has the focus, Tab to the password, Enter), reaches its screens
 * through the menu with Tab and Enter, skips past the menu and opens an application from its list, each page with one h1.
 */
@MicronautTest(transactional = false)
class KeyboardOnlyInTheBrowserTest extends BrowserTest {

    @Test
    void anEnterpriseWorksWithTheKeyboardAlone() {
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        long application = api().post("/api/outflow-applications", login("enterprise_coop"),
                OutflowDeclaration.in(gongchang).toJson()).number("id");

        go("/login");
        find(By.name("username"));
        wait.until(d -> "username".equals(focused().getAttribute("name")));
        assertEquals(1, browser.findElements(By.tagName("h1")).size(), "the login page has its heading");
        focused().sendKeys("enterprise_coop");
        focused().sendKeys(Keys.TAB);
        assertEquals("password", focused().getAttribute("name"), "Tab leads from the username to the password");
        focused().sendKeys(DEMO_PASSWORD, Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=who]")).size() > 0);

        tabTo("指标市场");
        focused().sendKeys(Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().endsWith("#/market"));
        waitText(By.tagName("h1"), "指标市场");

        tabTo("我的转出申请");
        focused().sendKeys(Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().endsWith("#/outflows"));
        waitText(By.cssSelector("[data-testid=outflows]"), String.valueOf(application));
        assertEquals(1, browser.findElements(By.tagName("h1")).size());

        // past the menu at once: the skip link, then the page's own controls
        tabTo("跳到正文");
        focused().sendKeys(Keys.ENTER);
        assertEquals("main", focused().getTagName());
        tabTo("详情");
        focused().sendKeys(Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().endsWith("#/outflows/" + application));
        waitText(By.cssSelector("[data-testid=remaining]"), "0.1000 公顷");
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    /** Presses Tab until the focused element reads {@code text} (at most 60 times), as a keyboard user would. */
    private void tabTo(String text) {
        for (int i = 0; i < 60; i++) {
            focused().sendKeys(Keys.TAB);
            if (focused().getText().strip().equals(text)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached “" + text + "”; the focus is on " + focused().getTagName() + " "
                + focused().getAttribute("outerHTML"));
    }
}
