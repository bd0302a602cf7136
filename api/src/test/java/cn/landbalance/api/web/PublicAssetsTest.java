package cn.landbalance.api.web;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web admin's page and its icon are served to anyone (no 404 for the icon on every page). */
@MicronautTest(transactional = false)
class PublicAssetsTest extends ApiTest {
    @Test
    void thePageAndItsIconAreServedWithoutSigningIn() {
        Response page = api().get("/", null);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("favicon.svg"), "the page names its icon");
        Response icon = api().get("/favicon.svg", null);
        assertEquals(200, icon.status(), icon.body());
        assertTrue(icon.body().startsWith("<svg"), icon.body());
    }
}
