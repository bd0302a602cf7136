package cn.landbalance.api.events;

import cn.landbalance.api.support.ApiTest;
import cn.landbalance.infra.outbox.Outbox;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Inject;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A transaction's events and audit entries are written together just before it commits (AtCommit): they must still be
 * part of that transaction — gone when its commit fails — and keep the order they were recorded in.
 */
@MicronautTest(transactional = false)
class EventsCommitWithTheirChangeTest extends ApiTest {
    @Inject
    Outbox outbox;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    DSLContext db;

    @Test
    void eventsOfATransactionArriveInTheOrderRecordedAndOnlyIfItCommits() {
        String type = "test.ordered";
        List<UUID> recorded = tx.executeWrite(status -> List.of(
                outbox.record(type, "test", 1, null, null, Outbox.fields("n", 1)),
                outbox.record(type, "test", 1, null, null, Outbox.fields("n", 2)),
                outbox.record(type, "test", 1, null, null, Outbox.fields("n", 3))));
        assertEquals(recorded, tx.<List<UUID>>executeRead(status -> db.fetch(
                "select event_id from outbox_event where type = ? order by id", type).getValues(0, UUID.class)));
        assertEquals(3, count("select count(*) from audit_entry where action = 'test.ordered'"));

        // a commit that fails after the events were flushed (a later synchronization refuses) leaves none of them
        String failed = "test.failed_commit";
        assertThrows(RuntimeException.class, () -> tx.executeWrite(status -> {
            outbox.record(failed, "test", 2, null, null, Outbox.fields("n", 1));
            status.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    throw new IllegalStateException("refused at commit");
                }

                @Override
                public int getOrder() {
                    return LOWEST_PRECEDENCE;
                }
            });
            return null;
        }));
        assertEquals(0, count("select count(*) from outbox_event where type = '" + failed + "'"));
        assertEquals(0, count("select count(*) from audit_entry where action = '" + failed + "'"));

        // an event without a transaction (hence without a change) is refused
        assertThrows(IllegalStateException.class, () -> outbox.record("test.alone", "test", 3, null, null, Outbox.fields()));
    }

    private long count(String sql) {
        return tx.<Long>executeRead(status -> db.fetchSingle(sql).get(0, Long.class));
    }
}
