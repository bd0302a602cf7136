package cn.landbalance.api.events;

import cn.landbalance.api.support.ApiClient;
import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.infra.testing.TestPulsar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Reader;
import org.apache.pulsar.client.api.Schema;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static cn.landbalance.infra.jooq.Tables.OUTBOX_EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of the application on one database and one broker, as behind a load balancer: buyers settle through
 * both at once, every settlement holds, and each domain event reaches Pulsar exactly once (one relay publishes at a
 * time; the other waits for the advisory lock).
 */
@MicronautTest(transactional = false)
class TwoReplicasSettleTest extends ApiTest {
    private static final String TOPIC = "persistent://landbalance/events/two-replicas-" + UUID.randomUUID();
    private static final int BUYERS = 6;
    private static final int ROUNDS = 5;

    @Inject
    DSLContext db;
    @Inject
    TransactionOperations<Connection> tx;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("pulsar.service-url", TestPulsar.get().serviceUrl(),
                "landbalance.outbox.producer-name", "replica-a-" + UUID.randomUUID(),
                "landbalance.outbox.topic", TOPIC,
                "landbalance.outbox.relay.interval", "100ms");
    }

    @Test
    void twoReplicasSettleConcurrentlyAndPublishEveryEventOnce() throws Exception {
        var ctx = server.getApplicationContext();
        Map<String, Object> replicaB = new HashMap<>(ApiTest.testApplicationProperties());
        for (String key : List.of("datasources.default.url", "datasources.default.username", "datasources.default.password")) {
            replicaB.put(key, ctx.getProperty(key, String.class).orElse(""));
        }
        replicaB.put("landbalance.demo.enabled", "false");
        replicaB.put("pulsar.service-url", TestPulsar.get().serviceUrl());
        replicaB.put("landbalance.outbox.producer-name", "replica-b-" + UUID.randomUUID());
        replicaB.put("landbalance.outbox.topic", TOPIC);
        replicaB.put("landbalance.outbox.relay.interval", "100ms");
        replicaB.put("landbalance.home", Files.createTempDirectory("landbalance-replica-b").toString());

        try (EmbeddedServer b = ApplicationContext.run(EmbeddedServer.class, replicaB)) {
            ApiClient[] replicas = {api(), new ApiClient(b.getURI())};
            long township = api().get("/api/me", login("officer_gongchang")).number("regionId");
            acceptedLot("officer_gongchang", township, "旱地", 100_000, 10);
            assertEquals(201, api().post("/api/listings", login("officer_gongchang"),
                    "{\"townshipId\":" + township + ",\"areaM2\":90000,\"pricePerMuFen\":5000000}").status());
            String enterprise = login("enterprise_coop");
            List<Long> apps = new ArrayList<>();
            for (int i = 0; i < BUYERS; i++) {
                long app = api().post("/api/outflow-applications", enterprise, "{\"townshipId\":" + township
                        + ",\"category\":\"GREENING\",\"landClassAfter\":\"乔木林地\",\"areaM2\":1000,\"qualityGrade\":12,"
                        + "\"paddy\":false,\"permanentBasicFarmland\":false,\"plannedConstructionLand\":false,"
                        + "\"highStandardFarmland\":false}").number("id");
                assertEquals(200, replicas[i % 2].post("/api/outflow-applications/" + app + "/declare", enterprise, null).status());
                apps.add(app);
            }

            ExecutorService pool = Executors.newFixedThreadPool(BUYERS);
            List<Future<List<Long>>> buyers = new ArrayList<>();
            for (int i = 0; i < BUYERS; i++) {
                long app = apps.get(i);
                int first = i;
                buyers.add(pool.submit(() -> {
                    List<Long> settled = new ArrayList<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        ApiClient orderVia = replicas[(first + round) % 2];
                        ApiClient payVia = replicas[(first + round + 1) % 2];
                        Response order = orderVia.post("/api/orders", enterprise, "{\"outflowApplicationId\":" + app + ",\"areaM2\":100}");
                        assertEquals(201, order.status(), order.body());
                        Response paid = payVia.post("/api/orders/" + order.number("id") + "/payments", enterprise,
                                "{\"amountFen\":" + order.number("amountFen") + ",\"paymentReference\":\"R2-" + order.number("id") + "\"}");
                        assertEquals("SETTLED", paid.string("status"), paid.body());
                        settled.add(order.number("id"));
                    }
                    return settled;
                }));
            }
            Set<Long> settled = new HashSet<>();
            for (Future<List<Long>> f : buyers) {
                settled.addAll(f.get(120, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertEquals(BUYERS * ROUNDS, settled.size());
            for (long app : apps) {
                assertEquals(500, api().get("/api/outflow-applications/" + app, enterprise).json()
                        .get("obligation").get("coveredM2").asLong());
            }
            assertTrue(api().get("/api/audit/invariants", login("county_admin")).json().get("ok").asBoolean());

            long deadline = System.currentTimeMillis() + 60_000;
            while (unpublished() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(0, unpublished(), "every outbox row published");
            long rows = tx.executeRead(s -> (long) db.fetchCount(OUTBOX_EVENT));
            List<JsonNode> events = readAll();
            Set<String> ids = new HashSet<>();
            events.forEach(e -> ids.add(e.get("eventId").asText()));
            assertEquals(events.size(), ids.size(), "no event published twice");
            assertEquals(rows, events.size(), "every event of both replicas published once");
            Set<Long> settledInEvents = new HashSet<>();
            for (JsonNode e : events) {
                if (e.get("type").asText().equals("order.settled")) {
                    settledInEvents.add(e.get("aggregateId").asLong());
                }
            }
            assertTrue(settledInEvents.containsAll(settled), "each settlement's event arrived");
        }
    }

    private long unpublished() {
        return tx.executeRead(s -> (long) db.fetchCount(db.selectFrom(OUTBOX_EVENT).where(OUTBOX_EVENT.PUBLISHED_AT.isNull())));
    }

    private static List<JsonNode> readAll() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        try (PulsarClient client = PulsarClient.builder().serviceUrl(TestPulsar.get().serviceUrl()).build();
             Reader<byte[]> reader = client.newReader(Schema.BYTES).topic(TOPIC).startMessageId(MessageId.earliest).create()) {
            while (true) {
                Message<byte[]> m = reader.readNext(3, TimeUnit.SECONDS);
                if (m == null) {
                    break;
                }
                events.add(json.readTree(m.getData()));
            }
        }
        return events;
    }
}
