package cn.landbalance.api.security;

import cn.landbalance.api.support.ApiClient;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Json;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two replicas on one database count failed sign-ins together: a password guesser who spreads attempts over the
 * replicas behind a load balancer gets the limit once, not once per replica.
 */
@MicronautTest(transactional = false)
class LoginThrottleAcrossReplicasTest extends ApiTest {
    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("landbalance.security.login.max-failures", "3");
    }

    @Test
    void failuresOnEitherReplicaAddUpAndASuccessClearsThem() {
        Map<String, Object> replicaB = secondInstanceProperties();
        replicaB.put("landbalance.security.login.max-failures", "3");
        try (EmbeddedServer b = ApplicationContext.run(EmbeddedServer.class, replicaB)) {
            ApiClient a = api();
            ApiClient other = new ApiClient(b.getURI());

            // a success clears the username's count
            assertEquals(401, attempt(a, "officer_wenfeng", "guess-0"));
            assertEquals(401, attempt(other, "officer_wenfeng", "guess-1"));
            assertEquals(200, attempt(a, "officer_wenfeng", DEMO_PASSWORD));

            assertEquals(401, attempt(a, "officer_wenfeng", "guess-2"));
            assertEquals(401, attempt(other, "officer_wenfeng", "guess-3"));
            assertEquals(401, attempt(a, "officer_wenfeng", "guess-4"));
            assertEquals(429, attempt(other, "officer_wenfeng", DEMO_PASSWORD), "three failures over two replicas");
            assertEquals(429, attempt(a, "officer_wenfeng", DEMO_PASSWORD));
            assertEquals(200, attempt(other, "officer_gongchang", DEMO_PASSWORD), "other users are not affected");
        }
    }

    private static int attempt(ApiClient client, String username, String password) {
        return client.post("/api/auth/login", null,
                Json.object("username", username, "password", password)).status();
    }
}
