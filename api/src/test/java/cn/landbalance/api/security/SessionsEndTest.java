package cn.landbalance.api.security;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Json;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A token is only as good as its user: disabling or deleting the user, resetting or changing the password ends every
 * token issued before; a validly signed token whose claims are not what the system issues is a 401, never a 500.
 */
@MicronautTest(transactional = false)
class SessionsEndTest extends ApiTest {
    private static final String PASSWORD = "a-password-of-some-length";

    @Test
    void aDisabledUserIsRefusedAtOnceAndEnablingDoesNotReviveOldTokens() {
        String admin = login("county_admin");
        long user = createEnterpriseUser("firm_clerk_1");
        String token = signIn("firm_clerk_1", PASSWORD);
        assertEquals(200, api().get("/api/me", token).status());

        Response disabled = api().post("/api/users/" + user + "/disable", admin, null);
        assertEquals(200, disabled.status(), disabled.body());
        assertEquals(false, disabled.json().get("enabled").asBoolean());
        Response refused = api().get("/api/me", token);
        assertEquals(401, refused.status());
        assertTrue(refused.isProblem(), refused.toString());
        assertEquals(401, api().post("/api/outflow-applications", token, "{}").status(), "no write with a dead token");
        assertEquals(401, login("firm_clerk_1", PASSWORD).status(), "a disabled user cannot sign in");

        assertEquals(200, api().post("/api/users/" + user + "/enable", admin, null).status());
        assertEquals(401, api().get("/api/me", token).status(), "the token of before the disabling stays dead");
        assertEquals(200, api().get("/api/me", signIn("firm_clerk_1", PASSWORD)).status());
    }

    @Test
    void aDeletedUsersTokenIsRefused() throws Exception {
        long user = createEnterpriseUser("firm_clerk_2");
        String token = signIn("firm_clerk_2", PASSWORD);
        assertEquals(200, api().get("/api/me", token).status());
        var ctx = server.getApplicationContext();
        try (Connection c = DriverManager.getConnection(ctx.getRequiredProperty("datasources.default.url", String.class),
                ctx.getRequiredProperty("datasources.default.username", String.class),
                ctx.getProperty("datasources.default.password", String.class).orElse(""))) {
            assertEquals(1, c.createStatement().executeUpdate("delete from app_user where id = " + user));
        }
        Thread.sleep(5_100); // the session check's cache time: a deletion outside the application is seen within it
        assertEquals(401, api().get("/api/me", token).status());
    }

    @Test
    void aPasswordResetByTheCountyEndsTheUsersTokens() {
        String admin = login("county_admin");
        long user = createEnterpriseUser("firm_clerk_3");
        String token = signIn("firm_clerk_3", PASSWORD);
        Response reset = api().post("/api/users/" + user + "/password", admin, newPassword("the-new-password-1"));
        assertEquals(200, reset.status(), reset.body());
        assertEquals(401, api().get("/api/me", token).status());
        assertEquals(401, login("firm_clerk_3", PASSWORD).status());
        assertEquals(200, login("firm_clerk_3", "the-new-password-1").status());

        Response tooShort = api().post("/api/users/" + user + "/password", admin, newPassword("short"));
        assertEquals(400, tooShort.status());
        assertTrue(tooShort.body().contains("newPassword"), tooShort.body());
        assertEquals(404, api().post("/api/users/999999/password", admin, newPassword("the-new-password-2")).status());
        assertEquals(403, api().post("/api/users/" + user + "/password", token(), newPassword("the-new-password-2")).status(),
                "only a county admin resets passwords");
    }

    @Test
    void aUserChangesTheirOwnPasswordAndGetsTheOnlyLiveToken() {
        createEnterpriseUser("firm_clerk_4");
        String first = signIn("firm_clerk_4", PASSWORD);
        String second = signIn("firm_clerk_4", PASSWORD); // another device

        Response wrong = api().post("/api/me/password", first,
                newPassword("changed-password-1").with("currentPassword", "not-the-password"));
        assertEquals(422, wrong.status(), wrong.body());
        assertTrue(wrong.body().contains("CURRENT_PASSWORD_WRONG") && wrong.body().contains("currentPassword"), wrong.body());
        assertEquals(200, api().get("/api/me", first).status(), "a refused change ends nothing");

        Response changed = api().post("/api/me/password", first,
                newPassword("changed-password-1").with("currentPassword", PASSWORD));
        assertEquals(200, changed.status(), changed.body());
        assertEquals(401, api().get("/api/me", first).status());
        assertEquals(401, api().get("/api/me", second).status(), "every device signs in again");
        assertEquals(200, api().get("/api/me", changed.string("access_token")).status());
        assertEquals(200, login("firm_clerk_4", "changed-password-1").status());
    }

    @Test
    void anAdminCannotDisableThemself() {
        String admin = login("county_admin");
        long self = api().get("/api/me", admin).number("userId");
        Response refused = api().post("/api/users/" + self + "/disable", admin, null);
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.body().contains("CANNOT_DISABLE_SELF"));
    }

    @Test
    void signedTokensWhoseClaimsTheSystemNeverIssuesAre401() {
        long exp = Instant.now().plusSeconds(600).getEpochSecond();
        long uid = api().get("/api/me", login("county_admin")).number("userId");
        Json good = Json.object("sub", "county_admin", "orgId", 1, "regionId", 3, "countyId", 3, "iat", exp - 3600,
                "roles", Json.array("COUNTY_ADMIN"), "uid", uid, "sv", 0, "exp", exp);
        assertEquals(200, me(good), "the well-formed token is accepted, so each refusal below is for its one difference");
        assertEquals(401, me(good.with("roles", Json.array("SUPERUSER"))), "unknown role");
        assertEquals(401, me(good.with("roles", Json.array())), "no role");
        assertEquals(401, me(good.with("roles", Json.array("COUNTY_ADMIN", "ENTERPRISE"))), "two roles");
        assertEquals(401, me(good.with("uid", "abc")), "text uid");
        assertEquals(401, me(good.with("uid", 1.5)), "fractional uid");
        assertEquals(401, me(good.without("uid")), "no uid");
        assertEquals(401, me(good.without("orgId")), "no orgId");
        assertEquals(401, me(good.without("sv")), "no session version");
        assertEquals(401, me(good.with("sv", 7)), "another session version");
        assertEquals(401, me(good.without("exp")), "no expiry");
        assertEquals(401, me(good.with("nbf", exp - 60)), "not valid before a future time");
        assertEquals(200, me(good.with("nbf", exp - 3600)), "a not-before that has passed is fine");
        assertEquals(401, me(good.with("uid", 999999)), "no such user");
    }

    private int me(Json claims) {
        Response r = api().get("/api/me", LoginAndTokensTest.forge("HS256", JWT_SECRET, claims.toString()));
        assertNotEquals(500, r.status(), r.body());
        return r.status();
    }

    private static Json newPassword(String password) {
        return Json.object("newPassword", password);
    }

    private String token() {
        return login("enterprise_coop");
    }

    private Response login(String username, String password) {
        return api().post("/api/auth/login", null, Json.object("username", username, "password", password));
    }

    private String signIn(String username, String password) {
        Response r = login(username, password);
        assertEquals(200, r.status(), r.body());
        return r.string("access_token");
    }

    private long createEnterpriseUser(String username) {
        String admin = login("county_admin");
        long org = api().get("/api/me", login("enterprise_coop")).number("orgId");
        Response created = api().post("/api/users", admin,
                Json.object("username", username, "password", PASSWORD, "role", "ENTERPRISE", "orgId", org));
        assertEquals(201, created.status(), created.body());
        return created.number("id");
    }
}
