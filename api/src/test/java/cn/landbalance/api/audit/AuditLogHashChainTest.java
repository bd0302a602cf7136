package cn.landbalance.api.audit;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Json;
import cn.landbalance.infra.audit.AuditChain;
import cn.landbalance.infra.audit.AuditSealer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every state change leaves an audit entry naming who made it; the entries are sealed into a hash chain; the log
 * refuses updates and deletes; and when someone edits an entry behind the database's back, the verification (the
 * endpoint and the command's code) names the first broken link.
 */
@MicronautTest(transactional = false)
class AuditLogHashChainTest extends ApiTest {
    @Inject
    AuditSealer sealer;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("landbalance.audit.seal-interval", "1h");
    }

    @Test
    void changesAreAuditedChainedAndTamperingIsFound() throws SQLException {
        long county = countyId();
        String admin = login("county_admin");
        long township = api().get("/api/me", login("officer_gongchang")).number("regionId");
        acceptedLot("officer_gongchang", township, "旱地", 10_000, 10);
        assertEquals(200, api().put("/api/counties/" + county + "/assessment-plans/2026", admin,
                Json.object("basePoints", 100, "maxBonusPoints", 10, "tasks", Json.array())).status());
        assertEquals(201, api().post("/api/listings", login("officer_gongchang"),
                Json.object("townshipId", township, "areaM2", 1000, "pricePerMuFen", 5_000_000)).status());

        while (sealer.seal() > 0) {
            // seal everything written so far
        }
        Response chain = api().get("/api/audit/chain", admin);
        assertEquals(200, chain.status(), chain.body());
        assertTrue(chain.json().get("ok").asBoolean(), chain.body());
        assertEquals(0, chain.number("unsealed"));
        long sealed = chain.number("sealed");
        assertTrue(sealed > 5, "demo data, the inflow project, the lot, the plan and the listing: " + sealed);

        try (Connection c = connect()) {
            // who did what
            assertEquals("officer_gongchang", single(c, "select actor from audit_entry where action = 'inflow_project.created'"));
            assertEquals("county_admin", single(c, "select actor from audit_entry where action = 'assessment_plan.saved'"));
            assertEquals("officer_gongchang", single(c, "select actor from audit_entry where action = 'indicator.listed'"
                    + " or action like 'indicator.listing%' order by id limit 1"));
            assertFalse(single(c, "select string_agg(payload, '') from audit_entry where action = 'user.created'").contains("$2"),
                    "no password hash in the log");
            // append-only
            SQLException update = assertThrows(SQLException.class, () -> c.createStatement()
                    .execute("update audit_entry set actor = 'someone_else' where seq = 3"));
            assertTrue(update.getMessage().contains("immutable"), update.getMessage());
            assertThrows(SQLException.class, () -> c.createStatement().execute("delete from audit_entry where seq = 4"));

            assertTrue(AuditChain.verify(c).ok());
            // tampering behind the trigger's back (a superuser disabling it) is found at the first edited entry
            try (Statement s = c.createStatement()) {
                s.execute("set session_replication_role = replica");
                s.execute("update audit_entry set payload = payload || ' ' where seq = (select min(seq) from"
                        + " audit_entry where action like 'indicator.listing%' or action = 'indicator.listed')");
                s.execute("set session_replication_role = origin");
            }
            long tampered = Long.parseLong(single(c, "select min(seq)::text from audit_entry where action like 'indicator.listing%'"
                    + " or action = 'indicator.listed'"));
            AuditChain.Verification broken = AuditChain.verify(c);
            assertFalse(broken.ok());
            assertEquals(tampered, broken.firstBrokenSeq());
            assertNotNull(broken.problem());
        }
        Response after = api().get("/api/audit/chain", admin);
        assertFalse(after.json().get("ok").asBoolean());
        assertTrue(after.json().get("firstBrokenSeq").asLong() > 0);
    }

    private Connection connect() throws SQLException {
        var ctx = server.getApplicationContext();
        return DriverManager.getConnection(ctx.getRequiredProperty("datasources.default.url", String.class),
                ctx.getRequiredProperty("datasources.default.username", String.class),
                ctx.getProperty("datasources.default.password", String.class).orElse(""));
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
