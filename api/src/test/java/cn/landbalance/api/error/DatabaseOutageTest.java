package cn.landbalance.api.error;

import cn.landbalance.api.support.ApiClient;
import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Json;
import cn.landbalance.infra.testing.StoppablePostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL goes away under a running application: every request that needs it is answered 503 problem+json within
 * seconds (no hang, no 500), and when the database is back the application serves again by itself.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageTest implements TestPropertyProvider {
    /** The pool waits this long for a connection (application.yml: 5 s), plus slack for a loaded CI machine. */
    private static final long QUICK_MS = 9_000;

    private StoppablePostgres database;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        database = StoppablePostgres.start();
        Map<String, String> properties = new HashMap<>(ApiTest.testApplicationProperties());
        properties.putAll(database.datasourceProperties());
        return properties;
    }

    @AfterAll
    void closeDatabase() {
        database.close();
    }

    @Test
    void whileTheDatabaseIsDownRequestsAnswer503QuicklyAndServiceResumesByItself() throws InterruptedException {
        ApiClient api = new ApiClient(server.getURI());
        Json login = Json.object("username", "county_admin", "password", ApiTest.DEMO_PASSWORD);
        Json plan = Json.object("basePoints", 90, "maxBonusPoints", 5, "tasks", Json.array());
        String admin = api.post("/api/auth/login", null, login).string("access_token");
        long county = api.get("/api/me", admin).number("countyId");
        assertEquals(200, api.get("/api/counties/" + county + "/rules", admin).status());

        database.stopServer();
        String[][] requests = {
                {"GET", "/api/counties/" + county + "/rules", null},
                {"GET", "/api/counties/" + county + "/balance?year=2026", null},
                {"PUT", "/api/counties/" + county + "/assessment-plans/2026", plan.toString()},
                {"POST", "/api/auth/login", login.toString()},
        };
        for (String[] r : requests) {
            long started = System.nanoTime();
            Response response = api.send(r[0], r[1], r[0].equals("POST") ? null : admin, r[2], r[2] == null ? null : "application/json");
            long ms = (System.nanoTime() - started) / 1_000_000;
            assertEquals(503, response.status(), () -> r[1] + " → " + response);
            assertTrue(response.isProblem(), response::body);
            assertEquals("SERVICE_UNAVAILABLE", response.string("code"));
            assertTrue(ms < QUICK_MS, r[1] + " took " + ms + " ms");
            System.out.println("[outage] " + r[0] + " " + r[1] + " → 503 in " + ms + " ms");
        }
        Response health = api.get("/health", null);
        assertEquals(503, health.status(), "the primary is away: DOWN, so a load balancer stops sending requests");
        assertEquals("DOWN", health.string("status"), health::body);

        database.startServer();
        long deadline = System.nanoTime() + 60_000_000_000L;
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = api.get("/api/counties/" + county + "/rules", admin).status();
            if (status == 200) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(200, status, "the application serves again once the database is back");
        assertEquals(200, api.get("/health", null).status());
        Response saved = api.put("/api/counties/" + county + "/assessment-plans/2026", admin, plan);
        assertEquals(200, saved.status(), saved.body());
        assertEquals(90, api.get("/api/counties/" + county + "/assessment-plans/2026", admin).number("basePoints"));
    }
}
