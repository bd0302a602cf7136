package cn.landbalance.api.security;

import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Json;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Behind a proxy every connection comes from the proxy: the throttle counts by the address the proxy writes into the
 * configured header, so one guessing client is stopped without locking out everyone else behind the same proxy.
 */
@MicronautTest(transactional = false)
class LoginThrottleBehindAProxyTest extends ApiTest {
    private static final int MAX_FAILURES = 2;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("landbalance.security.login.max-failures", String.valueOf(MAX_FAILURES),
                "landbalance.security.client-address-header", "X-Real-IP");
    }

    @Test
    void aGuesserTryingManyUsernamesIsStoppedByItsAddressOthersAreNot() {
        int clientLimit = MAX_FAILURES * 5;
        for (int i = 0; i < clientLimit; i++) {
            assertEquals(401, attempt("203.0.113.7", "nobody-" + i, "guess"), "failure " + i);
        }
        assertEquals(429, attempt("203.0.113.7", "officer_wenfeng", DEMO_PASSWORD), "the guessing address is stopped");
        assertEquals(200, attempt("198.51.100.20", "officer_wenfeng", DEMO_PASSWORD), "another client behind the proxy");
        assertEquals(200, attempt(null, "officer_wenfeng", DEMO_PASSWORD), "no header: the connection's address");
    }

    private int attempt(String realIp, String username, String password) {
        return api().sendWithHeaders("POST", "/api/auth/login", null,
                Json.object("username", username, "password", password).toString(), "application/json",
                realIp == null ? Map.of() : Map.of("X-Real-IP", realIp)).status();
    }
}
