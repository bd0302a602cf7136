package cn.landbalance.api.ops;

import cn.landbalance.api.support.ApiClient;
import cn.landbalance.api.support.AppProcess;
import cn.landbalance.api.support.Json;
import cn.landbalance.infra.process.LeftoverProcesses;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The run command's default (embedded PostgreSQL and a Pulsar broker beside the application, both in the data home) is
 * killed with SIGKILL: its servers outlive it. The next start stops them and comes up clean on the same data; a second
 * application on a home that is in use is refused rather than allowed to share or stop the first one's servers.
 */
class KilledApplicationRestartsCleanTest {
    private final Path home = AppProcess.createHome("landbalance-kill-");
    private final AppProcess app = new AppProcess(home, Map.of());

    @Test
    void theNextStartStopsTheServersAKilledRunLeftAndComesUpOnTheSameData() throws Exception {
        Process first = app.start(240);
        Process again = null;
        try {
            ApiClient api = app.api();
            String admin = AppProcess.login(api, "county_admin");
            long county = api.get("/api/me", admin).number("countyId");
            assertEquals(200, api.put("/api/counties/" + county + "/rules", admin,
                    Json.parse(api.get("/api/counties/" + county + "/rules", admin).body())
                            .with("paymentTermWorkingDays", 17)).status());
            List<ProcessHandle> servers = serversOfHome();
            assertEquals(2, servers.size(), "PostgreSQL and the broker run beside the application: " + servers);

            Process second = new AppProcess(home, Map.of()).launch();
            assertTrue(second.waitFor(60, TimeUnit.SECONDS), "a second application on the same home gives up");
            assertNotEquals(0, second.exitValue());
            assertTrue(app.log().contains("another landbalance application"), app.log());
            assertTrue(servers.stream().allMatch(ProcessHandle::isAlive), "the first run's servers were left alone");

            first.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertTrue(first.waitFor(30, TimeUnit.SECONDS));
            Thread.sleep(500);
            assertTrue(servers.stream().allMatch(ProcessHandle::isAlive), "the killed run's servers outlive it");

            again = app.start(240);
            for (ProcessHandle leftover : servers) {
                assertFalse(leftover.isAlive(), "leftover " + leftover.pid() + " stopped");
            }
            List<ProcessHandle> now = serversOfHome();
            assertEquals(2, now.size(), "a new server and a new broker: " + now);
            String admin2 = AppProcess.login(api, "county_admin");
            assertTrue(api.get("/api/counties/" + county + "/rules", admin2).body().contains("\"paymentTermWorkingDays\":17"),
                    "what the first run wrote is there");
            assertTrue(api.get("/api/audit/invariants", admin2).json().get("ok").asBoolean());

            again.destroy(); // SIGTERM: the application stops its servers on the way out
            assertTrue(again.waitFor(90, TimeUnit.SECONDS));
            long deadline = System.currentTimeMillis() + 30_000;
            while (!serversOfHome().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(serversOfHome().isEmpty(), "a stopped application leaves no server running");
        } finally {
            first.destroyForcibly();
            if (again != null) {
                again.destroyForcibly();
            }
            serversOfHome().forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** The PostgreSQL postmaster and the broker whose command lines name this test's home. */
    private List<ProcessHandle> serversOfHome() {
        String homeText = home.toString();
        return LeftoverProcesses.find(args -> (args.contains("-D") || args.contains("--config"))
                && args.stream().anyMatch(a -> a.startsWith(homeText)) && !args.contains("cn.landbalance.api.Application"));
    }
}
