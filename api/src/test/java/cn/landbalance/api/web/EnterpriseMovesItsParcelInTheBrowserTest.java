package cn.landbalance.api.web;

import cn.landbalance.api.support.ApiClient.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static cn.landbalance.api.support.Zone35.collection;
import static cn.landbalance.api.support.Zone35.rectangle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parcels on the map: the county uploads its 永久基本农田 layer on 数据导入 as a zipped Shapefile; an enterprise declares 0.5 公顷 and is
 * asked for its parcel, uploads one that lies 40 m inside the farmland, sees the refusal with the overlap (2 000 m²)
 * drawn in red on the map, moves the parcel so it only touches the farmland, and declares. The same layer uploaded as
 * GeoJSON gives the same overlap as the Shapefile did.
 */
@MicronautTest(transactional = false)
class EnterpriseMovesItsParcelInTheBrowserTest extends BrowserTest {

    private Path file(String name, String geojson) throws IOException {
        Path path = Files.createTempDirectory("parcels").resolve(name);
        Files.writeString(path, geojson);
        return path;
    }

    @Test
    void theRefusedParcelIsMovedAndAccepted() throws IOException {
        signIn("county_admin");
        clickTestId("menu-imports");
        choose(By.cssSelector("[data-testid=layer-kind]"), "永久基本农田");
        type(By.cssSelector("[data-testid=layer-source]"), "陇西县自然资源局 2025 年度变更调查");
        click(By.cssSelector("[data-testid=layer-date] input"));
        type(By.cssSelector("[data-testid=layer-date] input"), "2025-12-31");
        find(By.tagName("h1")).click();
        // the layer as a zipped Shapefile (read in the browser): the rectangle of x 100–300, y 0–200 (make_shapefile.py)
        Path shapefile = Files.createTempDirectory("layer").resolve("pbf-shapefile.zip");
        try (var in = getClass().getResourceAsStream("/spatial/pbf-shapefile.zip")) {
            Files.copy(in, shapefile);
        }
        upload("layer-file", shapefile);
        waitText(By.cssSelector("[data-testid=layers]"), "永久基本农田");
        waitText(By.cssSelector("[data-testid=layers]"), "现行");
        // the county's zone was read from the layer's eastings: zone 35
        wait.until(d -> "4523".equals(d.findElement(By.cssSelector("[data-testid=spatial-epsg] input")).getAttribute("value")));
        screenshot("county-layers");

        browser.executeScript("sessionStorage.clear()");
        signIn("enterprise_coop");
        clickTestId("menu-outflows-new");
        choose(By.cssSelector("[data-testid=township]"), "巩昌镇");
        type(By.name("landClassAfter"), "设施农用地");
        type(By.name("areaHectares"), "0.5000");
        type(By.cssSelector("[name=qualityGrade] input, input[name=qualityGrade]"), "12");
        clickTestId("declare");
        waitText(By.cssSelector("[data-testid=parcels-card]"), "尚未提交地块");
        String application = browser.getCurrentUrl().replaceAll(".*/outflows/", "");

        upload("parcel-upload", file("inside.geojson", rectangle(40, 0, 100, 50)));
        waitText(By.cssSelector("[data-testid=parcel-check]"), "套合分析未通过");
        waitText(By.cssSelector("[data-testid=parcel-findings]"), "2000");
        assertTrue(testId("parcel-findings").getText().contains("占用永久基本农田") || testId("parcel-findings").getText().contains("永久基本农田"),
                testId("parcel-findings").getText());
        // the county's layer is on the map (its legend loaded with its polygons), the overlap in red
        waitText(By.cssSelector("[data-testid=map-layers]"), "永久基本农田 v1");
        wait.until(d -> "1".equals(testId("parcel-map").getAttribute("data-layer-features")));
        wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                "return document.querySelectorAll('[data-testid=parcel-map] canvas').length")).intValue() > 0);
        browser.executeScript("document.querySelector('[data-testid=parcels-card]').scrollIntoView()");
        screenshot("enterprise-parcel-refused");
        clickTestId("declare-draft");
        waitText(By.cssSelector(".el-alert"), "重叠 2000 平方米");

        upload("parcel-upload", file("moved.geojson", rectangle(0, 0, 100, 50)));
        waitText(By.cssSelector("[data-testid=parcel-check]"), "套合分析通过");
        clickTestId("declare-draft");
        waitText(By.cssSelector(".el-tag"), "已申报");
        screenshot("enterprise-parcel-accepted");
        assertEquals("DECLARED", api().get("/api/outflow-applications/" + application, login("enterprise_coop")).string("status"));
        assertEquals(1, api().get("/api/outflow-applications/" + application + "/parcels", login("enterprise_coop")).json()
                .get("checks").size());

        // the same layer as GeoJSON (version 2) gives the same result as the Shapefile did (version 1)
        long county = api().get("/api/me", login("county_admin")).number("countyId");
        String inside = rectangle(40, 0, 100, 50);
        Response fromShapefile = api().send("POST", "/api/counties/" + county + "/overlay?declaredAreaM2=5000", login("county_admin"),
                inside, "application/geo+json");
        Response v2 = api().send("POST", "/api/counties/" + county + "/layers?kind=PERMANENT_BASIC_FARMLAND&source=geojson"
                + "&dataDate=2025-12-31", login("county_admin"), collection(rectangle(100, 0, 200, 200)), "application/geo+json");
        assertEquals(2, v2.number("version"), v2.body());
        Response fromGeoJson = api().send("POST", "/api/counties/" + county + "/overlay?declaredAreaM2=5000", login("county_admin"),
                inside, "application/geo+json");
        assertEquals(2_000, fromShapefile.json().get("findings").get(0).get("overlapM2").asLong(), fromShapefile.body());
        assertEquals(fromShapefile.json().get("findings").get(0).get("overlapM2"), fromGeoJson.json().get("findings").get(0).get("overlapM2"));
        assertEquals(40_000, v2.number("areaM2"));
        assertEquals(40_000, api().get("/api/counties/" + county + "/layers", login("county_admin")).json().get(1).get("areaM2").asLong(),
                "version 1, from the Shapefile, has the same area");
    }
}
