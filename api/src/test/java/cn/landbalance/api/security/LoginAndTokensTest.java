package cn.landbalance.api.security;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Json;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class LoginAndTokensTest extends ApiTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("landbalance.security.login.max-failures", "3");
    }

    @Test
    void countyAdminLogsInAndGetsABearerTokenWithItsRoleAndOrganisation() {
        Response response = api().post("/api/auth/login", null, credentials("county_admin", DEMO_PASSWORD));
        assertEquals(200, response.status(), response.body());
        assertEquals("Bearer", response.string("token_type"));
        assertEquals(3600, response.number("expires_in"));
        assertEquals("COUNTY_ADMIN", response.json().get("roles").get(0).asText());
        assertTrue(response.number("orgId") > 0);
        Response me = api().get("/api/me", response.string("access_token"));
        assertEquals(200, me.status());
        assertEquals("county_admin", me.string("username"));
        assertEquals(response.number("orgId"), me.number("orgId"));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserAreTheSame401() {
        Response wrong = api().post("/api/auth/login", null, credentials("county_viewer", "not-the-password"));
        Response unknown = api().post("/api/auth/login", null, credentials("nobody_here", "not-the-password"));
        for (Response r : new Response[]{wrong, unknown}) {
            assertEquals(401, r.status());
            assertTrue(r.isProblem());
            assertEquals("INVALID_CREDENTIALS", r.string("code"));
            assertNotNull(r.string("messageZh"));
        }
        assertTrue(!wrong.body().contains("not-the-password"));
    }

    @Test
    void repeatedFailuresForOneUsernameAreThrottled() {
        for (int i = 0; i < 3; i++) {
            assertEquals(401, api().post("/api/auth/login", null, credentials("officer_shouyang", "guess-" + i)).status());
        }
        Response blocked = api().post("/api/auth/login", null, credentials("officer_shouyang", DEMO_PASSWORD));
        assertEquals(429, blocked.status());
        assertEquals("TOO_MANY_LOGIN_ATTEMPTS", blocked.string("code"));
    }

    @Test
    void noTokenIs401() {
        Response response = api().get("/api/me", null);
        assertEquals(401, response.status());
        assertEquals("UNAUTHENTICATED", response.string("code"));
        assertTrue(response.isProblem());
    }

    @Test
    void anExpiredTokenIs401() {
        String token = forge("HS256", JWT_SECRET, claims(Instant.now().minusSeconds(60).getEpochSecond()));
        assertEquals(401, api().get("/api/me", token).status());
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401() {
        String token = forge("HS256", "another-secret-that-is-also-long-enough-0123456789",
                claims(Instant.now().plusSeconds(600).getEpochSecond()));
        assertEquals(401, api().get("/api/me", token).status());
    }

    @Test
    void aTokenWithAlgNoneIs401() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String token = header + "." + b64(claims(Instant.now().plusSeconds(600).getEpochSecond())) + ".";
        assertEquals(401, api().get("/api/me", token).status());
    }

    @Test
    void aTamperedTokenIs401() {
        String valid = login("enterprise_coop");
        String[] parts = valid.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"ENTERPRISE\"", "\"COUNTY_ADMIN\"");
        String tampered = parts[0] + "." + b64(payload) + "." + parts[2];
        assertEquals(200, api().get("/api/me", valid).status());
        assertEquals(401, api().get("/api/me", tampered).status());
        assertEquals(401, api().get("/api/me", "garbage").status());
    }

    @Test
    void aCorrectlySignedForgedTokenIsAccepted_soTheForgeryHelperIsSound() {
        String token = forge("HS256", JWT_SECRET, claims(Instant.now().plusSeconds(600).getEpochSecond()));
        assertEquals(200, api().get("/api/me", token).status());
    }

    private static String claims(long exp) {
        return "{\"sub\":\"county_admin\",\"roles\":[\"COUNTY_ADMIN\"],\"uid\":1,\"sv\":0,\"orgId\":1,\"regionId\":3,"
                + "\"countyId\":3,\"iat\":" + (exp - 3600) + ",\"exp\":" + exp + "}";
    }

    static String forge(String alg, String secret, String claims) {
        String signingInput = b64("{\"alg\":\"" + alg + "\"}") + "." + b64(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Json credentials(String username, String password) {
        return Json.object("username", username, "password", password);
    }
}
