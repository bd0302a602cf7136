package cn.landbalance.infra.testing;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestPostgresTest {
    @Test
    void theHarnessGivesARealPostgresqlAndAFreshDatabaseEachTime() throws Exception {
        TestPostgres postgres = TestPostgres.get();
        Map<String, String> first = postgres.newDatabaseProperties();
        Map<String, String> second = postgres.newDatabaseProperties();
        assertNotEquals(first.get("datasources.default.url"), second.get("datasources.default.url"));
        try (Connection c = DriverManager.getConnection(first.get("datasources.default.url"),
                first.get("datasources.default.username"), first.get("datasources.default.password"));
             ResultSet rs = c.createStatement().executeQuery("select version()")) {
            rs.next();
            assertTrue(rs.getString(1).startsWith("PostgreSQL"), rs.getString(1));
        }
        System.getLogger("test").log(System.Logger.Level.INFO, "PostgreSQL source: " + postgres.source());
    }
}
