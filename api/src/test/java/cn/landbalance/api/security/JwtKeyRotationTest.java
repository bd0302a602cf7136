package cn.landbalance.api.security;

import cn.landbalance.api.boot.DataHome;
import cn.landbalance.api.boot.JwtSecret;
import cn.landbalance.api.support.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Rotating the signing key with an overlap window: the application signs with the new JWT_SECRET and still accepts
 * tokens signed with JWT_PREVIOUS_SECRET until they expire; a token signed with any other key stays 401.
 */
@MicronautTest(transactional = false)
class JwtKeyRotationTest extends ApiTest {
    private static final String NEW_SECRET = "the-new-signing-key-after-rotation-0123456789abcdef";

    @Override
    protected Map<String, String> extraProperties() {
        return rotationProperties(Map.of("JWT_SECRET", NEW_SECRET, "JWT_PREVIOUS_SECRET", JWT_SECRET));
    }

    @Test
    void tokensOfThePreviousKeyStillWorkNewOnesAreSignedWithTheNewKey() {
        long exp = Instant.now().plusSeconds(600).getEpochSecond();
        assertEquals(200, api().get("/api/me", LoginAndTokensTest.forge("HS256", JWT_SECRET, claims(exp))).status(),
                "a token issued before the rotation");
        assertEquals(200, api().get("/api/me", LoginAndTokensTest.forge("HS256", NEW_SECRET, claims(exp))).status());
        assertEquals(401, api().get("/api/me", LoginAndTokensTest.forge("HS256",
                "a-third-key-nobody-configured-0123456789abcdef", claims(exp))).status());
        assertEquals(401, api().get("/api/me", LoginAndTokensTest.forge("HS256", JWT_SECRET,
                claims(Instant.now().minusSeconds(60).getEpochSecond()))).status(), "expired stays expired");

        String issued = login("county_admin");
        String signingInput = issued.substring(0, issued.lastIndexOf('.'));
        assertEquals(hmac(NEW_SECRET, signingInput), issued.substring(issued.lastIndexOf('.') + 1),
                "new tokens carry the new key's signature");
        assertEquals(200, api().get("/api/me", issued).status());
    }

    @Test
    void aPreviousKeyThatIsShortOrTheSameAsTheNewOneIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class,
                () -> rotationProperties(Map.of("JWT_SECRET", NEW_SECRET, "JWT_PREVIOUS_SECRET", "short")));
        assertThrows(IllegalArgumentException.class,
                () -> rotationProperties(Map.of("JWT_SECRET", NEW_SECRET, "JWT_PREVIOUS_SECRET", NEW_SECRET)));
        assertFalse(rotationProperties(Map.of("JWT_SECRET", NEW_SECRET)).containsKey(JwtSecret.PREVIOUS_PROPERTY),
                "no rotation, no second key");
    }

    private static Map<String, String> rotationProperties(Map<String, String> env) {
        try {
            var home = Files.createTempDirectory("landbalance-jwt");
            return JwtSecret.properties(env, DataHome.resolve(Map.of("LANDBALANCE_HOME", home.toString())), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hmac(String secret, String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String claims(long exp) {
        return "{\"sub\":\"county_admin\",\"roles\":[\"COUNTY_ADMIN\"],\"uid\":1,\"sv\":0,\"orgId\":1,\"regionId\":3,"
                + "\"countyId\":3,\"iat\":" + (exp - 3600) + ",\"exp\":" + exp + "}";
    }
}
