package cn.landbalance.api.ops;

import cn.landbalance.api.support.ApiClient;
import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.AppProcess;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.journey.County;
import cn.landbalance.api.support.journey.Enterprise;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import cn.landbalance.api.support.journey.RestorationProject;
import cn.landbalance.api.support.journey.Township;
import cn.landbalance.infra.testing.TestPostgres;
import cn.landbalance.infra.testing.TestPulsar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Reader;
import org.apache.pulsar.client.api.Schema;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application process is killed with SIGKILL in the middle of settling, then started again on the same database:
 * every settlement acknowledged to a client is there, none counted twice (a retried confirmation returns the same paid
 * notice), the conservation laws hold, and every domain event is published exactly once per event id. The
 * application's log, after all those sign-ins, holds no password.
 */
class CrashRecoveryTest {
    private static final int BUYERS = 6;
    private final String topic = "persistent://landbalance/events/crash-" + UUID.randomUUID();
    private final Map<String, String> database = TestPostgres.get().newDatabaseProperties();
    private final Path home = AppProcess.createHome("landbalance-crash-");
    private final AppProcess app = new AppProcess(home, Map.of(
            "DATABASE_URL", database.get("datasources.default.url"),
            "DATABASE_USER", database.get("datasources.default.username"),
            "DATABASE_PASSWORD", database.get("datasources.default.password"),
            "PULSAR_URL", TestPulsar.get().serviceUrl(),
            "LANDBALANCE_OUTBOX_TOPIC", topic,
            "LANDBALANCE_OUTBOX_RELAY_INTERVAL", "100ms",
            "LANDBALANCE_DEMO", "true"));

    /** A settlement the application acknowledged: the order, its notice as the buyer saw it, the bank's serial. */
    private record Ack(long orderId, JsonNode notice, String reference) {
    }

    @Test
    void acknowledgedSettlementsSurviveAKillAndEveryEventIsPublishedOnce() throws Exception {
        Process process = start();
        ApiClient api = app.api();
        Township gongchang = new Township(api, "officer_gongchang", login(api, "officer_gongchang"));
        Enterprise coop = new Enterprise(api, "enterprise_coop", login(api, "enterprise_coop"));
        List<Long> apps = gongchangListsItsLandAndTheEnterpriseDeclaresItsApplications(api, gongchang, coop);
        Finance finance = new Finance(api, name -> login(api, name));
        List<Ack> acknowledged = buyersSettleUntilTheProcessIsKilled(process, finance, gongchang, coop, apps);

        Process again = start();
        try {
            long settled = everyAcknowledgedSettlementIsThereOnceAndARetriedConfirmationChangesNothing(api, finance,
                    acknowledged);
            List<String> ids = everyEventIsPublishedOnce();
            String log = Files.readString(home.resolve("app.log"));
            assertTrue(log.contains("landbalance is up"), "the log is the application's");
            assertTrue(!log.contains(ApiTest.DEMO_PASSWORD), "no password in the application's log");
            System.out.println("[crash] " + acknowledged.size() + " settlements acknowledged before SIGKILL, " + settled
                    + " settled allocations after restart, " + ids.size() + " events published once each");
        } finally {
            again.destroy();
            again.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** 100 ha restored in 巩昌镇 and 90 ha of it listed; the enterprise declares an application of 10 ha per buyer. */
    private List<Long> gongchangListsItsLandAndTheEnterpriseDeclaresItsApplications(ApiClient api, Township gongchang,
                                                                                     Enterprise coop) {
        long township = gongchang.id();
        County admin = new County(api, "county_admin", login(api, "county_admin"));
        long project = gongchang.filesProject(RestorationProject.in(township, 1_000_000));
        gongchang.trySubmitProject(project);
        assertEquals(200, admin.tryAcceptProject(project, 10).status());
        gongchang.lists(900_000, 5_000_000);
        List<Long> apps = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            long app2 = coop.filesOutflow(OutflowDeclaration.in(township).withUse("GREENING", "乔木林地").withArea(100_000));
            coop.tryDeclare(app2);
            apps.add(app2);
        }
        return apps;
    }

    /**
     * Buyers order and the township's finance confirms each order's notice until the process dies under them (SIGKILL
     * once 40 settlements are acknowledged, or after 30 s); returns what was acknowledged.
     */
    private List<Ack> buyersSettleUntilTheProcessIsKilled(Process process, Finance finance, Township gongchang,
                                                          Enterprise coop, List<Long> apps) throws Exception {
        ConcurrentLinkedQueue<Ack> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean alive = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(BUYERS);
        for (int i = 0; i < BUYERS; i++) {
            long application = apps.get(i);
            int buyer = i;
            pool.submit(() -> {
                for (int n = 0; alive.get(); n++) {
                    try {
                        Response order = coop.tryOrder(application, 10);
                        if (order.status() != 201) {
                            continue;
                        }
                        String reference = "CRASH-" + buyer + "-" + n;
                        JsonNode notice = order.json().get("notices").get(0); // one seller, one notice
                        Response paid = finance.confirm(notice, reference, gongchang.token());
                        if (paid.status() == 200 && "PAID".equals(paid.string("status"))) {
                            acknowledged.add(new Ack(order.number("id"), notice, reference));
                        }
                    } catch (UncheckedIOException | IllegalStateException e) {
                        return; // the server is gone
                    }
                }
            });
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (acknowledged.size() < 40 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        process.destroyForcibly(); // SIGKILL, mid-flight
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        alive.set(false);
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        assertTrue(acknowledged.size() >= 40, "settled before the kill: " + acknowledged.size());
        return List.copyOf(acknowledged);
    }

    /**
     * After the restart every acknowledged order is settled, with one coverage per settled allocation; finance that
     * never heard back confirms again: the same paid notice comes back, nothing settles twice. Returns the number of
     * settled allocations.
     */
    private long everyAcknowledgedSettlementIsThereOnceAndARetriedConfirmationChangesNothing(
            ApiClient api, Finance finance, List<Ack> acknowledged) throws SQLException {
        String admin2 = login(api, "county_admin");
        String enterprise2 = login(api, "enterprise_coop");
        String officer2 = login(api, "officer_gongchang");
        for (Ack ack : acknowledged) {
            assertEquals("SETTLED", api.get("/api/orders/" + ack.orderId(), enterprise2).string("status"), "order " + ack.orderId());
        }
        long coverages = count("select count(*) from outflow_coverage where kind = 'PURCHASE'");
        long settled = count("select count(*) from order_allocation a join market_order o on o.id = a.order_id"
                + " where o.status = 'SETTLED'");
        assertEquals(settled, coverages, "one coverage per settled allocation, none twice");
        for (Ack ack : acknowledged.stream().limit(5).toList()) {
            Response retry = finance.confirm(ack.notice(), ack.reference(), officer2);
            assertEquals(200, retry.status(), retry.body());
            assertEquals(ack.notice().get("id").asLong(), retry.number("id"));
            assertEquals("PAID", retry.string("status"));
            assertEquals(ack.orderId(), retry.number("orderId"));
        }
        assertEquals(coverages, count("select count(*) from outflow_coverage where kind = 'PURCHASE'"));
        assertTrue(api.get("/api/audit/invariants", admin2).json().get("ok").asBoolean());
        return settled;
    }

    /** Every event of the outbox is published, none twice; returns the published event ids. */
    private List<String> everyEventIsPublishedOnce() throws Exception {
        long until = System.currentTimeMillis() + 60_000;
        while (count("select count(*) from outbox_event where published_at is null") > 0 && System.currentTimeMillis() < until) {
            Thread.sleep(200);
        }
        assertEquals(0, count("select count(*) from outbox_event where published_at is null"), "all events published");
        List<String> ids = eventIds();
        assertEquals(new HashSet<>(ids).size(), ids.size(), "no event id published twice");
        assertEquals(count("select count(*) from outbox_event"), ids.size(), "every event published");
        return ids;
    }

    private Process start() throws Exception {
        return app.start(90);
    }

    private static String login(ApiClient api, String user) {
        return AppProcess.login(api, user);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.get("datasources.default.url"),
                database.get("datasources.default.username"), database.get("datasources.default.password"));
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> eventIds() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> ids = new ArrayList<>();
        try (PulsarClient client = PulsarClient.builder().serviceUrl(TestPulsar.get().serviceUrl()).build();
             Reader<byte[]> reader = client.newReader(Schema.BYTES).topic(topic).startMessageId(MessageId.earliest).create()) {
            while (true) {
                Message<byte[]> m = reader.readNext(3, TimeUnit.SECONDS);
                if (m == null) {
                    break;
                }
                JsonNode event = json.readTree(m.getData());
                ids.add(event.get("eventId").asText());
            }
        }
        return ids;
    }
}
