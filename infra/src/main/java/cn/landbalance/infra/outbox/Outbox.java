package cn.landbalance.infra.outbox;

import cn.landbalance.infra.audit.AuditTrail;
import cn.landbalance.infra.tx.AtCommit;
import cn.landbalance.settlement.event.DomainEvent;
import cn.landbalance.settlement.event.Payload;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a domain event into the outbox in the caller's transaction: if the change commits, so does its
 * event; if it rolls back, no event exists. A transaction's events are inserted together just before it commits. Every event is also an entry of the audit log. Schemas: docs/events/.
 */
@Singleton
public class Outbox {
    public static final int VERSION = 1;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final AtCommit atCommit;
    private final AtCommit.Writer<Event> writer = this::insert;

    public Outbox(JsonMapper json, AuditTrail audit, AtCommit atCommit) {
        this.json = json;
        this.audit = audit;
        this.atCommit = atCommit;
    }

    /** Records {@code event} (its name, aggregate and payload are the event's own) in the caller's transaction. */
    public UUID publish(DomainEvent event) {
        UUID eventId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        String type = event.type().wireName();
        String body = write(Payload.of(event));
        audit.record(type, event.aggregateType(), event.aggregateId(), event.countyId(), body);
        atCommit.append(writer, new Event(eventId, type, event.aggregateType(), event.aggregateId(), event.countyId(),
                event.regionId(), now, body));
        return eventId;
    }

    /** The transaction's events in one insert; ids follow the order they were recorded in. */
    private String insert(List<Event> events, List<Object> binds) {
        return AtCommit.insertColumns("outbox_event", List.of("event_id", "type", "version", "aggregate_type", "aggregate_id",
                        "county_id", "region_id", "occurred_at", "payload"),
                List.of("uuid", "text", "int", "text", "bigint", "bigint", "bigint", "timestamptz", "text"), events,
                e -> Arrays.asList(e.eventId(), e.type(), VERSION, e.aggregateType(), e.aggregateId(), e.countyId(),
                        e.regionId(), e.occurredAt(), e.payload()), binds);
    }

    private record Event(UUID eventId, String type, String aggregateType, long aggregateId, Long countyId, Long regionId,
                         OffsetDateTime occurredAt, String payload) {
    }

    private String write(Map<String, Object> payload) {
        try {
            return new String(json.writeValueAsBytes(payload), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
