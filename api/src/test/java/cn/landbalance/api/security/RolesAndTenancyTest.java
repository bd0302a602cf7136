package cn.landbalance.api.security;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Fixtures;
import cn.landbalance.api.support.Json;
import cn.landbalance.settlement.identity.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Role checks (403) and tenancy (404) between two counties and between organisations of one county. */
@MicronautTest(transactional = false)
class RolesAndTenancyTest extends ApiTest {
    long longxi;
    long otherCounty;
    long otherCountyEnterprise;

    /** A second county, 渭源县, with its own admin. */
    @BeforeAll
    void secondCounty() {
        longxi = countyId();
        SecondCounty weiyuan = createSecondCounty();
        otherCounty = weiyuan.countyId();
        otherCountyEnterprise = weiyuan.enterpriseOrgId();
    }

    @Test
    void aTownshipOfficerMayNotChangeCountyRules() {
        Response response = api().put("/api/counties/" + longxi + "/rules", login("officer_gongchang"), rulesJson());
        assertEquals(403, response.status());
        assertEquals("FORBIDDEN", response.string("code"));
        assertTrue(response.isProblem());
    }

    @Test
    void aCountyViewerReadsButMayNotWrite() {
        String viewer = login("county_viewer");
        assertEquals(200, api().get("/api/counties/" + longxi + "/rules", viewer).status());
        assertEquals(403, api().put("/api/counties/" + longxi + "/rules", viewer, rulesJson()).status());
        assertEquals(403, api().post("/api/organizations", viewer,
                enterpriseOrg("某公司", longxi)).status());
    }

    @Test
    void anEnterpriseMayNotCreateUsers() {
        Response response = api().post("/api/users", login("enterprise_coop"),
                newUser("sneaky", "long-enough-password", "COUNTY_ADMIN", 1));
        assertEquals(403, response.status());
    }

    @Test
    void anotherCountysAdminSeesNothingOfLongxi() {
        String weiyuan = login("weiyuan_admin");
        Response rules = api().get("/api/counties/" + longxi + "/rules", weiyuan);
        assertEquals(404, rules.status());
        assertEquals("COUNTY_NOT_FOUND", rules.string("code"));
        assertEquals(404, api().put("/api/counties/" + longxi + "/rules", weiyuan, rulesJson()).status());
        long longxiBureau = api().get("/api/me", login("county_admin")).number("orgId");
        assertEquals(404, api().get("/api/organizations/" + longxiBureau, weiyuan).status());
        assertEquals(0, api().get("/api/organizations?regionId=" + longxi, weiyuan).number("total"));
        assertEquals(200, api().get("/api/counties/" + otherCounty + "/rules", weiyuan).status());
    }

    @Test
    void longxiAdminCannotPlaceOrganisationsOrUsersInAnotherCounty() {
        String admin = login("county_admin");
        Response org = api().post("/api/organizations", admin,
                enterpriseOrg("越界公司", otherCounty));
        assertEquals(422, org.status());
        assertEquals("REGION_OUTSIDE_COUNTY", org.string("code"));
        assertEquals("regionId", org.string("field"));
        Response user = api().post("/api/users", admin, newUser("intruder", "long-enough-password",
                "ENTERPRISE", otherCountyEnterprise));
        assertEquals(404, user.status());
        assertEquals("ORGANIZATION_NOT_FOUND", user.string("code"));
    }

    @Test
    void anEnterpriseSeesOnlyItsOwnOrganisation() {
        String coop = login("enterprise_coop");
        long own = api().get("/api/me", coop).number("orgId");
        long transport = api().get("/api/me", login("enterprise_transport")).number("orgId");
        assertEquals(200, api().get("/api/organizations/" + own, coop).status());
        assertEquals(404, api().get("/api/organizations/" + transport, coop).status());
        Response list = api().get("/api/organizations", coop);
        assertEquals(1, list.number("total"));
        assertEquals(own, list.json().get("items").get(0).get("id").asLong());
    }

    @Test
    void theCountyAdminSetsUpAnEnterpriseAndItsUserWhoCanThenLogIn() {
        String admin = login("county_admin");
        long township = api().get("/api/regions?parentId=" + longxi, admin).json().get(0).get("id").asLong();
        Response org = api().post("/api/organizations", admin,
                enterpriseOrg("陇西县某光伏农业公司", township));
        assertEquals(201, org.status(), org.body());
        Response duplicate = api().post("/api/organizations", admin,
                enterpriseOrg("陇西县某光伏农业公司", township));
        assertEquals(409, duplicate.status());
        assertEquals("ORGANIZATION_EXISTS", duplicate.string("code"));
        Response wrongRole = api().post("/api/users", admin, newUser("pv_owner", "pv-owner-password",
                "TOWNSHIP_OFFICER", org.number("id")));
        assertEquals(422, wrongRole.status());
        assertEquals("ROLE_ORGANIZATION_MISMATCH", wrongRole.string("code"));
        Response user = api().post("/api/users", admin, newUser("pv_owner", "pv-owner-password",
                "ENTERPRISE", org.number("id")));
        assertEquals(201, user.status(), user.body());
        assertTrue(!user.body().contains("password"), "no password or hash in the response");
        Response taken = api().post("/api/users", admin, newUser("pv_owner", "pv-owner-password",
                "ENTERPRISE", org.number("id")));
        assertEquals(409, taken.status());
        assertEquals("USERNAME_TAKEN", taken.string("code"));
        Response login = api().post("/api/auth/login", null, Json.object("username", "pv_owner",
                "password", "pv-owner-password"));
        assertEquals(200, login.status());
        assertEquals(org.number("id"), login.number("orgId"));
    }

    /** Gansu's rules at 4万元/亩, 进出同步, declarations in January and February only. */
    private static Json rulesJson() {
        return Fixtures.gansuRules(4_000_000, "SYNCHRONOUS")
                .with("declarationWindows", Json.array(Json.object("from", "01-01", "to", "02-28")));
    }

    private static Json enterpriseOrg(String name, long regionId) {
        return Json.object("name", name, "kind", "ENTERPRISE", "regionId", regionId);
    }

    private static Json newUser(String username, String password, String role, long orgId) {
        return Json.object("username", username, "password", password, "role", role, "orgId", orgId);
    }
}
