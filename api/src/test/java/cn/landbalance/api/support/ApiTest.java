package cn.landbalance.api.support;

import cn.landbalance.infra.testing.TestPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * Base of the HTTP-level tests: each test class gets the real application on a random port, backed by a
 * fresh database on the run's real PostgreSQL, with the demo county loaded and known demo passwords.
 * Concrete classes add {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTest implements TestPropertyProvider {
    public static final String DEMO_PASSWORD = "demo-password-for-tests";
    /** The secret the test application signs with; tests forge tokens with it and with others. */
    public static final String JWT_SECRET = "test-secret-that-is-long-enough-for-hs256-0123456789";

    @Inject
    protected EmbeddedServer server;

    private ApiClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = testApplicationProperties();
        properties.putAll(extraProperties());
        return properties;
    }

    /** A fresh database on the run's real PostgreSQL, the demo county, known secrets, a temporary home. */
    public static Map<String, String> testApplicationProperties() {
        Map<String, String> properties = new HashMap<>(TestPostgres.get().newDatabaseProperties());
        properties.put("landbalance.demo.enabled", "true");
        properties.put("landbalance.demo.password", DEMO_PASSWORD);
        properties.put("landbalance.security.bcrypt-cost", "4");
        properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret", JWT_SECRET);
        try {
            properties.put("landbalance.home", Files.createTempDirectory("landbalance-test-home").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Further settings a test class needs. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    protected ApiClient api() {
        if (client == null) {
            client = new ApiClient(server.getURI());
        }
        return client;
    }

    /** Logs a demo user in and returns the bearer token. */
    protected String login(String username) {
        ApiClient.Response response = api().post("/api/auth/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + DEMO_PASSWORD + "\"}");
        if (response.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + response);
        }
        return response.string("access_token");
    }

    protected long countyId() {
        return api().get("/api/me", login("county_admin")).number("countyId");
    }
}
