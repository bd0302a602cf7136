package cn.landbalance.api.region;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class RegionTreeTest extends ApiTest {

    @Test
    void theDemoTreeRunsFromGansuThroughDingxiToLongxiAndItsSeventeenTownships() throws IOException {
        String token = login("officer_wenfeng");
        JsonNode provinces = api().get("/api/regions", token).json();
        assertEquals(1, provinces.size());
        JsonNode gansu = provinces.get(0);
        assertEquals("甘肃省", gansu.get("name").asText());
        assertEquals("PROVINCE", gansu.get("level").asText());
        assertTrue(gansu.has("parentId") && gansu.get("parentId").isNull());

        JsonNode dingxi = api().get("/api/regions?parentId=" + gansu.get("id").asLong(), token).json().get(0);
        assertEquals("定西市", dingxi.get("name").asText());
        JsonNode longxi = api().get("/api/regions?parentId=" + dingxi.get("id").asLong(), token).json().get(0);
        assertEquals("陇西县", longxi.get("name").asText());
        assertEquals("COUNTY", longxi.get("level").asText());

        JsonNode townships = api().get("/api/regions?parentId=" + longxi.get("id").asLong(), token).json();
        Set<String> names = new TreeSet<>();
        for (JsonNode t : townships) {
            assertEquals("TOWNSHIP", t.get("level").asText());
            assertEquals(longxi.get("id").asLong(), t.get("parentId").asLong());
            names.add(t.get("name").asText());
        }
        assertEquals(new TreeSet<>(townshipNamesFromTheSeedTable()), names);
        assertEquals(17, townships.size());

        Response one = api().get("/api/regions/" + townships.get(0).get("id").asLong(), token);
        assertEquals(200, one.status());
        assertEquals(townships.get(0).get("code").asText(), one.string("code"));
    }

    @Test
    void anUnknownRegionIs404() {
        String token = login("county_admin");
        Response missing = api().get("/api/regions/999999", token);
        assertEquals(404, missing.status());
        assertEquals("REGION_NOT_FOUND", missing.string("code"));
        assertEquals(404, api().get("/api/regions?parentId=999999", token).status());
    }

    private static List<String> townshipNamesFromTheSeedTable() throws IOException {
        try (InputStream in = RegionTreeTest.class.getResourceAsStream("/demo/longxi-townships.csv")) {
            List<String> names = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    names.add(lines[i].split(",")[0]);
                }
            }
            return names;
        }
    }
}
