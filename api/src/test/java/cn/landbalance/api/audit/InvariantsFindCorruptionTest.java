package cn.landbalance.api.audit;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conservation checks of /api/audit/invariants can fail: rows edited behind the application's back (a superuser,
 * triggers off) are named by the law they break — in their own county only, since each county's audit reads its own
 * rows.
 */
@MicronautTest(transactional = false)
class InvariantsFindCorruptionTest extends ApiTest {

    @Test
    void editsBehindTheLedgersBackBreakTheNamedLawsOfThatCountyOnly() throws SQLException {
        createSecondCounty();
        long township = api().get("/api/me", login("officer_gongchang")).number("regionId");
        long lot = acceptedLot("officer_gongchang", township, "旱地", 10_000, 10);
        Response application = township("officer_gongchang").tryFileOutflow(orchard(township, 500));
        assertEquals(201, application.status(), application.body());
        assertTrue(invariants("county_admin").get("ok").asBoolean());
        assertTrue(invariants("weiyuan_admin").get("ok").asBoolean());

        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            // 1 m² moved from available to consumed with no movement: the buckets still add up to what was issued
            s.execute("update indicator_lot set available_m2 = available_m2 - 1, consumed_m2 = consumed_m2 + 1 where id = " + lot);
            // one fen appears in the township's fund with no transfer
            s.execute("insert into fund_account (kind, owner_region_id, county_id, balance_fen) values ('TOWNSHIP_FUND', "
                    + township + ", (select parent_id from region where id = " + township + "), 1)"
                    + " on conflict (kind, owner_region_id) do update set balance_fen = fund_account.balance_fen + 1");
            // one fen paid out of the fund as an expense nobody proposed or approved
            s.execute("insert into fund_account (kind, owner_region_id, county_id, balance_fen) select 'EXPENSE_CLEARING', "
                    + "parent_id, parent_id, 0 from region where id = " + township + " on conflict (kind, owner_region_id) do nothing");
            s.execute("insert into money_transfer (debit_account_id, credit_account_id, amount_fen, kind, reference, memo, "
                    + "created_at) select f.id, x.id, 1, 'EXPENSE', 'RAW-OUT-1', 'raw', now() from fund_account f, fund_account x "
                    + "where f.kind = 'TOWNSHIP_FUND' and f.owner_region_id = " + township + " and x.kind = 'EXPENSE_CLEARING' "
                    + "and x.owner_region_id = f.county_id");
            // an application's covered area grows by 1 m² with no coverage behind it
            s.execute("update outflow_application set covered_m2 = covered_m2 + 1 where id = " + application.number("id"));
            s.execute("set session_replication_role = origin");
        }

        JsonNode longxi = invariants("county_admin");
        assertFalse(longxi.get("ok").asBoolean(), longxi.toString());
        assertEquals("1 lots whose buckets differ from their movements", detail(longxi, "lot buckets equal the sums of their movements"));
        assertEquals("ok", detail(longxi, "issued = available + reserved + frozen + consumed + deducted + revoked"));
        assertEquals("1 accounts differ from their transfers", detail(longxi, "money: balances equal their transfers"));
        // the fen that appeared, and the fen the raw expense paid out without taking it off the fund's balance
        assertEquals("sum of balances 2 fen", detail(longxi, "money: all balances sum to zero"));
        assertEquals("1 applications whose covered area differs from their coverages",
                detail(longxi, "obligations: covered area equals the sum of the coverages"));
        assertEquals("ok", detail(longxi, "obligations: none covered beyond what it requires"));
        assertEquals("1 expenses nobody approved", detail(longxi, "money: every expense out of a fund was approved by the "
                + "county and paid, or is a bank statement line booked by finance"));
        assertTrue(invariants("weiyuan_admin").get("ok").asBoolean(), "another county's audit is not affected");
    }

    /** The database itself refuses a coverage beyond the obligation, whatever the application code does. */
    @Test
    void theDatabaseRefusesToCoverAnObligationBeyondWhatItRequires() throws SQLException {
        long township = api().get("/api/me", login("officer_gongchang")).number("regionId");
        Response created = township("officer_gongchang").tryFileOutflow(orchard(township, 800));
        assertEquals(201, created.status(), created.body());
        long application = created.number("id");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            long required = scalar(s, "select required_m2 from outflow_application where id = " + application);
            assertTrue(required > 1, "an obligation to cover");
            s.execute(coverage(application, township, required - 1));
            assertEquals(required - 1, scalar(s, "select covered_m2 from outflow_application where id = " + application));
            SQLException miscounted = assertThrows(SQLException.class, () -> s.execute("with a as (update outflow_application "
                    + "set covered_m2 = covered_m2 + 1 where id = " + application + " returning covered_m2) insert into "
                    + "outflow_coverage (application_id, kind, area_m2, ref, township_id, created_at, covered_after_m2) "
                    + "select " + application + ", 'FEE', 1, 'db-test', " + township + ", now(), a.covered_m2 + 7 from a"));
            assertTrue(miscounted.getMessage().contains("covered after it"), miscounted.getMessage());
            SQLException refused = assertThrows(SQLException.class, () -> s.execute(coverage(application, township, 2)));
            assertTrue(refused.getMessage().contains("over-covered"), refused.getMessage());
            assertEquals(required - 1, scalar(s, "select covered_m2 from outflow_application where id = " + application));
            s.execute(coverage(application, township, 1));
            assertEquals(required, scalar(s, "select covered_m2 from outflow_application where id = " + application));
            assertEquals(required, scalar(s, "select sum(area_m2) from outflow_coverage where application_id = " + application));
            assertEquals(required, scalar(s, "select covered_after_m2 from outflow_coverage where application_id = "
                    + application + " order by id desc limit 1"), "each coverage keeps the covered area after it");
            SQLException unbooked = assertThrows(SQLException.class, () -> s.execute("insert into outflow_coverage "
                    + "(application_id, kind, area_m2, ref, township_id, created_at, covered_after_m2) values (" + application
                    + ", 'FEE', 1, 'db-test', " + township + ", now(), " + (required + 1) + ")"));
            assertTrue(unbooked.getMessage().contains("sum to"), "a coverage the application's covered area does not count: "
                    + unbooked.getMessage());
            assertEquals(required, scalar(s, "select covered_m2 from outflow_application where id = " + application));
        }
    }

    /** A coverage as the code adds one: the application's covered area and the coverage in one statement. */
    private static String coverage(long application, long township, long areaM2) {
        return "with a as (update outflow_application set covered_m2 = covered_m2 + " + areaM2 + " where id = " + application
                + " returning covered_m2) insert into outflow_coverage (application_id, kind, area_m2, ref, township_id, "
                + "created_at, covered_after_m2) select " + application + ", 'FEE', " + areaM2 + ", 'db-test', " + township
                + ", now(), a.covered_m2 from a";
    }

    private static long scalar(Statement s, String sql) throws SQLException {
        try (var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private JsonNode invariants(String admin) {
        Response r = api().get("/api/audit/invariants", login(admin));
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static String detail(JsonNode invariants, String name) {
        for (JsonNode check : invariants.get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check.get("detail").asText();
            }
        }
        throw new AssertionError("no check named " + name + " in " + invariants);
    }

    private Connection connect() throws SQLException {
        var ctx = server.getApplicationContext();
        return DriverManager.getConnection(ctx.getRequiredProperty("datasources.default.url", String.class),
                ctx.getRequiredProperty("datasources.default.username", String.class),
                ctx.getProperty("datasources.default.password", String.class).orElse(""));
    }

    /** The township's own grade-10 land turned into an orchard (果园), a change of planting. */
    private static OutflowDeclaration orchard(long township, long areaM2) {
        return OutflowDeclaration.in(township).withUse("PLANTING_ADJUSTMENT", "果园").withArea(areaM2).withGrade(10);
    }
}
