package cn.landbalance.infra.identity;

import cn.landbalance.settlement.identity.LoginFailures;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Failed sign-ins per key in a window, in PostgreSQL so every replica counts the same failures. A failure is written
 * in a transaction of its own: the sign-in it belongs to fails, and its count must stay.
 */
@Singleton
public class JooqLoginFailures implements LoginFailures {
    private final DSLContext db;

    public JooqLoginFailures(DSLContext db) {
        this.db = db;
    }

    /** Failures of each key counted in its window that has not ended yet (keys without any are absent). */
    @Override
    @ReadOnly
    public Map<String, Integer> current(Duration window, String... keys) {
        Map<String, Integer> counts = new HashMap<>();
        for (Record r : db.fetch("""
                select key, failures from login_failure
                where key = any(?) and window_start > now() - make_interval(secs => ?)""",
                keys, (double) window.toSeconds())) {
            counts.put(r.get(0, String.class), r.get(1, Integer.class));
        }
        return counts;
    }

    /** Counts one failure for each key: in its window, or as the first of a new window once the old one has ended. */
    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void record(Duration window, String... keys) {
        db.execute("""
                insert into login_failure as f (key, window_start, failures)
                select distinct k, now(), 1 from unnest(?::varchar[]) as k
                on conflict (key) do update set
                  failures = case when f.window_start <= now() - make_interval(secs => ?) then 1 else f.failures + 1 end,
                  window_start = case when f.window_start <= now() - make_interval(secs => ?) then now() else f.window_start end""",
                keys, (double) window.toSeconds(), (double) window.toSeconds());
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void clear(String key) {
        db.execute("delete from login_failure where key = ?", key);
    }

    /** Forgets windows that have ended; returns how many. */
    @Override
    @Transactional
    public int purge(Duration window) {
        return db.execute("delete from login_failure where window_start <= now() - make_interval(secs => ?)",
                (double) window.toSeconds());
    }
}
