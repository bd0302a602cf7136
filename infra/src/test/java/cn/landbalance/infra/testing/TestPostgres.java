package cn.landbalance.infra.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives every test JVM one real PostgreSQL server, and each caller a fresh database on it. The source
 * is chosen by {@link PostgresSource}; the server is stopped when the JVM exits, so no server is left
 * running after the tests.
 */
public final class TestPostgres {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile TestPostgres instance;

    private final PostgresSource source;
    private final PostgresServer server;

    private TestPostgres(PostgresSource source, PostgresServer server) {
        this.source = source;
        this.server = server;
    }

    public static TestPostgres get() {
        if (instance == null) {
            synchronized (TestPostgres.class) {
                if (instance == null) {
                    instance = start();
                    Runtime.getRuntime().addShutdownHook(new Thread(instance.server::stop, "test-postgres-stop"));
                }
            }
        }
        return instance;
    }

    public PostgresSource source() {
        return source;
    }

    /** A new, empty database; returns the Micronaut datasource properties that point at it. */
    public Map<String, String> newDatabaseProperties() {
        String name = "lb_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), server.password());
             Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return Map.of(
                "datasources.default.url", server.jdbcUrl(name),
                "datasources.default.username", server.user(),
                "datasources.default.password", server.password());
    }

    private static TestPostgres start() {
        String setting = Optional.ofNullable(System.getenv("LANDBALANCE_TEST_PG"))
                .orElse(System.getProperty("landbalance.test.pg"));
        PostgresSource chosen = PostgresSource.fromSetting(setting);
        try {
            if (chosen != null) {
                return new TestPostgres(chosen, startFrom(chosen));
            }
            for (PostgresSource candidate : PostgresSource.values()) {
                if (available(candidate)) {
                    return new TestPostgres(candidate, startFrom(candidate));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not start a PostgreSQL for the tests", e);
        }
        throw new IllegalStateException("no PostgreSQL source available");
    }

    private static boolean available(PostgresSource source) {
        return switch (source) {
            case URL -> System.getenv("LANDBALANCE_TEST_JDBC_URL") != null;
            case TESTCONTAINERS -> dockerAvailable();
            case BINARIES -> LocalBinariesServer.findBinDir().isPresent();
            case ZONKY -> true;
        };
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }

    private static PostgresServer startFrom(PostgresSource source) throws IOException, InterruptedException {
        return switch (source) {
            case URL -> external();
            case TESTCONTAINERS -> container();
            case BINARIES -> LocalBinariesServer.start(LocalBinariesServer.findBinDir()
                    .orElseThrow(() -> new IOException("no PostgreSQL binaries under /usr/lib/postgresql")));
            case ZONKY -> zonky();
        };
    }

    private static PostgresServer external() {
        String url = System.getenv("LANDBALANCE_TEST_JDBC_URL");
        String user = Optional.ofNullable(System.getenv("LANDBALANCE_TEST_JDBC_USER")).orElse("postgres");
        String password = Optional.ofNullable(System.getenv("LANDBALANCE_TEST_JDBC_PASSWORD")).orElse("");
        String base = url.substring(0, url.lastIndexOf('/') + 1);
        return new PostgresServer() {
            public String jdbcUrl(String database) {
                return base + database;
            }

            public String user() {
                return user;
            }

            public String password() {
                return password;
            }

            public void stop() {
                // not ours to stop
            }
        };
    }

    private static PostgresServer container() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
        container.start();
        return new PostgresServer() {
            public String jdbcUrl(String database) {
                return "jdbc:postgresql://" + container.getHost() + ":" + container.getFirstMappedPort() + "/" + database;
            }

            public String user() {
                return container.getUsername();
            }

            public String password() {
                return container.getPassword();
            }

            public void stop() {
                container.stop();
            }
        };
    }

    private static PostgresServer zonky() throws IOException {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        return new PostgresServer() {
            public String jdbcUrl(String database) {
                return pg.getJdbcUrl("postgres", database);
            }

            public String user() {
                return "postgres";
            }

            public String password() {
                return "";
            }

            public void stop() {
                try {
                    pg.close();
                } catch (IOException e) {
                    // exiting
                }
            }
        };
    }

}
