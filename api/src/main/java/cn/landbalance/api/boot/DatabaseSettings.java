package cn.landbalance.api.boot;

import cn.landbalance.infra.postgres.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Which PostgreSQL the application uses: {@code DATABASE_URL} (a JDBC URL, or
 * {@code postgres://user:password@host:port/db}), else the usual Micronaut
 * {@code datasources.default.*} settings, else an embedded server whose data persists in the data home.
 */
public final class DatabaseSettings {
    private final Map<String, String> properties;
    private final EmbeddedDatabase embedded;

    private DatabaseSettings(Map<String, String> properties, EmbeddedDatabase embedded) {
        this.properties = properties;
        this.embedded = embedded;
    }

    public static DatabaseSettings resolve(Map<String, String> env, DataHome home) throws IOException {
        String databaseUrl = env.get("DATABASE_URL");
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            return new DatabaseSettings(fromDatabaseUrl(databaseUrl.trim(), env), null);
        }
        if (!embedded(env)) {
            return new DatabaseSettings(Map.of(), null);
        }
        EmbeddedDatabase database = EmbeddedDatabase.start(home.resolve("pgdata"));
        return new DatabaseSettings(Map.of(
                "datasources.default.url", database.jdbcUrl(),
                "datasources.default.username", database.user(),
                "datasources.default.password", database.password()), database);
    }

    /** True when no database is configured, so the application starts its own in the data home. */
    public static boolean embedded(Map<String, String> env) {
        String databaseUrl = env.get("DATABASE_URL");
        return (databaseUrl == null || databaseUrl.isBlank()) && !env.containsKey("DATASOURCES_DEFAULT_URL")
                && System.getProperty("datasources.default.url") == null;
    }

    static Map<String, String> fromDatabaseUrl(String url, Map<String, String> env) {
        Map<String, String> properties = new HashMap<>();
        if (url.startsWith("jdbc:")) {
            properties.put("datasources.default.url", url);
        } else {
            URI uri = URI.create(url);
            if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
                throw new IllegalArgumentException("DATABASE_URL must be a jdbc:postgresql: URL or postgres://…");
            }
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            properties.put("datasources.default.url",
                    "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query);
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                properties.put("datasources.default.username", decode(parts[0]));
                if (parts.length > 1) {
                    properties.put("datasources.default.password", decode(parts[1]));
                }
            }
        }
        if (env.get("DATABASE_USER") != null) {
            properties.put("datasources.default.username", env.get("DATABASE_USER"));
        }
        if (env.get("DATABASE_PASSWORD") != null) {
            properties.put("datasources.default.password", env.get("DATABASE_PASSWORD"));
        }
        return properties;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    public Map<String, String> properties() {
        return properties;
    }

    public boolean embedded() {
        return embedded != null;
    }

    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
