package cn.landbalance.api.events;

import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import cn.landbalance.infra.testing.TestPulsar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Reader;
import org.apache.pulsar.client.api.Schema;
import org.jooq.DSLContext;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static cn.landbalance.infra.jooq.Tables.OUTBOX_EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A test class whose application publishes to a topic of its own on the run's real broker, with what such tests
 * check: the outbox drained, and the event ids on the topic.
 */
abstract class TopicTest extends ApiTest {
    protected final String topic = "persistent://landbalance/events/" + getClass().getSimpleName() + "-" + UUID.randomUUID();

    @Inject
    DSLContext db;
    @Inject
    TransactionOperations<Connection> tx;

    @Override
    protected Map<String, String> extraProperties() {
        return brokerProperties(topic);
    }

    /** A township with a listed lot and {@code buyers} declared applications of the demo enterprise; their ids. */
    protected List<Long> buyersOfOneTownship(int buyers, long listedM2, long obligationM2) {
        long township = api().get("/api/me", login("officer_gongchang")).number("regionId");
        acceptedLot("officer_gongchang", township, "旱地", listedM2 + 10_000, 10);
        assertEquals(201, api().post("/api/listings", login("officer_gongchang"),
                Json.object("townshipId", township, "areaM2", listedM2, "pricePerMuFen", 5_000_000)).status());
        String enterprise = login("enterprise_coop");
        List<Long> apps = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            long app = api().post("/api/outflow-applications", enterprise, OutflowDeclaration.in(township)
                    .withUse("GREENING", "乔木林地").withArea(obligationM2).toJson()).number("id");
            assertEquals(200, api().post("/api/outflow-applications/" + app + "/declare", enterprise, null).status());
            apps.add(app);
        }
        return apps;
    }

    /** Waits until the relay has published every outbox row, then checks it has. */
    protected void awaitAllPublished(int seconds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (unpublished() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(0, unpublished(), "every outbox row published");
    }

    protected long outboxRows() {
        return tx.executeRead(s -> (long) db.fetchCount(OUTBOX_EVENT));
    }

    private long unpublished() {
        return tx.executeRead(s -> (long) db.fetchCount(db.selectFrom(OUTBOX_EVENT).where(OUTBOX_EVENT.PUBLISHED_AT.isNull())));
    }

    /** The events on the topic, from the start, in order. */
    protected List<JsonNode> eventsOnTopic() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        try (PulsarClient client = PulsarClient.builder().serviceUrl(TestPulsar.get().serviceUrl()).build();
             Reader<byte[]> reader = client.newReader(Schema.BYTES).topic(topic).startMessageId(MessageId.earliest).create()) {
            while (true) {
                Message<byte[]> m = reader.readNext(15, TimeUnit.SECONDS);
                if (m == null) {
                    break;
                }
                events.add(json.readTree(m.getData()));
            }
        }
        return events;
    }
}
