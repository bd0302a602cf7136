package cn.landbalance.infra.audit;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.OffsetDateTime;

import static cn.landbalance.infra.jooq.Tables.AUDIT_ENTRY;

/**
 * Seals committed audit entries into the hash chain, in id order, a batch at a time (one update per batch). Writers
 * never wait for the chain (no hot row); entries that commit late simply take a later place. One sealer at a time
 * across replicas: a transaction-scoped advisory lock.
 */
@Singleton
public class AuditSealer {
    private static final Logger LOG = LoggerFactory.getLogger(AuditSealer.class);
    private static final long SEALER_LOCK = 0x41554449L;
    private static final int BATCH = 2000;
    private final DSLContext db;
    private final TransactionOperations<Connection> tx;

    public AuditSealer(DSLContext db, TransactionOperations<Connection> tx) {
        this.db = db;
        this.tx = tx;
    }

    @Scheduled(fixedDelay = "${landbalance.audit.seal-interval:1s}", initialDelay = "2s")
    void scheduled() {
        try {
            while (seal() == BATCH) {
                // keep going while there is a backlog
            }
        } catch (RuntimeException e) {
            LOG.warn("audit sealing paused: {}", e.toString());
        }
    }

    /** Seals one batch in its own transaction; returns how many entries it sealed. */
    public int seal() {
        return tx.executeWrite(status -> sealBatch());
    }

    private int sealBatch() {
        Boolean locked = db.fetchSingle("select pg_try_advisory_xact_lock(" + SEALER_LOCK + ")").get(0, Boolean.class);
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        Record last = db.select(AUDIT_ENTRY.SEQ, AUDIT_ENTRY.HASH).from(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.SEQ.isNotNull()).orderBy(AUDIT_ENTRY.SEQ.desc()).limit(1).fetchOne();
        long seq = last == null ? 0 : last.get(AUDIT_ENTRY.SEQ);
        String prev = last == null ? AuditChain.GENESIS : last.get(AUDIT_ENTRY.HASH);
        var batch = db.selectFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.SEQ.isNull()).orderBy(AUDIT_ENTRY.ID).limit(BATCH).fetch();
        if (batch.isEmpty()) {
            return 0;
        }
        Long[] ids = new Long[batch.size()];
        Long[] seqs = new Long[batch.size()];
        String[] prevs = new String[batch.size()];
        String[] hashes = new String[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            var e = batch.get(i);
            OffsetDateTime at = e.getOccurredAt();
            String hash = AuditChain.hash(prev, e.getId(), e.getAction(), e.getAggregateType(), e.getAggregateId(),
                    e.getCountyId(), e.getActor(), at, e.getPayload());
            ids[i] = e.getId();
            seqs[i] = ++seq;
            prevs[i] = prev;
            hashes[i] = hash;
            prev = hash;
        }
        db.execute("""
                update audit_entry a set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
                from unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::varchar[]) as v(id, seq, prev_hash, hash)
                where a.id = v.id""", ids, seqs, prevs, hashes);
        return batch.size();
    }
}
