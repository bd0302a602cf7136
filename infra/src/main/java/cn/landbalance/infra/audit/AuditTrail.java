package cn.landbalance.infra.audit;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.temporal.ChronoUnit;

import static cn.landbalance.infra.jooq.Tables.AUDIT_ENTRY;

/** Writes an audit entry in the caller's transaction: the entry exists exactly when the change does. */
@Singleton
public class AuditTrail {
    private final DSLContext db;
    private final AuditActor actor;
    private final JsonMapper json;

    public AuditTrail(DSLContext db, AuditActor actor, JsonMapper json) {
        this.db = db;
        this.actor = actor;
        this.json = json;
    }

    /** Records a change that is not a domain event (rules, people, plans), its facts as ordered key-value pairs. */
    public void record(String action, String aggregateType, long aggregateId, Long countyId, Object... keyValues) {
        Map<String, Object> payload = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            payload.put((String) keyValues[i], keyValues[i + 1]);
        }
        try {
            record(action, aggregateType, aggregateId, countyId, new String(json.writeValueAsBytes(payload), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records {@code action} on {@code aggregateType}/{@code aggregateId}; {@code payloadJson} holds the facts. */
    public void record(String action, String aggregateType, long aggregateId, Long countyId, String payloadJson) {
        String who = actor.current();
        db.insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.ACTION, action)
                .set(AUDIT_ENTRY.AGGREGATE_TYPE, aggregateType)
                .set(AUDIT_ENTRY.AGGREGATE_ID, aggregateId)
                .set(AUDIT_ENTRY.COUNTY_ID, countyId)
                .set(AUDIT_ENTRY.ACTOR, who.length() > 64 ? who.substring(0, 64) : who)
                .set(AUDIT_ENTRY.OCCURRED_AT, OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS))
                .set(AUDIT_ENTRY.PAYLOAD, payloadJson)
                .execute();
    }
}
