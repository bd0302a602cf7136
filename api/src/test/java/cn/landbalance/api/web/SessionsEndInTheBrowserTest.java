package cn.landbalance.api.web;

import cn.landbalance.api.support.Json;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The county admin resets a township officer's forgotten password and disables a departed user, each confirmed in a
 * dialog; an enterprise user changes their own password. What each did is then true for signing in.
 */
@MicronautTest(transactional = false)
class SessionsEndInTheBrowserTest extends BrowserTest {

    @Test
    void theCountyAdminResetsAPasswordAndDisablesAUserAndAnEnterpriseChangesItsOwn() {
        String transportToken = login("enterprise_transport");
        signIn("county_admin");
        clickTestId("menu-users");
        waitText(By.cssSelector("[data-testid=users]"), "officer_shouyang");
        // the list is searched by the server: part of a username or of the organisation's name
        type(By.cssSelector("[data-testid=users-search]"), "首阳");
        waitText(By.cssSelector("[data-testid=users]"), "共 1 条");
        assertTrue(testId("users").getText().contains("officer_shouyang"), testId("users").getText());
        type(By.cssSelector("[data-testid=users-search]"), "o");
        wait.until(d -> testId("users").getText().contains("enterprise_transport"));

        clickTestId("reset-officer_shouyang");
        answerPrompt("shouyang-new-password");
        waitText(By.cssSelector(".el-message"), "成功");
        assertEquals(401, signInStatus("officer_shouyang", DEMO_PASSWORD));
        assertEquals(200, signInStatus("officer_shouyang", "shouyang-new-password"));

        clickTestId("disable-enterprise_transport");
        waitText(By.cssSelector(".el-message-box"), "enterprise_transport");
        click(By.cssSelector(".el-message-box__btns .el-button--primary"));
        waitText(By.cssSelector("[data-testid=users]"), "已停用");
        find(By.cssSelector("[data-testid='enable-enterprise_transport']"));
        assertEquals(401, api().get("/api/me", transportToken).status(), "the disabled user's session ended");
        assertEquals(401, signInStatus("enterprise_transport", DEMO_PASSWORD));
        screenshot("county-users");

        clickTestId("enable-enterprise_transport");
        waitText(By.cssSelector("[data-testid=users]"), "启用");
        browser.manage().deleteAllCookies();
        browser.executeScript("sessionStorage.clear()");

        signIn("enterprise_coop");
        clickTestId("change-password");
        type(By.cssSelector("[data-testid=current-password]"), "not-my-password");
        type(By.cssSelector("[data-testid=new-password]"), "coop-password-2026");
        type(By.cssSelector("[data-testid=new-password-again]"), "coop-password-2026");
        clickTestId("save-password");
        waitText(By.cssSelector("[data-testid=password-dialog] [data-testid=problem]"), "当前密码不正确");
        type(By.cssSelector("[data-testid=current-password]"), DEMO_PASSWORD);
        clickTestId("save-password");
        waitText(By.cssSelector(".el-message"), "密码已修改");
        clickTestId("menu-outflows");
        waitText(By.cssSelector("[data-testid=who]"), "enterprise_coop"); // still signed in with the new token
        assertEquals(401, signInStatus("enterprise_coop", DEMO_PASSWORD));
        assertEquals(200, signInStatus("enterprise_coop", "coop-password-2026"));
    }

    private int signInStatus(String username, String password) {
        return api().post("/api/auth/login", null, Json.object("username", username, "password", password)).status();
    }
}
