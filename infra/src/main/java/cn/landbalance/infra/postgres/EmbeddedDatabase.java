package cn.landbalance.infra.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import cn.landbalance.infra.process.LeftoverProcesses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The run command's default database: a PostgreSQL server started by the application itself, whose
 * data directory persists between runs (so what users create survives a restart). Never used when a
 * database is configured.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String DATABASE = "landbalance";
    public static final String USER = "postgres";

    private final EmbeddedPostgres server;
    private final String jdbcUrl;

    private EmbeddedDatabase(EmbeddedPostgres server, String jdbcUrl) {
        this.server = server;
        this.jdbcUrl = jdbcUrl;
    }

    /** Starts (initialising on first use) the server on {@code dataDirectory} and makes sure the database exists. */
    public static EmbeddedDatabase start(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory.getParent());
        boolean fresh = !Files.exists(dataDirectory.resolve("PG_VERSION"));
        LOG.info("{} embedded PostgreSQL in {}", fresh ? "initialising" : "starting", dataDirectory);
        stopLeftover(dataDirectory);
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "100")
                // durable: the library starts the server with -F (fsync off) and synchronous_commit off, which lose
                // acknowledged commits in a power cut; these settings come after -F on the command line and win
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                s.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            server.close();
            throw new IOException("embedded PostgreSQL started but the database could not be created", e);
        }
        String url = server.getJdbcUrl(USER, DATABASE);
        LOG.info("embedded PostgreSQL at {} (user {}; bin/audit-verify takes this as DATABASE_URL)", url, USER);
        return new EmbeddedDatabase(server, url);
    }

    /**
     * A PostgreSQL server still running on this data directory was left by a run that died without stopping it (its
     * clients are gone): it is asked for a fast shutdown (SIGINT) so the new server can take the directory.
     */
    static void stopLeftover(Path dataDirectory) {
        LeftoverProcesses.stop(LeftoverProcesses.find(args -> isPostmasterOf(args, dataDirectory)),
                "PostgreSQL server on " + dataDirectory, "INT", 60);
    }

    static boolean isPostmasterOf(List<String> args, Path dataDirectory) {
        return !args.isEmpty() && Path.of(args.get(0)).getFileName() != null
                && Path.of(args.get(0)).getFileName().toString().equals("postgres")
                && LeftoverProcesses.hasOption(args, "-D", dataDirectory);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return USER;
    }

    /** The embedded server trusts local connections; the password is not checked. */
    public String password() {
        return "";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, USER, "");
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
