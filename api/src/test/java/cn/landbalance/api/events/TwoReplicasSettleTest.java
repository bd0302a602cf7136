package cn.landbalance.api.events;

import cn.landbalance.api.support.ApiClient;
import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.journey.Enterprise;
import cn.landbalance.infra.testing.TestPulsar;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of the application on one database and one broker, as behind a load balancer: buyers order through
 * one while the township's finance confirms their notices through the other, both at once, every settlement holds, and each domain event reaches Pulsar exactly once (one relay publishes at a
 * time; the other waits for the advisory lock).
 */
@MicronautTest(transactional = false)
class TwoReplicasSettleTest extends TopicTest {
    private static final int BUYERS = 6;
    private static final int ROUNDS = 5;

    @Test
    void twoReplicasSettleConcurrentlyAndPublishEveryEventOnce() throws Exception {
        Map<String, Object> replicaB = secondInstanceProperties();
        replicaB.put("pulsar.service-url", TestPulsar.get().serviceUrl());
        replicaB.put("landbalance.outbox.producer-name", "replica-b-" + UUID.randomUUID());
        replicaB.put("landbalance.outbox.topic", topic);
        replicaB.put("landbalance.outbox.relay.interval", "100ms");

        try (EmbeddedServer b = ApplicationContext.run(EmbeddedServer.class, replicaB)) {
            ApiClient[] replicas = {api(), new ApiClient(b.getURI())};
            List<Long> apps = buyersOfOneTownship(BUYERS, 90_000, 1_000);
            String enterprise = login("enterprise_coop");
            String officer = login("officer_gongchang"); // the selling township's finance
            Finance[] finance = {new Finance(replicas[0], this::login), new Finance(replicas[1], this::login)};

            ExecutorService pool = Executors.newFixedThreadPool(BUYERS);
            List<Future<List<Long>>> buyers = new ArrayList<>();
            for (int i = 0; i < BUYERS; i++) {
                long app = apps.get(i);
                int first = i;
                buyers.add(pool.submit(() -> {
                    List<Long> settled = new ArrayList<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        ApiClient orderVia = replicas[(first + round) % 2];
                        Finance confirmVia = finance[(first + round + 1) % 2];
                        Response order = orderVia.post("/api/orders", enterprise, Enterprise.order(app, 100));
                        assertEquals(201, order.status(), order.body());
                        Response paid = confirmVia.confirm(order.json().get("notices").get(0), "R2-" + order.number("id"), officer);
                        assertEquals("PAID", paid.string("status"), paid.body());
                        assertEquals("SETTLED", orderVia.get("/api/orders/" + order.number("id"), enterprise).string("status"));
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

            awaitAllPublished(60);
            long rows = outboxRows();
            List<JsonNode> events = eventsOnTopic();
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
}
