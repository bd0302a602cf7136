package cn.landbalance.api.web;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.time.Duration;
import java.util.UUID;

import static cn.landbalance.api.support.Zone35.collection;
import static cn.landbalance.api.support.Zone35.rectangle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The map in English, with the county's outlines: an enterprise's parcel touches 永久基本农田 along an edge and passes;
 * the enterprise drags one corner of it into the farmland with the mouse, and the parcel is saved and checked again at
 * once — refused now, the overlap named and the areas no longer matching. The outlines are drawn and never overlaid.
 */
@MicronautTest(transactional = false)
class EnterpriseDragsACornerInEnglishInTheBrowserTest extends BrowserTest {

    private void layer(String kind, String geojson) {
        Response r = api().send("POST", "/api/counties/" + api().get("/api/me", login("county_admin")).number("countyId")
                + "/layers?kind=" + kind + "&source=test&dataDate=2025-12-31", login("county_admin"), geojson, "application/geo+json");
        assertEquals(201, r.status(), r.body());
    }

    @Test
    void aCornerDraggedIntoTheFarmlandIsSavedAndRefused() {
        layer("PERMANENT_BASIC_FARMLAND", collection(rectangle(100, 0, 200, 200)));
        layer("TOWNSHIP_OUTLINE", collection(rectangle(-1_000, -1_000, 1_100, 2_000), rectangle(100, -1_000, 1_000, 2_000)));
        layer("COUNTY_OUTLINE", collection(rectangle(-3_000, -3_000, 6_000, 6_000)));
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        Response created = api().post("/api/outflow-applications", login("enterprise_coop"),
                OutflowDeclaration.in(gongchang).withArea(5000).toJson());
        long application = created.number("id");
        // 100 × 50 west of the farmland, touching it along x = 100
        assertEquals(200, api().send("PUT", "/api/outflow-applications/" + application + "/parcels", login("enterprise_coop"),
                rectangle(0, 0, 100, 50), "application/geo+json", UUID.randomUUID().toString()).status());

        signIn("enterprise_coop");
        click(By.xpath("//button[normalize-space(.)='English']"));
        go("/outflows/" + application);
        waitText(By.cssSelector("[data-testid=map-layers]"), "Permanent basic farmland v1");
        waitText(By.cssSelector("[data-testid=map-layers]"), "Township outlines v1");
        waitText(By.cssSelector("[data-testid=map-layers]"), "County outline v1");
        waitText(By.cssSelector("[data-testid=parcel-check]"), "Overlay check passed");
        // the farmland, two township outlines and the county's around the parcel
        wait.until(d -> "4".equals(testId("parcel-map").getAttribute("data-layer-features")));
        browser.executeScript("document.querySelector('[data-testid=parcel-map]').scrollIntoView({block: 'center'})");
        wait.until(d -> testId("parcel-map").getAttribute("data-corners").split(";").length >= 4);
        screenshot("enterprise-map-english");

        // the ring runs (0,0), (100,0), (100,50), (0,50): the north-east corner is the third; drag it 60 px east
        WebElement map = testId("parcel-map");
        String[] corner = map.getAttribute("data-corners").split(";")[2].split(",");
        int x = Integer.parseInt(corner[0]) - map.getSize().getWidth() / 2;
        int y = Integer.parseInt(corner[1]) - map.getSize().getHeight() / 2;
        new Actions(browser).moveToElement(map, x, y).pause(Duration.ofMillis(200)).clickAndHold().pause(Duration.ofMillis(200))
                .moveByOffset(20, 0).moveByOffset(20, 0).moveByOffset(20, 0).pause(Duration.ofMillis(200)).release().perform();

        waitText(By.cssSelector("[data-testid=parcel-check]"), "Overlay check failed");
        waitText(By.cssSelector("[data-testid=parcel-findings]"), "Permanent basic farmland");
        browser.executeScript("document.querySelector('[data-testid=parcel-map]').scrollIntoView({block: 'start'})");
        screenshot("enterprise-corner-dragged-english");
        String panel = testId("parcels-panel").getText();
        assertFalse(panel.matches("(?s).*[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef].*"), "no Chinese on the English map: " + panel);

        JsonNode saved = api().get("/api/outflow-applications/" + application + "/parcels", login("enterprise_coop")).json();
        JsonNode check = saved.get("check");
        assertFalse(check.get("clear").asBoolean(), saved.toString());
        assertTrue(check.get("parcelAreaM2").asLong() > 5_000, "the dragged corner made the parcel larger: " + check);
        long overlap = 0;
        for (JsonNode f : check.get("findings")) {
            assertFalse(f.get("kind").asText().endsWith("_OUTLINE"), f.toString());
            overlap += f.get("overlapM2").asLong();
        }
        assertTrue(overlap > 1, "the dragged corner lies in the farmland: " + check);
    }
}
