package cn.landbalance.infra.outbox;

import cn.landbalance.infra.pulsar.PulsarBroker;
import cn.landbalance.settlement.event.EventType;
import cn.landbalance.settlement.notification.NotificationText;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.apache.pulsar.client.api.SubscriptionType;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.UUID;

import static cn.landbalance.infra.jooq.Tables.NOTIFICATION;

/**
 * Builds the notification feed from the domain events (Key_Shared subscription, so per-aggregate order is
 * kept). Idempotent: the event id is the notification's primary key, so an event delivered twice has one effect.
 */
@Singleton
@Requires(property = "pulsar.service-url")
@Requires(property = "landbalance.notifications.enabled", notEquals = "false")
public class NotificationConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationConsumer.class);
    private final PulsarClient client;
    private final DSLContext db;
    private final TransactionOperations<Connection> tx;
    private final JsonMapper json;
    private final String topic;
    private final String subscription;
    private Consumer<byte[]> consumer;

    public NotificationConsumer(PulsarClient client, DSLContext db, TransactionOperations<Connection> tx, JsonMapper json,
                                @Value("${landbalance.outbox.topic:}") String topic,
                                @Value("${landbalance.notifications.subscription:landbalance-notifications}") String subscription) {
        this.client = client;
        this.db = db;
        this.tx = tx;
        this.json = json;
        this.topic = topic == null || topic.isBlank() ? PulsarBroker.TOPIC : topic;
        this.subscription = subscription;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        client.newConsumer(Schema.BYTES).topic(topic).subscriptionName(subscription)
                .subscriptionType(SubscriptionType.Key_Shared)
                .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
                .messageListener(this::onMessage)
                .subscribeAsync()
                .thenAccept(c -> consumer = c)
                .exceptionally(e -> {
                    LOG.warn("notification consumer not subscribed yet ({}); the client keeps retrying", e.toString());
                    return null;
                });
    }

    void onMessage(Consumer<byte[]> c, Message<byte[]> message) {
        try {
            JsonNode event = json.readValue(message.getData(), JsonNode.class);
            tx.executeWrite(status -> store(event));
            c.acknowledgeAsync(message);
        } catch (Exception e) {
            LOG.warn("notification not stored, will be redelivered: {}", e.toString());
            c.negativeAcknowledge(message);
        }
    }

    /** One notification per event that someone should see; others are acknowledged and skipped. */
    int store(JsonNode event) {
        String type = event.get("type").getStringValue();
        JsonNode payload = event.get("payload");
        Long org = null;
        Long region = null;
        NotificationText.Text text;
        EventType known = EventType.ofWireName(type).orElse(null);
        if (known == null) {
            return 0;
        }
        switch (known) {
            case ORDER_SETTLED -> {
                org = payload.get("buyerOrgId").getLongValue();
                text = NotificationText.orderSettled(payload.get("orderId").getLongValue(), payload.get("areaM2").getLongValue(),
                        payload.get("amountFen").getLongValue());
            }
            case INDICATOR_FROZEN -> {
                region = payload.get("townshipId").getLongValue();
                text = NotificationText.indicatorsFrozen(payload.get("areaM2").getLongValue(),
                        payload.get("reference").getStringValue());
            }
            case INDICATOR_LISTING_REDUCED -> {
                region = payload.get("townshipId").getLongValue();
                text = NotificationText.listingReduced(payload.get("listingId").getLongValue(),
                        payload.get("areaM2").getLongValue(), payload.get("reason").getStringValue());
            }
            case FEE_PAID -> {
                region = payload.get("townshipId").getLongValue();
                text = NotificationText.feePaid(payload.get("amountFen").getLongValue(), payload.get("areaM2").getLongValue());
            }
            case OUTFLOW_APPROVED -> {
                org = payload.get("applicantOrgId").getLongValue();
                text = NotificationText.outflowApproved(payload.get("applicationId").getLongValue());
            }
            default -> {
                return 0;
            }
        }
        JsonNode county = event.get("countyId");
        return db.insertInto(NOTIFICATION)
                .set(NOTIFICATION.EVENT_ID, UUID.fromString(event.get("eventId").getStringValue()))
                .set(NOTIFICATION.TYPE, type)
                .set(NOTIFICATION.ORG_ID, org)
                .set(NOTIFICATION.REGION_ID, region)
                .set(NOTIFICATION.COUNTY_ID, county == null || county.isNull() ? null : county.getLongValue())
                .set(NOTIFICATION.MESSAGE_ZH, text.zh())
                .set(NOTIFICATION.MESSAGE_EN, text.en())
                .set(NOTIFICATION.CREATED_AT, OffsetDateTime.now())
                .onConflictDoNothing()
                .execute();
    }

    @PreDestroy
    void close() {
        if (consumer != null) {
            consumer.closeAsync();
        }
    }
}
