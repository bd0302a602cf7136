package cn.landbalance.infra.outbox;

import cn.landbalance.infra.pulsar.PulsarBroker;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Schema;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static cn.landbalance.infra.jooq.Tables.OUTBOX_EVENT;

/**
 * Publishes outbox rows to Pulsar in id order (so per aggregate in order), message key = aggregate id, the
 * outbox id as the producer sequence id with broker deduplication on, then marks them published. While the
 * broker is away it retries with backoff; nothing is lost because a row is only marked after the broker
 * acknowledged it, and a row sent twice (a crash between ack and mark) is dropped by the broker's dedup.
 * With several replicas only the holder of a PostgreSQL advisory lock relays.
 */
@Singleton
@Requires(property = "pulsar.service-url")
@Requires(property = "landbalance.outbox.relay.enabled", notEquals = "false")
public class OutboxRelay {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    /** The advisory lock that elects the one relaying instance. */
    static final long RELAY_LOCK = 0x4c42_4f55_5442_4f58L;
    private static final int BATCH = 500;

    private final PulsarClient client;
    private final DSLContext db;
    private final TransactionOperations<Connection> tx;
    private final String jdbcUrl;
    private final String jdbcUser;
    private final String jdbcPassword;
    private final String producerName;
    private final String topic;
    private final AtomicBoolean busy = new AtomicBoolean();
    private Connection lockConnection;
    private Producer<byte[]> producer;
    private long backoffMillis;
    private long nextAttempt;

    public OutboxRelay(PulsarClient client, DSLContext db, TransactionOperations<Connection> tx,
                       @Value("${datasources.default.url}") String jdbcUrl,
                       @Value("${datasources.default.username:}") String jdbcUser,
                       @Value("${datasources.default.password:}") String jdbcPassword,
                       @Value("${landbalance.outbox.producer-name:landbalance-outbox-relay}") String producerName,
                       @Value("${landbalance.outbox.topic:}") String topic) {
        this.client = client;
        this.db = db;
        this.tx = tx;
        this.jdbcUrl = jdbcUrl;
        this.jdbcUser = jdbcUser;
        this.jdbcPassword = jdbcPassword;
        this.producerName = producerName;
        this.topic = topic == null || topic.isBlank() ? PulsarBroker.TOPIC : topic;
    }

    @Scheduled(fixedDelay = "${landbalance.outbox.relay.interval:200ms}", initialDelay = "1s")
    void tick() {
        if (System.currentTimeMillis() < nextAttempt || !busy.compareAndSet(false, true)) {
            return;
        }
        try {
            while (relayOnce() == BATCH) {
                // keep draining while full batches come
            }
            backoffMillis = 0;
        } catch (Exception e) {
            backoffMillis = Math.min(backoffMillis == 0 ? 250 : backoffMillis * 2, 10_000);
            nextAttempt = System.currentTimeMillis() + backoffMillis;
            LOG.warn("outbox relay paused for {} ms: {}", backoffMillis, e.toString());
            closeProducer();
        } finally {
            busy.set(false);
        }
    }

    /** Publishes one batch if this instance holds the relay lock; returns how many events were published. */
    public int relayOnce() throws Exception {
        if (!holdsLock()) {
            return 0;
        }
        Result<? extends Record> rows = numbered();
        if (rows.isEmpty()) {
            tx.executeWrite(status -> number());
            rows = numbered();
        }
        if (rows.isEmpty()) {
            return 0;
        }
        Producer<byte[]> p = producer();
        List<CompletableFuture<MessageId>> sends = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (Record r : rows) {
            ids.add(r.get(OUTBOX_EVENT.ID));
            long seq = r.get(OUTBOX_EVENT.PUBLISH_SEQ);
            String envelope = "{\"eventId\":\"" + r.get(OUTBOX_EVENT.EVENT_ID) + "\",\"type\":\"" + r.get(OUTBOX_EVENT.TYPE)
                    + "\",\"version\":" + r.get(OUTBOX_EVENT.VERSION) + ",\"aggregateType\":\"" + r.get(OUTBOX_EVENT.AGGREGATE_TYPE)
                    + "\",\"aggregateId\":" + r.get(OUTBOX_EVENT.AGGREGATE_ID) + ",\"countyId\":" + r.get(OUTBOX_EVENT.COUNTY_ID)
                    + ",\"regionId\":" + r.get(OUTBOX_EVENT.REGION_ID) + ",\"occurredAt\":\"" + r.get(OUTBOX_EVENT.OCCURRED_AT)
                    + "\",\"sequence\":" + seq + ",\"payload\":" + r.get(OUTBOX_EVENT.PAYLOAD) + "}";
            sends.add(p.newMessage()
                    .key(r.get(OUTBOX_EVENT.AGGREGATE_TYPE) + ":" + r.get(OUTBOX_EVENT.AGGREGATE_ID))
                    .sequenceId(seq)
                    .property("eventId", r.get(OUTBOX_EVENT.EVENT_ID).toString())
                    .property("type", r.get(OUTBOX_EVENT.TYPE))
                    .value(envelope.getBytes(StandardCharsets.UTF_8))
                    .sendAsync());
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        tx.executeWrite(status -> db.update(OUTBOX_EVENT).set(OUTBOX_EVENT.PUBLISHED_AT, OffsetDateTime.now())
                .where(OUTBOX_EVENT.ID.in(ids)).execute());
        return rows.size();
    }

    /**
     * Numbered events not yet published, in number order: those numbered by a previous pass that did not finish (sent
     * again with the same numbers, so the broker drops what it already has) or by this pass.
     */
    private Result<? extends Record> numbered() {
        return tx.executeRead(status -> db.select(OUTBOX_EVENT.ID, OUTBOX_EVENT.EVENT_ID, OUTBOX_EVENT.TYPE,
                        OUTBOX_EVENT.VERSION, OUTBOX_EVENT.AGGREGATE_TYPE, OUTBOX_EVENT.AGGREGATE_ID, OUTBOX_EVENT.COUNTY_ID,
                        OUTBOX_EVENT.REGION_ID, OUTBOX_EVENT.OCCURRED_AT, OUTBOX_EVENT.PAYLOAD, OUTBOX_EVENT.PUBLISH_SEQ)
                .from(OUTBOX_EVENT).where(OUTBOX_EVENT.PUBLISHED_AT.isNull().and(OUTBOX_EVENT.PUBLISH_SEQ.isNotNull()))
                .orderBy(OUTBOX_EVENT.PUBLISH_SEQ).limit(BATCH).fetch());
    }

    /**
     * Gives the next numbers to committed events not yet numbered, in id order. Only the lock holder numbers, so the
     * numbers only grow; an event committed late gets a later number than everything already numbered (its row id
     * may be lower: ids are taken at insert, not at commit).
     */
    private int number() {
        return db.execute("""
                update outbox_event o set publish_seq = n.next + n.rn
                from (select e.id, row_number() over (order by e.id) as rn,
                             (select coalesce(max(publish_seq), 0) from outbox_event) as next
                      from outbox_event e where e.publish_seq is null and e.published_at is null
                      order by e.id limit ?) n
                where o.id = n.id""", BATCH);
    }

    private boolean holdsLock() throws SQLException {
        if (lockConnection != null) {
            try (ResultSet rs = lockConnection.createStatement().executeQuery("select 1")) {
                return true;
            } catch (SQLException e) {
                closeLockConnection();
            }
        }
        Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
        try (ResultSet rs = c.createStatement().executeQuery("select pg_try_advisory_lock(" + RELAY_LOCK + ")")) {
            rs.next();
            if (rs.getBoolean(1)) {
                lockConnection = c;
                LOG.info("this instance now relays the outbox to {}", topic);
                return true;
            }
        }
        c.close();
        return false;
    }

    private Producer<byte[]> producer() throws Exception {
        if (producer == null || !producer.isConnected()) {
            closeProducer();
            producer = client.newProducer(Schema.BYTES)
                    .topic(topic)
                    .producerName(producerName)
                    .enableBatching(false)
                    .blockIfQueueFull(true)
                    .sendTimeout(20, TimeUnit.SECONDS)
                    .create();
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            producer.closeAsync();
            producer = null;
        }
    }

    private void closeLockConnection() {
        try {
            if (lockConnection != null) {
                lockConnection.close();
            }
        } catch (SQLException e) {
            // gone already
        }
        lockConnection = null;
    }

    @PreDestroy
    public void stop() {
        closeProducer();
        closeLockConnection();
    }
}
