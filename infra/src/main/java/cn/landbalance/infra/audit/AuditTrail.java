package cn.landbalance.infra.audit;

import cn.landbalance.infra.tx.AtCommit;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.temporal.ChronoUnit;

/**
 * Writes an audit entry in the caller's transaction: the entry exists exactly when the change does. A transaction's
 * entries are inserted together just before it commits.
 */
@Singleton
public class AuditTrail {
    private final AuditActor actor;
    private final JsonMapper json;
    private final AtCommit atCommit;
    private final AtCommit.Writer<Entry> writer = this::insert;

    public AuditTrail(AuditActor actor, JsonMapper json, AtCommit atCommit) {
        this.actor = actor;
        this.json = json;
        this.atCommit = atCommit;
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
        atCommit.append(writer, new Entry(action, aggregateType, aggregateId, countyId, who.length() > 64 ? who.substring(0, 64) : who,
                OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS), payloadJson));
    }

    /** The transaction's entries in one insert, just before it commits; ids follow the order they were recorded in. */
    private String insert(List<Entry> entries, List<Object> binds) {
        return AtCommit.insertColumns("audit_entry", List.of("action", "aggregate_type", "aggregate_id", "county_id", "actor",
                        "occurred_at", "payload"), List.of("text", "text", "bigint", "bigint", "text", "timestamptz", "text"),
                entries, e -> Arrays.asList(e.action(), e.aggregateType(), e.aggregateId(), e.countyId(), e.actor(),
                        e.occurredAt(), e.payload()), binds);
    }

    private record Entry(String action, String aggregateType, long aggregateId, Long countyId, String actor,
                         OffsetDateTime occurredAt, String payload) {
    }
}
