package cn.landbalance.api.violation;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.County;
import cn.landbalance.api.support.journey.RestorationProject;
import cn.landbalance.api.support.journey.Township;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Violation cases and inflow projects are listed newest first, paged, filtered and searched by the server (a case by part
 * of its number, a project by its village or number), and a township officer only ever sees its own.
 */
@MicronautTest(transactional = false)
class ListsArePagedAndSearchedTest extends ApiTest {
    @Test
    void casesNewestFirstFoundByTheirNumber() {
        County county = county();
        String admin = county.token();
        long wenfeng = api().get("/api/me", login("officer_wenfeng")).number("regionId");
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        long last = 0;
        for (int i = 1; i <= 5; i++) {
            Response opened = county.tryOpenCase(i % 2 == 0 ? gongchang : wenfeng, 100, "陇自然资违〔2026〕10" + i + "号",
                    "违法建房");
            assertEquals(201, opened.status(), opened.body());
            last = opened.number("id");
        }
        Response page0 = api().get("/api/violations?size=2", admin);
        assertEquals(5, page0.number("total"));
        assertEquals(last, page0.json().get("items").get(0).get("id").asLong(), "newest first");
        assertEquals(1, api().get("/api/violations?size=2&page=2", admin).json().get("items").size());
        JsonNode found = api().get("/api/violations?caseNo=%E3%80%95103", admin).json();
        assertEquals(1, found.get("total").asLong());
        assertEquals("陇自然资违〔2026〕103号", found.get("items").get(0).get("caseNo").asText());
        assertEquals(0, api().get("/api/violations?status=RESOLVED", admin).number("total"));
        assertEquals(2, api().get("/api/violations?townshipId=" + gongchang, admin).number("total"));
        assertEquals(3, api().get("/api/violations", login("officer_wenfeng")).number("total"), "its own township's only");
        assertEquals(0, api().get("/api/violations?townshipId=" + gongchang, login("officer_wenfeng")).number("total"));
        assertEquals(0, api().get("/api/violations?caseNo=%25", admin).number("total"), "a % is a character, not a wildcard");
        assertEquals(400, api().get("/api/violations?caseNo=" + "x".repeat(65), admin).status());
    }

    @Test
    void projectsNewestFirstFoundByVillageOrNumber() {
        Township shouyangOfficer = township("officer_shouyang");
        String officer = shouyangOfficer.token();
        long shouyang = shouyangOfficer.id();
        long last = 0;
        for (String village : new String[]{"东关村", "西关村", "南关村"}) {
            last = shouyangOfficer.filesProject(RestorationProject.in(shouyang, 1000).inVillage(village));
        }
        Response all = api().get("/api/inflow-projects?size=2", officer);
        assertEquals(3, all.number("total"));
        assertEquals(last, all.json().get("items").get(0).get("id").asLong());
        JsonNode west = api().get("/api/inflow-projects?q=%E8%A5%BF%E5%85%B3", officer).json();
        assertEquals(1, west.get("total").asLong());
        assertEquals("西关村", west.get("items").get(0).get("village").asText());
        assertEquals(last, api().get("/api/inflow-projects?q=" + last, officer).json().get("items").get(0).get("id").asLong());
        assertEquals(3, api().get("/api/inflow-projects?status=DRAFT", login("county_admin")).number("total"));
        assertTrue(api().get("/api/inflow-projects", login("officer_gongchang")).number("total") == 0, "another township's");
    }

    @Test
    void listingsNewestFirstPagedOnTheServer() {
        Township wenfengOfficer = township("officer_wenfeng");
        acceptedLot("officer_wenfeng", wenfengOfficer.id(), "旱地", 9_000, 10);
        long last = 0;
        for (int i = 0; i < 3; i++) {
            last = wenfengOfficer.lists(1000, 5_000_000);
        }
        Response page0 = api().get("/api/listings?countyId=" + countyId() + "&size=2", login("enterprise_coop"));
        assertEquals(3, page0.number("total"));
        assertEquals(2, page0.json().get("items").size());
        assertEquals(last, page0.json().get("items").get(0).get("id").asLong(), "newest first");
        assertEquals(1, api().get("/api/listings?countyId=" + countyId() + "&size=2&page=1", login("enterprise_coop")).json()
                .get("items").size());
    }

    @Test
    void organisationsAndUsersNewestFirstFoundByName() {
        String admin = login("county_admin");
        long wenfeng = api().get("/api/me", login("officer_wenfeng")).number("regionId");
        long last = 0;
        for (String name : new String[]{"陇西县甲建材有限公司", "陇西县乙物流有限公司", "陇西县丙_建材厂"}) {
            Response created = api().post("/api/organizations", admin,
                    Json.object("name", name, "kind", "ENTERPRISE", "regionId", wenfeng));
            assertEquals(201, created.status(), created.body());
            last = created.number("id");
        }
        Response newest = api().get("/api/organizations?size=1", admin);
        assertEquals(last, newest.json().get("items").get(0).get("id").asLong(), "newest first");
        assertTrue(newest.number("total") > 3, "the demo county's own as well");
        JsonNode building = api().get("/api/organizations?q=%E5%BB%BA%E6%9D%90", admin).json();
        assertEquals(2, building.get("total").asLong(), building.toString());
        assertEquals(1, api().get("/api/organizations?q=_", admin).number("total"), "an underscore is a character, not a wildcard");
        assertEquals(1, api().get("/api/organizations?q=%E7%89%A9%E6%B5%81&regionId=" + wenfeng + "&kind=ENTERPRISE", admin)
                .number("total"));
        // someone outside the county's roles sees its own organisation only, searched the same way
        String enterprise = login("enterprise_coop");
        assertEquals(1, api().get("/api/organizations", enterprise).number("total"));
        assertEquals(0, api().get("/api/organizations?q=%E5%BB%BA%E6%9D%90", enterprise).number("total"));
        assertEquals(0, api().get("/api/organizations?page=1", enterprise).json().get("items").size());

        long orgId = last;
        for (String username : new String[]{"bench_cl_1", "bench_cl_2"}) {
            Response user = api().post("/api/users", admin, Json.object("username", username,
                    "password", "a-long-password-1", "role", "ENTERPRISE", "orgId", orgId));
            assertEquals(201, user.status(), user.body());
        }
        JsonNode users = api().get("/api/users?size=1", admin).json();
        assertEquals("bench_cl_2", users.get("items").get(0).get("username").asText(), "newest first");
        assertEquals("陇西县丙_建材厂", users.get("items").get(0).get("orgName").asText());
        assertEquals(2, api().get("/api/users?q=bench_cl", admin).number("total"));
        assertEquals(2, api().get("/api/users?q=%E4%B8%99_", admin).number("total"), "found by the organisation's name");
        assertEquals(400, api().get("/api/users?q=" + "x".repeat(65), admin).status());
        assertEquals(403, api().get("/api/users", enterprise).status());
    }
}
