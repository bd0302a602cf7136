package cn.landbalance.api.events;

import cn.landbalance.api.support.ApiTest;
import cn.landbalance.settlement.event.EventType;
import cn.landbalance.settlement.event.MarketEvent;
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
        // events of a listing no test data has (id 900 001 …), as an adapter hands them over
        String type = EventType.INDICATOR_LISTING_WITHDRAWN.wireName();
        List<UUID> recorded = tx.executeWrite(status -> List.of(
                outbox.publish(new MarketEvent.ListingWithdrawn(null, 900_001, 1)),
                outbox.publish(new MarketEvent.ListingWithdrawn(null, 900_001, 2)),
                outbox.publish(new MarketEvent.ListingWithdrawn(null, 900_001, 3))));
        assertEquals(recorded, tx.<List<UUID>>executeRead(status -> db.fetch(
                "select event_id from outbox_event where type = ? and aggregate_id = 900001 order by id", type).getValues(0, UUID.class)));
        assertEquals(List.of("{\"listingId\":900001,\"townshipId\":1}", "{\"listingId\":900001,\"townshipId\":2}",
                "{\"listingId\":900001,\"townshipId\":3}"), tx.<List<String>>executeRead(status -> db.fetch(
                "select payload from outbox_event where type = ? and aggregate_id = 900001 order by id", type).getValues(0, String.class)));
        assertEquals(3, count("select count(*) from audit_entry where action = '" + type + "' and aggregate_id = 900001"));

        // a commit that fails after the events were flushed (a later synchronization refuses) leaves none of them
        assertThrows(RuntimeException.class, () -> tx.executeWrite(status -> {
            outbox.publish(new MarketEvent.ListingWithdrawn(null, 900_002, 1));
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
        assertEquals(0, count("select count(*) from outbox_event where aggregate_id = 900002"));
        assertEquals(0, count("select count(*) from audit_entry where aggregate_id = 900002"));

        // an event without a transaction (hence without a change) is refused
        assertThrows(IllegalStateException.class, () -> outbox.publish(new MarketEvent.ListingWithdrawn(null, 900_003, 1)));
    }

    private long count(String sql) {
        return tx.<Long>executeRead(status -> db.fetchSingle(sql).get(0, Long.class));
    }
}
