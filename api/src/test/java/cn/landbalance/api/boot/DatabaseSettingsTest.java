package cn.landbalance.api.boot;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatabaseSettingsTest {
    @Test
    void aJdbcDatabaseUrlIsUsedAsIs() {
        Map<String, String> p = DatabaseSettings.fromDatabaseUrl("jdbc:postgresql://db.internal:5433/lb", Map.of(
                "DATABASE_USER", "lb", "DATABASE_PASSWORD", "s3cret"));
        assertEquals("jdbc:postgresql://db.internal:5433/lb", p.get("datasources.default.url"));
        assertEquals("lb", p.get("datasources.default.username"));
        assertEquals("s3cret", p.get("datasources.default.password"));
    }

    @Test
    void aPostgresUriIsTurnedIntoJdbcWithItsCredentials() {
        Map<String, String> p = DatabaseSettings.fromDatabaseUrl(
                "postgres://app:p%40ss@pg.example:6432/landbalance?sslmode=require", Map.of());
        assertEquals("jdbc:postgresql://pg.example:6432/landbalance?sslmode=require", p.get("datasources.default.url"));
        assertEquals("app", p.get("datasources.default.username"));
        assertEquals("p@ss", p.get("datasources.default.password"));
    }

    @Test
    void aConfiguredDatabaseStartsNoEmbeddedServer() throws Exception {
        DatabaseSettings settings = DatabaseSettings.resolve(Map.of("DATABASE_URL", "jdbc:postgresql://h/db"),
                new DataHome(java.nio.file.Path.of("/nonexistent-home")));
        assertFalse(settings.embedded());
    }

    @Test
    void anotherSchemeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DatabaseSettings.fromDatabaseUrl("mysql://h/db", Map.of()));
    }
}
