package cn.landbalance.api.events;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.infra.pulsar.PulsarBroker;
import cn.landbalance.infra.testing.TestPulsar;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.landbalance.infra.jooq.Tables.OUTBOX_EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pulsar goes away while buyers settle concurrently: the API keeps settling (no errors), events wait in the outbox,
 * and once the broker is back every event arrives, each exactly once.
 */
@MicronautTest(transactional = false)
class BrokerOutageUnderLoadTest extends ApiTest {
    private static final String TOPIC = "persistent://landbalance/events/outage-" + UUID.randomUUID();
    private static final int BUYERS = 6;

    @Inject
    DSLContext db;
    @Inject
    TransactionOperations<Connection> tx;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("pulsar.service-url", TestPulsar.get().serviceUrl(),
                "landbalance.outbox.producer-name", "outage-" + UUID.randomUUID(),
                "landbalance.outbox.topic", TOPIC,
                "landbalance.outbox.relay.interval", "100ms");
    }

    @Test
    void settlementsGoOnThroughABrokerOutageAndEveryEventArrivesOnce() throws Exception {
        long township = api().get("/api/me", login("officer_gongchang")).number("regionId");
        acceptedLot("officer_gongchang", township, "旱地", 200_000, 10);
        assertEquals(201, api().post("/api/listings", login("officer_gongchang"),
                "{\"townshipId\":" + township + ",\"areaM2\":190000,\"pricePerMuFen\":5000000}").status());
        String enterprise = login("enterprise_coop");
        List<Long> apps = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            long app = api().post("/api/outflow-applications", enterprise, "{\"townshipId\":" + township
                    + ",\"category\":\"GREENING\",\"landClassAfter\":\"乔木林地\",\"areaM2\":20000,\"qualityGrade\":12,"
                    + "\"paddy\":false,\"permanentBasicFarmland\":false,\"plannedConstructionLand\":false,"
                    + "\"highStandardFarmland\":false}").number("id");
            api().post("/api/outflow-applications/" + app + "/declare", enterprise, null);
            apps.add(app);
        }

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean brokerDown = new AtomicBoolean(false);
        AtomicInteger duringOutage = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(BUYERS);
        for (int i = 0; i < BUYERS; i++) {
            long app = apps.get(i);
            pool.submit(() -> {
                while (running.get()) {
                    Response order = api().post("/api/orders", enterprise, "{\"outflowApplicationId\":" + app + ",\"areaM2\":10}");
                    if (order.status() != 201) {
                        failures.add("order " + order.status() + " " + order.body());
                        return;
                    }
                    Response paid = api().post("/api/orders/" + order.number("id") + "/payments", enterprise,
                            "{\"amountFen\":" + order.number("amountFen") + ",\"paymentReference\":\"OUT-" + order.number("id") + "\"}");
                    if (paid.status() != 200) {
                        failures.add("payment " + paid.status() + " " + paid.body());
                        return;
                    }
                    if (brokerDown.get()) {
                        duringOutage.incrementAndGet();
                    }
                }
            });
        }
        PulsarBroker broker = TestPulsar.get();
        Thread.sleep(1_500);
        broker.stop();
        brokerDown.set(true);
        try {
            Thread.sleep(3_000);
        } finally {
            brokerDown.set(false);
            broker.restart();
        }
        Thread.sleep(1_500);
        running.set(false);
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        assertTrue(failures.isEmpty(), failures::toString);
        assertTrue(duringOutage.get() > 0, "settlements went on while the broker was down");
        assertTrue(api().get("/api/audit/invariants", login("county_admin")).json().get("ok").asBoolean());

        long deadline = System.currentTimeMillis() + 90_000;
        while (unpublished() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(0, unpublished(), "every event published after the broker returned");
        List<String> ids = eventIds();
        assertEquals(new HashSet<>(ids).size(), ids.size(), "no event published twice");
        long rows = tx.executeRead(s -> (long) db.fetchCount(OUTBOX_EVENT));
        assertEquals(rows, ids.size(), "every event arrived");
        System.out.println("[broker-outage] " + duringOutage.get() + " settlements while the broker was down; " + ids.size()
                + " events published once each");
    }

    private long unpublished() {
        return tx.executeRead(s -> (long) db.fetchCount(db.selectFrom(OUTBOX_EVENT).where(OUTBOX_EVENT.PUBLISHED_AT.isNull())));
    }

    private static List<String> eventIds() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> ids = new ArrayList<>();
        try (PulsarClient client = PulsarClient.builder().serviceUrl(TestPulsar.get().serviceUrl()).build();
             Reader<byte[]> reader = client.newReader(Schema.BYTES).topic(TOPIC).startMessageId(MessageId.earliest).create()) {
            while (true) {
                Message<byte[]> m = reader.readNext(15, TimeUnit.SECONDS);
                if (m == null) {
                    break;
                }
                ids.add(json.readTree(m.getData()).get("eventId").asText());
            }
        }
        return ids;
    }
}
