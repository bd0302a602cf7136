package cn.landbalance.api.market;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.journey.County;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import cn.landbalance.api.support.journey.Township;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A listing never offers what the township does not have: a violation's freeze or a self-restore takes the area off the
 * listings of the lots it touches, in the same transaction and with an event, and an order goes to the listings that
 * can serve it. The invariants audit checks the law.
 */
@MicronautTest(transactional = false)
class ListingsStayBackedTest extends ApiTest {
    private Township gongchangOfficer;
    private Township wenfengOfficer;
    private long gongchang;
    private long wenfeng;

    @BeforeAll
    void townships() {
        gongchangOfficer = township("officer_gongchang");
        wenfengOfficer = township("officer_wenfeng");
        gongchang = gongchangOfficer.id();
        wenfeng = wenfengOfficer.id();
    }

    @Test
    void aFreezeTakesTheAreaOffTheListingsAndOrdersGoToListingsThatCanServe() throws Exception {
        acceptedLot("officer_gongchang", gongchang, "旱地", 19_313, 9);
        long dead = gongchangOfficer.lists(19_313, 5_000_000);
        acceptedLot("officer_wenfeng", wenfeng, "旱地", 5_000, 9);
        long alive = wenfengOfficer.lists(5_000, 5_000_000);

        County admin = county();
        Response frozen = admin.tryOpenCase(gongchang, 19_313, "LIST-1", "违法占用");
        assertEquals(201, frozen.status(), frozen.body());
        assertEquals(19_313, frozen.number("frozenM2"));
        assertEquals(0, admin.get("/api/townships/" + gongchang + "/inventory").number("availableM2"));
        assertEquals(0, remaining(dead), "the listing offers nothing the township no longer has");
        assertEquals(5_000, remaining(alive));
        assertEquals(1, events("indicator.listing_reduced", "FROZEN"), "one event for the reduction");
        assertInvariantsHold();

        // an enterprise in 巩昌镇 buys: its own township's listing is dead, the other township's serves it
        long application = declaredOutflow(gongchang, 2_000);
        Response order = enterprise("enterprise_coop").tryOrder(application, 2_000);
        assertEquals(201, order.status(), order.body());
        for (JsonNode a : order.json().get("allocations")) {
            assertEquals(wenfeng, a.get("townshipId").asLong());
        }
        assertEquals(3_000, remaining(alive));

        // restoring the land unfreezes: the area is available again, not listed again (the township lists it anew)
        long caseId = frozen.number("id");
        assertEquals(200, admin.tryRestoreCase(caseId, 19_313, "拆除复垦").status());
        assertEquals(0, remaining(dead));
        assertEquals(201, gongchangOfficer.tryList(19_313, 5_000_000).status());
        assertInvariantsHold();
    }

    @Test
    void aSelfRestoreTakesTheAreaOffTheLotsListingNewestFirst() throws Exception {
        long lot = acceptedLot("officer_wenfeng", wenfeng, "旱地", 3_000, 8);
        long older = wenfengOfficer.lists(1_000, 5_000_000);
        long newer = wenfengOfficer.lists(2_000, 5_000_000);
        long own = wenfengOfficer.filesOutflow(OutflowDeclaration.in(wenfeng).withUse("PLANTING_ADJUSTMENT", "果园")
                .withArea(1_100));
        Response restored = wenfengOfficer.trySelfRestore(own, lot, 1_100);
        assertEquals(200, restored.status(), restored.body());
        assertEquals(1_000, remaining(older), "the older listing keeps what buyers saw first");
        assertEquals(900, remaining(newer));
        assertTrue(events("indicator.listing_reduced", "SELF_RESTORED") >= 1);
        assertInvariantsHold();
    }

    private void assertInvariantsHold() {
        JsonNode audit = api().get("/api/audit/invariants", login("county_admin")).json();
        assertTrue(audit.get("ok").asBoolean(), audit.toString());
        assertTrue(audit.toString().contains("listed area is backed by available area"), audit.toString());
    }

    private long remaining(long listingId) {
        for (JsonNode l : api().get("/api/listings?countyId=" + countyId() + "&all=true&size=500", login("county_admin"))
                .json().get("items")) {
            if (l.get("id").asLong() == listingId) {
                return l.get("remainingM2").asLong();
            }
        }
        throw new AssertionError("no listing " + listingId);
    }

    private long events(String type, String payloadContains) throws Exception {
        var ctx = server.getApplicationContext();
        try (Connection c = DriverManager.getConnection(ctx.getRequiredProperty("datasources.default.url", String.class),
                ctx.getRequiredProperty("datasources.default.username", String.class),
                ctx.getProperty("datasources.default.password", String.class).orElse(""));
             var ps = c.prepareStatement("select count(*) from outbox_event where type = ? and payload::text like ?")) {
            ps.setString(1, type);
            ps.setString(2, "%" + payloadContains + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
