package cn.landbalance.api.ops;

import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.Enterprise;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import cn.landbalance.infra.audit.AuditChain;
import cn.landbalance.infra.audit.AuditSealer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/operations.md's backup and restore, done once for real: a live database with a settled purchase (its payment
 * notice confirmed by the township's finance) is dumped with pg_dump (custom format) and restored with pg_restore into
 * a new database; the ledgers, funds, payment notices and audit chain come back identical, and the restored audit
 * chain verifies.
 */
@MicronautTest(transactional = false)
class BackupAndRestoreTest extends ApiTest {
    private static final String[] TABLES = {"indicator_lot", "indicator_movement", "indicator_hold", "money_transfer",
            "fund_account", "outflow_application", "outflow_coverage", "market_order", "order_allocation", "listing",
            "payment_notice", "audit_entry", "outbox_event"};

    @Inject
    AuditSealer sealer;

    @Test
    void aDumpRestoresTheLedgersFundsAndAuditChainExactly() throws Exception {
        long township = api().get("/api/me", login("officer_gongchang")).number("regionId");
        acceptedLot("officer_gongchang", township, "旱地", 20_000, 10);
        assertEquals(201, api().post("/api/listings", login("officer_gongchang"),
                Json.object("townshipId", township, "areaM2", 5000, "pricePerMuFen", 5_000_000)).status());
        String enterprise = login("enterprise_coop");
        long app = api().post("/api/outflow-applications", enterprise,
                OutflowDeclaration.in(township).withUse("GREENING", "乔木林地").toJson()).number("id");
        api().post("/api/outflow-applications/" + app + "/declare", enterprise, null);
        var order = api().post("/api/orders", enterprise, Enterprise.order(app, 1000));
        assertEquals(201, order.status(), order.body());
        var settled = new Finance(api(), this::login).settleOrder(order.number("id"), "BACKUP-1", enterprise);
        assertEquals("SETTLED", settled.string("status"), settled.body());
        while (sealer.seal() > 0) {
            // the chain covers everything written
        }

        var ctx = server.getApplicationContext();
        String url = ctx.getRequiredProperty("datasources.default.url", String.class);
        String user = ctx.getRequiredProperty("datasources.default.username", String.class);
        String password = ctx.getProperty("datasources.default.password", String.class).orElse("");
        URI db = URI.create(url.substring("jdbc:".length()));
        String source = db.getPath().substring(1);
        String target = source + "_restored";
        Path dump = Files.createTempFile("landbalance-", ".dump");

        run(List.of("pg_dump", "-Fc", "-h", db.getHost(), "-p", Integer.toString(db.getPort()), "-U", user, "-f",
                dump.toString(), source), password);
        try (Connection admin = DriverManager.getConnection(url, user, password)) {
            admin.createStatement().execute("create database " + target);
        }
        run(List.of("pg_restore", "--exit-on-error", "-h", db.getHost(), "-p", Integer.toString(db.getPort()), "-U", user,
                "-d", target, dump.toString()), password);

        String restoredUrl = url.replace("/" + source, "/" + target);
        try (Connection live = DriverManager.getConnection(url, user, password);
             Connection restored = DriverManager.getConnection(restoredUrl, user, password)) {
            for (String table : TABLES) {
                String fingerprint = "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t.id)), '')"
                        + " from " + table + " t";
                assertEquals(single(live, fingerprint), single(restored, fingerprint), table);
            }
            assertTrue(Long.parseLong(single(restored, "select count(*) from market_order where status = 'SETTLED'")) == 1);
            AuditChain.Verification chain = AuditChain.verify(restored);
            assertTrue(chain.ok(), chain.toString());
            assertEquals(0, chain.unsealed());
        }
    }

    private static void run(List<String> command, String password) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", password);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), command + " timed out");
        assertEquals(0, p.exitValue(), command + ": " + output);
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
