package cn.landbalance.infra.postgres;

import java.nio.file.Path;

/**
 * Run as its own JVM by the tests: starts the embedded database on the data directory given, writes a row, and ends
 * the JVM at once (as SIGKILL would: no shutdown hook runs), leaving the server running.
 */
public final class DiesWithoutStopping {
    private DiesWithoutStopping() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]));
        try (var c = db.connect()) {
            c.createStatement().execute("create table kept (area_m2 bigint)");
            c.createStatement().execute("insert into kept values (7)");
        }
        Runtime.getRuntime().halt(0);
    }
}
