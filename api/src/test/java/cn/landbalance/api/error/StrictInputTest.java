package cn.landbalance.api.error;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request body is exactly one JSON value with no key named twice; ids in paths are ASCII digits; dates in queries are
 * ordinary calendar dates. Anything else is a 400 problem that names what is wrong, and nothing changes.
 */
@MicronautTest(transactional = false)
class StrictInputTest extends ApiTest {
    private long township;
    private String officer;

    @BeforeAll
    void aTownshipWithIndicators() {
        officer = login("officer_gongchang");
        township = api().get("/api/me", officer).number("regionId");
        acceptedLot("officer_gongchang", township, "旱地", 5_000, 9);
    }

    @Test
    void aKeyNamedTwiceIsRefusedNotReadAsItsFirstValue() {
        String before = listings();
        Response r = api().post("/api/listings", officer, "{\"townshipId\":" + township
                + ",\"areaM2\":100,\"areaM2\":-5,\"pricePerMuFen\":5000000}");
        assertMalformed(r);
        assertTrue(r.body().contains("areaM2"), "the duplicated key is named: " + r.body());
        String admin = login("county_admin");
        String rules = api().get("/api/counties/" + countyId() + "/rules", admin).body();
        assertTrue(rules.contains("\"from\":"), rules);
        assertMalformed(api().put("/api/counties/" + countyId() + "/rules", admin,
                rules.replaceFirst("\"from\":", "\"from\":\"12-01\",\"from\":")));
        assertEquals(200, api().put("/api/counties/" + countyId() + "/rules", admin, rules).status());
        assertEquals(before, listings());
    }

    @Test
    void textAfterTheJsonValueIsRefused() {
        String before = listings();
        String body = "{\"townshipId\":" + township + ",\"areaM2\":100,\"pricePerMuFen\":5000000}";
        assertMalformed(api().post("/api/listings", officer, body + "garbage"));
        assertMalformed(api().post("/api/listings", officer, body + body));
        assertMalformed(api().post("/api/listings", officer, body + "]"));
        assertEquals(before, listings());
        assertEquals(201, api().post("/api/listings", officer, body + " \n").status(), "white space after the value is fine");
    }

    @Test
    void idsInPathsAreAsciiDigitsOnly() {
        String admin = login("county_admin");
        for (String path : new String[]{"/api/orders/١٢", "/api/orders/１", "/api/regions/٣", "/api/listings/٣/withdraw",
                "/api/orders/1e3", "/api/orders/99999999999999999999"}) {
            Response r = path.endsWith("withdraw") ? api().post(path, officer, null) : api().get(path, admin);
            assertEquals(400, r.status(), path + " → " + r.body());
            assertTrue(r.isProblem(), path);
        }
        assertEquals(200, api().get("/api/regions/" + township, admin).status(), "ASCII digits still work");
    }

    @Test
    void datesOutOfTheCalendarAreRefused() {
        String base = "/api/townships/" + township + "/account/statement";
        for (String query : new String[]{"?to=+999999999-12-31", "?from=-999999999-01-01", "?from=2026-13-01",
                "?to=20261201", "?from=１９９９-01-01", "?to=0001-01-01", "?to=9999-12-31"}) {
            Response r = api().get(base + query, officer);
            assertEquals(400, r.status(), query + " → " + r.body());
            assertTrue(r.isProblem(), query);
            assertTrue(r.body().contains(query.substring(1, query.indexOf('='))), "the parameter is named: " + r.body());
        }
        assertEquals(200, api().get(base + "?from=2026-01-01&to=2026-12-31", officer).status());
    }

    private String listings() {
        return api().get("/api/listings?countyId=" + countyId() + "&all=true&size=500", officer).body();
    }

    private static void assertMalformed(Response r) {
        assertEquals(400, r.status(), r.body());
        assertTrue(r.isProblem(), r.toString());
        assertEquals("MALFORMED_JSON", r.string("code"), r.body());
    }
}
