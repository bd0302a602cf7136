package cn.landbalance.api.market;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A payment over several lots (one township's notice, confirmed by its finance) adds one coverage per lot in one
 * transaction: each announces the covered area after it (the running total the database keeps under the application's
 * lock), and the obligation is announced covered once, by the last.
 */
@MicronautTest(transactional = false)
class PaymentOverSeveralLotsTest extends ApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    DSLContext db;

    @Test
    void eachCoverageAnnouncesTheCoveredTotalAfterItAndTheObligationIsCoveredOnce() {
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        Response created = enterprise("enterprise_coop").tryFileOutflow(OutflowDeclaration.in(gongchang).withArea(5000));
        assertEquals(201, created.status(), created.body());
        long app = created.number("id");
        long required = created.json().get("obligation").get("requiredM2").asLong();
        acceptedLot("officer_gongchang", gongchang, "旱地", required / 2, 9);
        acceptedLot("officer_gongchang", gongchang, "旱地", required, 9);
        Response listed = township("officer_gongchang").tryList(required / 2 + required, 5_000_000);
        assertEquals(201, listed.status(), listed.body());

        Response order = enterprise("enterprise_coop").tryOrder(app, required);
        assertEquals(201, order.status(), order.body());
        int allocations = order.json().get("allocations").size();
        assertEquals(2, allocations, "the order takes the older, smaller lot and part of the other: " + order.body());
        JsonNode notices = order.json().get("notices");
        assertEquals(1, notices.size(), "both lots are 巩昌镇's: one notice for the two");
        assertEquals(required, notices.get(0).get("areaM2").asLong());
        assertEquals(order.number("amountFen"), notices.get(0).get("amountFen").asLong());
        Response paid = new Finance(api(), this::login).settleOrder(order.number("id"), "SEVERAL-LOTS-" + app,
                login("enterprise_coop"));
        assertEquals("SETTLED", paid.string("status"), paid.body());

        List<JsonNode> added = events("obligation.coverage_added", app);
        assertEquals(allocations, added.size(), "one coverage per allocation");
        long running = 0;
        for (JsonNode e : added) {
            running += e.get("areaM2").asLong();
            assertEquals(running, e.get("coveredM2").asLong(), "the covered area after each coverage");
        }
        assertEquals(required, running);
        List<JsonNode> covered = events("obligation.covered", app);
        assertEquals(1, covered.size(), "covered once, by the last coverage");
        assertEquals(required, covered.get(0).get("coveredM2").asLong());
        assertTrue(api().get("/api/audit/invariants", login("county_admin")).json().get("ok").asBoolean());
    }

    private List<JsonNode> events(String type, long applicationId) {
        return tx.executeRead(status -> db.fetch("select payload from outbox_event where type = ? and aggregate_id = ? "
                        + "and aggregate_type = 'outflow-application' order by id", type, applicationId)
                .getValues(0, String.class)).stream().map(PaymentOverSeveralLotsTest::json).toList();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
