package cn.landbalance.infra.outbox;

import cn.landbalance.infra.audit.AuditTrail;
import cn.landbalance.infra.tx.AtCommit;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.landbalance.infra.jooq.Tables.OUTBOX_EVENT;

/**
 * Writes a domain event into the outbox in the caller's transaction: if the change commits, so does its
 * event; if it rolls back, no event exists. A transaction's events are inserted together just before it commits. Every event is also an entry of the audit log. Schemas: docs/events/.
 */
@Singleton
public class Outbox {
    public static final int VERSION = 1;
    private final DSLContext db;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final AtCommit atCommit;
    private final AtCommit.Writer<Event> writer = this::insert;

    public Outbox(DSLContext db, JsonMapper json, AuditTrail audit, AtCommit atCommit) {
        this.db = db;
        this.json = json;
        this.audit = audit;
        this.atCommit = atCommit;
    }

    /** Records {@code type} about aggregate {@code aggregateType}/{@code aggregateId}; {@code payload} keys keep their order. */
    public UUID record(String type, String aggregateType, long aggregateId, Long countyId, Long regionId,
                       Map<String, Object> payload) {
        UUID eventId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        String body = write(payload);
        audit.record(type, aggregateType, aggregateId, countyId, body);
        atCommit.append(writer, new Event(eventId, type, aggregateType, aggregateId, countyId, regionId, now, body));
        return eventId;
    }

    /** The transaction's events in one insert; ids follow the order they were recorded in. */
    private void insert(List<Event> events) {
        var insert = db.insertInto(OUTBOX_EVENT, OUTBOX_EVENT.EVENT_ID, OUTBOX_EVENT.TYPE, OUTBOX_EVENT.VERSION,
                OUTBOX_EVENT.AGGREGATE_TYPE, OUTBOX_EVENT.AGGREGATE_ID, OUTBOX_EVENT.COUNTY_ID, OUTBOX_EVENT.REGION_ID,
                OUTBOX_EVENT.OCCURRED_AT, OUTBOX_EVENT.PAYLOAD);
        for (Event e : events) {
            insert = insert.values(e.eventId(), e.type(), VERSION, e.aggregateType(), e.aggregateId(), e.countyId(),
                    e.regionId(), e.occurredAt(), e.payload());
        }
        insert.execute();
    }

    private record Event(UUID eventId, String type, String aggregateType, long aggregateId, Long countyId, Long regionId,
                         OffsetDateTime occurredAt, String payload) {
    }

    /** An ordered map for payloads: {@code Outbox.fields("lotId", 1, "areaM2", 100)}. */
    public static Map<String, Object> fields(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private String write(Map<String, Object> payload) {
        try {
            return new String(json.writeValueAsBytes(payload), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
