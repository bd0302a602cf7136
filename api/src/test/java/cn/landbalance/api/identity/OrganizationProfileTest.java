package cn.landbalance.api.identity;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Json;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An enterprise keeps its 单位信息; the credit code's check character is checked; others read or edit only as allowed. */
@MicronautTest(transactional = false)
class OrganizationProfileTest extends ApiTest {
    @Test
    void anEnterpriseKeepsItsProfileAndOthersAreKeptOut() {
        String coop = login("enterprise_coop");
        long org = api().get("/api/me", coop).number("orgId");
        String path = "/api/organizations/" + org + "/profile";
        Response empty = api().get(path, coop);
        assertEquals(200, empty.status());
        assertTrue(empty.json().get("creditCode").isNull());

        Response wrongCheck = api().put(path, coop, Json.object("creditCode", "91350100M000100Y44", "contactName", "李四"));
        assertEquals(400, wrongCheck.status());
        assertEquals("creditCode", wrongCheck.json().get("field").asText());
        assertTrue(wrongCheck.json().get("detailZh").asText().contains("校验位"), wrongCheck.body());

        Response saved = api().put(path, coop, Json.object("creditCode", "91350100m000100y43", "legalRepresentative", "张三",
                "contactName", "李四", "contactPhone", "0932-1234567", "address", "陇西县巩昌镇西关村"));
        assertEquals(200, saved.status(), saved.body());
        assertEquals("91350100M000100Y43", api().get(path, login("county_viewer")).json().get("creditCode").asText());

        assertEquals(404, api().get(path, login("enterprise_transport")).status(), "another enterprise");
        assertEquals(403, api().put(path, login("county_viewer"), Json.object("creditCode", "91350100M000100Y43")).status());
        assertEquals(200, api().put(path, login("county_admin"), Json.object("creditCode", "91110000600037341L")).status(),
                "the county admin corrects it");
        assertEquals(400, api().put(path, coop, Json.object("creditCode", "91110000600037341L", "contactPhone", "call me"))
                .status());
        SecondCounty other = createSecondCounty();
        assertEquals(404, api().get("/api/organizations/" + other.enterpriseOrgId() + "/profile", coop).status());
    }
}
