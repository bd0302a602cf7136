package cn.landbalance.api.outflow;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A county's applications are listed newest first and paged by the server, so the newest can always be seen and the
 * oldest reached, however many years of plans the county holds.
 */
@MicronautTest(transactional = false)
class ApplicationsArePagedNewestFirstTest extends ApiTest {
    @Test
    void everyApplicationIsReachableNewestFirstPageByPage() {
        long county = countyId();
        String admin = login("county_admin");
        Response imported = api().send("POST", "/api/imports/outflow?countyId=" + county + "&year=2022&qualityGrade=14", admin,
                Fixtures.resource("/longxi/longxi-2022-zhuanchu.csv"), "text/csv");
        assertEquals(200, imported.status(), imported.body());
        long total = imported.number("imported");
        long newest = declaredOutflow(api().get("/api/me", login("officer_gongchang")).number("regionId"), 1_000);

        List<Long> seen = new ArrayList<>();
        int pages = 0;
        for (int page = 0; ; page++) {
            Response r = api().get("/api/outflow-applications?size=20&page=" + page, admin);
            assertEquals(total + 1, r.number("total"));
            JsonNode items = r.json().get("items");
            if (items.isEmpty()) {
                break;
            }
            items.forEach(a -> seen.add(a.get("id").asLong()));
            pages++;
        }
        assertEquals(total + 1, seen.size(), "every application on some page, once");
        assertEquals(newest, seen.get(0), "the newest first");
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i - 1) > seen.get(i), "newest first throughout");
        }
        assertEquals((total + 1 + 19) / 20, pages);
        Response declared = api().get("/api/outflow-applications?status=DECLARED", admin);
        assertEquals(1, declared.number("total"));
        assertEquals(newest, declared.json().get("items").get(0).get("id").asLong());
    }
}
