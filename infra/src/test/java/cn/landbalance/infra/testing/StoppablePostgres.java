package cn.landbalance.infra.testing;

import java.util.Map;

/**
 * A PostgreSQL server of one test's own, from the machine's binaries, that the test stops and starts again to
 * see what the application does during a database outage. The shared server of {@link TestPostgres} is never
 * stopped. Needs /usr/lib/postgresql/N/bin (the machines this project runs on have it).
 */
public final class StoppablePostgres implements AutoCloseable {
    private final LocalBinariesServer server;

    private StoppablePostgres(LocalBinariesServer server) {
        this.server = server;
    }

    public static StoppablePostgres start() {
        var binDir = LocalBinariesServer.requireBinDir("the database outage test");
        StoppablePostgres database = new StoppablePostgres(LocalBinariesServer.unchecked(() -> LocalBinariesServer.start(binDir)));
        // stopped by the test, and in any case when the test JVM ends: no server outlives the run
        Runtime.getRuntime().addShutdownHook(new Thread(database::close, "stop-stoppable-postgres"));
        return database;
    }

    /** Micronaut datasource properties for the server's default database. */
    public Map<String, String> datasourceProperties() {
        return Map.of("datasources.default.url", server.jdbcUrl("postgres"),
                "datasources.default.username", server.user(),
                "datasources.default.password", server.password());
    }

    public void stopServer() {
        run(true);
    }

    public void startServer() {
        run(false);
    }

    private void run(boolean stop) {
        LocalBinariesServer.unchecked(() -> {
            if (stop) {
                server.pause();
            } else {
                server.resume();
            }
            return null;
        });
    }

    @Override
    public void close() {
        server.stop();
    }
}
