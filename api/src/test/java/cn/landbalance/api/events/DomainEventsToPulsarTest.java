package cn.landbalance.api.events;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.journey.Enterprise;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import cn.landbalance.infra.outbox.OutboxRelay;
import cn.landbalance.infra.pulsar.PulsarBroker;
import cn.landbalance.infra.testing.TestPulsar;
import com.fasterxml.jackson.databind.JsonNode;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Domain events leave through the outbox to a real Pulsar broker: once each, in per-aggregate order, through a
 * broker outage, and with two relays on one database; a replay of the topic rebuilds the database's numbers.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DomainEventsToPulsarTest extends ApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The default topic: this JVM's broker is fresh, and this is the only test class that publishes. */
    private static final String TOPIC = PulsarBroker.TOPIC;

    @Inject
    DSLContext db;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    OutboxRelay relay;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("pulsar.service-url", TestPulsar.get().serviceUrl(),
                "landbalance.outbox.producer-name", "relay-" + UUID.randomUUID(),
                "landbalance.outbox.relay.interval", "100ms");
    }

    /** A full buy → the township's finance confirms the notice → settle: returns the order id. */
    private long settle(long areaM2) {
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        acceptedLot("officer_gongchang", gongchang, "旱地", areaM2, 8);
        assertEquals(201, township("officer_gongchang").tryList(areaM2, 5_000_000).status());
        Enterprise coop = enterprise("enterprise_coop");
        long app = coop.tryFileOutflow(OutflowDeclaration.in(gongchang).withArea(areaM2)).number("id");
        Response order = coop.tryOrder(app, areaM2);
        assertEquals(201, order.status(), order.body());
        Response paid = new Finance(api(), this::login).settleOrder(order.number("id"), "EV-" + order.number("id"),
                login("enterprise_coop"));
        assertEquals("SETTLED", paid.string("status"), paid.body());
        return order.number("id");
    }

    private long unpublished() {
        return tx.executeRead(s -> db.fetchCount(db.selectFrom(cn.landbalance.infra.jooq.Tables.OUTBOX_EVENT)
                .where(cn.landbalance.infra.jooq.Tables.OUTBOX_EVENT.PUBLISHED_AT.isNull())));
    }

    private void awaitPublished(int seconds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (unpublished() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, unpublished(), "every outbox row published");
    }

    private List<JsonNode> readAll() throws Exception {
        List<JsonNode> events = new ArrayList<>();
        try (PulsarClient client = PulsarClient.builder().serviceUrl(TestPulsar.get().serviceUrl()).build();
             Reader<byte[]> reader = client.newReader(Schema.BYTES).topic(TOPIC).startMessageId(MessageId.earliest).create()) {
            while (true) {
                Message<byte[]> m = reader.readNext(2, TimeUnit.SECONDS);
                if (m == null) {
                    break;
                }
                events.add(JSON.readTree(m.getData()));
            }
        }
        return events;
    }

    private void assertOncePerEventInAggregateOrder(List<JsonNode> events) {
        long outboxRows = tx.executeRead(s -> db.fetchCount(cn.landbalance.infra.jooq.Tables.OUTBOX_EVENT));
        Set<String> ids = new HashSet<>();
        Map<String, Long> lastSequence = new HashMap<>();
        for (JsonNode e : events) {
            assertTrue(ids.add(e.get("eventId").asText()), "event published twice: " + e);
            String aggregate = e.get("aggregateType").asText() + ":" + e.get("aggregateId").asLong();
            long sequence = e.get("sequence").asLong();
            assertTrue(lastSequence.getOrDefault(aggregate, 0L) < sequence, "out of order for " + aggregate);
            lastSequence.put(aggregate, sequence);
        }
        assertEquals(outboxRows, ids.size(), "each outbox row arrives exactly once");
    }

    @Test
    @Order(1)
    void aSettlementsEventsArriveOnceEachInOrderAndAReplayRebuildsTheLedgersNumbers() throws Exception {
        long orderId = settle(1_234);
        awaitPublished(30);
        List<JsonNode> events = readAll();
        assertOncePerEventInAggregateOrder(events);
        List<String> orderEvents = events.stream()
                .filter(e -> e.get("aggregateType").asText().equals("order") && e.get("aggregateId").asLong() == orderId)
                .map(e -> e.get("type").asText()).toList();
        assertEquals(List.of("order.placed", "order.paid", "order.settled"), orderEvents);
        List<String> noticeEvents = events.stream()
                .filter(e -> e.get("aggregateType").asText().equals("payment-notice")
                        && e.get("payload").path("orderId").asLong() == orderId)
                .map(e -> e.get("type").asText()).toList();
        assertEquals(List.of("payment_notice.issued", "payment_notice.paid"), noticeEvents, "the order's one notice");
        JsonNode paidNotice = events.stream().filter(e -> e.get("type").asText().equals("payment_notice.paid")
                && e.get("payload").path("orderId").asLong() == orderId).findFirst().orElseThrow();
        assertEquals("EV-" + orderId, paidNotice.get("payload").get("bankSerial").asText());
        for (String type : List.of("indicator.issued", "indicator.listed", "indicator.reserved", "indicator.consumed",
                "account.posting", "obligation.covered")) {
            assertTrue(events.stream().anyMatch(e -> e.get("type").asText().equals(type)), "no " + type);
        }
        Map<Long, Long> consumedByLot = new HashMap<>();
        for (JsonNode e : events) {
            if (e.get("type").asText().equals("indicator.consumed")) {
                consumedByLot.merge(e.get("payload").get("lotId").asLong(), e.get("payload").get("areaM2").asLong(), Long::sum);
            }
        }
        Map<Long, Long> inDatabase = tx.executeRead(s -> db.select(cn.landbalance.infra.jooq.Tables.INDICATOR_LOT.ID,
                        cn.landbalance.infra.jooq.Tables.INDICATOR_LOT.CONSUMED_M2)
                .from(cn.landbalance.infra.jooq.Tables.INDICATOR_LOT)
                .where(cn.landbalance.infra.jooq.Tables.INDICATOR_LOT.CONSUMED_M2.gt(0L)).fetchMap(r -> r.value1(), r -> r.value2()));
        assertEquals(inDatabase, consumedByLot, "a replay of the topic gives the same consumed area per lot");

        long deadline = System.currentTimeMillis() + 20_000;
        boolean notified = false;
        while (!notified && System.currentTimeMillis() < deadline) {
            notified = api().get("/api/notifications", login("enterprise_coop")).json().findValues("type").stream()
                    .anyMatch(t -> t.asText().equals("order.settled"));
            Thread.sleep(200);
        }
        assertTrue(notified, "the enterprise sees its order settled");
    }

    @Test
    @Order(2)
    void settlementsGoOnWhileTheBrokerIsDownAndEveryEventArrivesAfterItReturns() throws Exception {
        PulsarBroker broker = TestPulsar.get();
        broker.stop();
        try {
            settle(500);
            settle(600);
            Thread.sleep(1_000);
            assertTrue(unpublished() > 0, "events wait in the outbox while the broker is away");
        } finally {
            broker.restart();
        }
        awaitPublished(60);
        assertOncePerEventInAggregateOrder(readAll());
    }

    @Test
    @Order(3)
    void twoRelaysOnOneDatabasePublishNothingTwice() throws Exception {
        try (PulsarClient other = PulsarClient.builder().serviceUrl(TestPulsar.get().serviceUrl()).build()) {
            OutboxRelay second = new OutboxRelay(other, db, tx,
                    server.getApplicationContext().getProperty("datasources.default.url", String.class).orElseThrow(),
                    server.getApplicationContext().getProperty("datasources.default.username", String.class).orElse(""),
                    server.getApplicationContext().getProperty("datasources.default.password", String.class).orElse(""),
                    server.getApplicationContext().getProperty("landbalance.outbox.producer-name", String.class).orElseThrow(),
                    TOPIC);
            settle(700);
            for (int i = 0; i < 20; i++) {
                assertEquals(0, second.relayOnce(), "the second relay does not hold the lock");
                Thread.sleep(50);
            }
            awaitPublished(30);
            second.stop();
        }
        assertOncePerEventInAggregateOrder(readAll());
    }
}
