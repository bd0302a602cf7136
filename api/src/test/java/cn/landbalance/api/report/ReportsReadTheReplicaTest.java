package cn.landbalance.api.report;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.infra.testing.StreamingReplica;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Past one machine: the application writes to the primary and reads its reports from a streaming replica
 * (datasources.reports = REPORTS_DATABASE_URL). A real primary and hot standby from the machine's binaries; pausing the
 * standby's replay shows the report really comes from it (it lags), and resuming shows it catches up.
 */
@MicronautTest(transactional = false)
class ReportsReadTheReplicaTest extends ApiTest {
    private static StreamingReplica replica;

    @Override
    protected Map<String, String> extraProperties() {
        if (replica == null) {
            replica = StreamingReplica.start();
        }
        return replica.datasourceProperties();
    }

    @AfterAll
    static void stopServers() {
        if (replica != null) {
            replica.close();
        }
    }

    @Test
    void reportsComeFromTheReplicaAndFollowThePrimary() {
        assertTrue(replica.standbyInRecovery(), "the reports server is a standby");
        String admin = login("county_admin");
        long county = countyId();
        long township = api().get("/api/me", login("officer_gongchang")).number("regionId");
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        String balance = "/api/counties/" + county + "/balance?year=" + year;

        replica.awaitCaughtUp(Duration.ofSeconds(30));
        long before = inflow(balance, admin);
        acceptedLot("officer_gongchang", township, "旱地", 4_321, 8);
        replica.awaitCaughtUp(Duration.ofSeconds(30));
        assertEquals(before + 4_321, inflow(balance, admin), "the replica has the accepted lot");

        replica.pauseReplay();
        acceptedLot("officer_gongchang", township, "旱地", 1_000, 8);
        assertEquals(before + 4_321, inflow(balance, admin),
                "with replay paused the report still shows the replica's state: it is read there, not on the primary");
        replica.resumeReplay();
        replica.awaitCaughtUp(Duration.ofSeconds(30));
        assertEquals(before + 5_321, inflow(balance, admin));

        for (String report : new String[]{"/api/reports/annual-balance", "/api/reports/funds", "/api/reports/market",
                "/api/reports/freeze-deduction", "/api/reports/assessment"}) {
            Response r = api().get(report + "?countyId=" + county + "&year=" + year, admin);
            assertEquals(200, r.status(), report + ": " + r.body());
        }

        // the replica goes away: reports answer 503, everything else goes on, and the application stays UP
        replica.stopStandby();
        assertEquals(503, api().get(balance, admin).status());
        assertEquals(200, api().get("/api/counties/" + county + "/rules", admin).status());
        Response health = api().get("/health", admin);
        assertEquals(200, health.status(), health.body());
        assertEquals("UP", health.json().get("status").asText(), health.body());
        JsonNode database = health.json().get("details").get("database").get("details");
        assertEquals("UP", database.get("primary").asText(), health.body());
        assertTrue(database.get("reports").asText().startsWith("DOWN"), health.body());
    }

    private long inflow(String path, String token) {
        Response r = api().get(path, token);
        assertEquals(200, r.status(), r.body());
        return r.json().get("totals").get("inflowM2").asLong();
    }
}
