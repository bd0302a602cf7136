package cn.landbalance.infra.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A primary PostgreSQL and a hot standby streaming from it, both from the machine's binaries, for a test of
 * reports read from a replica. The test can pause the standby's replay to see which server a read went to.
 */
public final class StreamingReplica implements AutoCloseable {
    private final LocalBinariesServer primary;
    private final LocalBinariesServer standby;
    private boolean closed;

    private StreamingReplica(LocalBinariesServer primary, LocalBinariesServer standby) {
        this.primary = primary;
        this.standby = standby;
    }

    public static StreamingReplica start() {
        var binDir = LocalBinariesServer.requireBinDir("the replica test");
        LocalBinariesServer primary = LocalBinariesServer.unchecked(() -> LocalBinariesServer.start(binDir));
        StreamingReplica replica;
        try {
            replica = new StreamingReplica(primary, LocalBinariesServer.unchecked(() -> LocalBinariesServer.standbyOf(primary)));
        } catch (RuntimeException e) {
            primary.stop();
            throw e;
        }
        // stopped by the test, and in any case when the test JVM ends: no server outlives the run
        Runtime.getRuntime().addShutdownHook(new Thread(replica::close, "stop-streaming-replica"));
        return replica;
    }

    /** The application's datasources: {@code default} on the primary, {@code reports} on the standby. */
    public Map<String, String> datasourceProperties() {
        return Map.of("datasources.default.url", primary.jdbcUrl("postgres"),
                "datasources.default.username", primary.user(),
                "datasources.default.password", primary.password(),
                "datasources.reports.url", standby.jdbcUrl("postgres"),
                "datasources.reports.username", standby.user(),
                "datasources.reports.password", standby.password());
    }

    public boolean standbyInRecovery() {
        return "t".equals(queryStandby("select pg_is_in_recovery()"));
    }

    /** Stops the standby (an outage of the reporting replica); the primary goes on. */
    public void stopStandby() {
        LocalBinariesServer.unchecked(() -> {
            standby.pause();
            return null;
        });
    }

    public void pauseReplay() {
        queryStandby("select pg_wal_replay_pause()");
    }

    public void resumeReplay() {
        queryStandby("select pg_wal_replay_resume()");
    }

    /** Waits until the standby has replayed everything the primary had written when this was called. */
    public void awaitCaughtUp(Duration timeout) {
        // the insert position: with synchronous_commit=off a commit can be inserted but not yet written
        String lsn = query(primary, "select pg_current_wal_insert_lsn()::text");
        Instant deadline = Instant.now().plus(timeout);
        while (!"t".equals(queryStandby("select pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn"))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the standby did not replay up to " + lsn + " within " + timeout);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private String queryStandby(String sql) {
        return query(standby, sql);
    }

    private static String query(LocalBinariesServer server, String sql) {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), server.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            standby.stop();
            primary.stop();
        }
    }
}
