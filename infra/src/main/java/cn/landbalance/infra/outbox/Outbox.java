package cn.landbalance.infra.outbox;

import cn.landbalance.infra.audit.AuditTrail;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static cn.landbalance.infra.jooq.Tables.OUTBOX_EVENT;

/**
 * Writes a domain event into the outbox in the caller's transaction: if the change commits, so does its
 * event; if it rolls back, no event exists. Every event is also an entry of the audit log. Schemas: docs/events/.
 */
@Singleton
public class Outbox {
    public static final int VERSION = 1;
    private final DSLContext db;
    private final JsonMapper json;
    private final AuditTrail audit;

    public Outbox(DSLContext db, JsonMapper json, AuditTrail audit) {
        this.db = db;
        this.json = json;
        this.audit = audit;
    }

    /** Records {@code type} about aggregate {@code aggregateType}/{@code aggregateId}; {@code payload} keys keep their order. */
    public UUID record(String type, String aggregateType, long aggregateId, Long countyId, Long regionId,
                       Map<String, Object> payload) {
        UUID eventId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        String body = write(payload);
        audit.record(type, aggregateType, aggregateId, countyId, body);
        db.insertInto(OUTBOX_EVENT)
                .set(OUTBOX_EVENT.EVENT_ID, eventId)
                .set(OUTBOX_EVENT.TYPE, type)
                .set(OUTBOX_EVENT.VERSION, VERSION)
                .set(OUTBOX_EVENT.AGGREGATE_TYPE, aggregateType)
                .set(OUTBOX_EVENT.AGGREGATE_ID, aggregateId)
                .set(OUTBOX_EVENT.COUNTY_ID, countyId)
                .set(OUTBOX_EVENT.REGION_ID, regionId)
                .set(OUTBOX_EVENT.OCCURRED_AT, now)
                .set(OUTBOX_EVENT.PAYLOAD, body)
                .execute();
        return eventId;
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
