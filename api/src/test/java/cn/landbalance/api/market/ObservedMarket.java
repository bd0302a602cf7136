package cn.landbalance.api.market;

import cn.landbalance.api.support.ApiClient;
import cn.landbalance.ledger.indicator.IndicatorLot;
import cn.landbalance.ledger.indicator.IndicatorQueries;
import cn.landbalance.ledger.indicator.LotBalances;
import cn.landbalance.ledger.money.MoneyQueries;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The county's market as the system shows it: listings, orders with their notices and obligations through the API as
 * the county admin reads them; the lots' buckets and the funds through the ledgers' own queries (what the inventory
 * and account screens show, read in one transaction: three requests per township per step were a third of the run);
 * what each listing offers on each lot, and the outbox's market events, from the database (no screen shows them).
 */
final class ObservedMarket {
    /** The domain events the market announces (docs/events). */
    static final List<String> EVENT_TYPES = List.of("indicator.listed", "indicator.listing_withdrawn",
            "indicator.listing_reduced", "order.placed", "order.paid", "order.settled", "order.expired", "order.cancelled");

    private final ApiClient api;
    private final String adminToken;
    private final TransactionOperations<Connection> tx;
    private final IndicatorQueries lotQueries;
    private final MoneyQueries moneyQueries;
    private final long countyId;

    ObservedMarket(ApiClient api, String adminToken, TransactionOperations<Connection> tx, IndicatorQueries lotQueries,
                   MoneyQueries moneyQueries, long countyId) {
        this.api = api;
        this.adminToken = adminToken;
        this.tx = tx;
        this.lotQueries = lotQueries;
        this.moneyQueries = moneyQueries;
        this.countyId = countyId;
    }

    MarketSnapshot read(Collection<Long> townships, Collection<Long> applications) {
        Map<Long, MarketSnapshot.ListingRow> listings = new TreeMap<>();
        for (JsonNode l : items("/api/listings?countyId=" + countyId + "&all=true&size=500")) {
            listings.put(l.get("id").asLong(), new MarketSnapshot.ListingRow(l.get("townshipId").asLong(),
                    l.get("status").asText(), l.get("listedM2").asLong(), l.get("remainingM2").asLong()));
        }
        Map<Long, MarketSnapshot.LotRow> lots = new TreeMap<>();
        Map<Long, Long> funds = new TreeMap<>();
        tx.executeRead(status -> {
            for (long township : townships) {
                for (IndicatorLot lot : lotQueries.lotsOwnedBy(township)) {
                    LotBalances b = lot.balances();
                    lots.put(lot.id(), new MarketSnapshot.LotRow(b.availableM2(), b.reservedM2(), b.frozenM2(),
                            b.consumedM2()));
                }
                funds.put(township, moneyQueries.townshipAccount(township).balanceFen());
            }
            return null;
        });
        Map<Long, MarketSnapshot.AppRow> apps = new TreeMap<>();
        for (JsonNode a : items("/api/outflow-applications?size=500")) {
            if (applications.contains(a.get("id").asLong())) {
                JsonNode obligation = a.get("obligation");
                apps.put(a.get("id").asLong(), new MarketSnapshot.AppRow(a.get("status").asText(),
                        obligation.get("requiredM2").asLong(), obligation.get("coveredM2").asLong()));
            }
        }
        return new MarketSnapshot(listings, offers(), lots, orders(), funds, apps, events());
    }

    /** The county's own audit of its ledgers (/api/audit/invariants): the checks that fail, none when all hold. */
    List<String> failedAudit() {
        List<String> failed = new ArrayList<>();
        for (JsonNode check : get("/api/audit/invariants").get("checks")) {
            if (!check.get("ok").asBoolean()) {
                failed.add(check.get("name").asText() + ": " + check.get("detail").asText());
            }
        }
        return failed;
    }

    private Map<Long, MarketSnapshot.OrderRow> orders() {
        Map<Long, MarketSnapshot.OrderRow> orders = new TreeMap<>();
        for (JsonNode o : items("/api/orders?size=500")) {
            List<MarketSnapshot.AllocationRow> allocations = new ArrayList<>();
            for (JsonNode a : o.get("allocations")) {
                allocations.add(new MarketSnapshot.AllocationRow(a.get("lotId").asLong(), a.get("townshipId").asLong(),
                        a.get("areaM2").asLong(), a.get("pricePerMuFen").asLong(), a.get("amountFen").asLong()));
            }
            List<MarketSnapshot.NoticeRow> notices = new ArrayList<>();
            for (JsonNode n : o.get("notices")) {
                notices.add(new MarketSnapshot.NoticeRow(n.get("id").asLong(), n.get("townshipId").asLong(),
                        n.get("areaM2").asLong(), n.get("amountFen").asLong(), n.get("status").asText()));
            }
            orders.put(o.get("id").asLong(), new MarketSnapshot.OrderRow(o.get("outflowApplicationId").asLong(),
                    o.get("buyerOrgId").asLong(), o.get("status").asText(), o.get("areaM2").asLong(),
                    o.get("amountFen").asLong(), o.get("paidFen").asLong(), allocations.stream().sorted().toList(),
                    notices.stream().sorted().toList()));
        }
        return orders;
    }

    /**
     * Each listing's part on each lot, with what orders took of it: held by an order waiting for money, or bought
     * (its township's notice paid, whatever became of the order).
     */
    private Map<String, MarketSnapshot.OfferRow> offers() {
        return query("""
                select ll.listing_id, ll.lot_id, ll.listed_m2, ll.remaining_m2,
                       coalesce((select sum(a.area_m2) from order_allocation a join market_order o on o.id = a.order_id
                                 where a.listing_lot_id = ll.id
                                   and (o.status in ('PENDING_PAYMENT', 'SETTLED')
                                        or exists (select 1 from payment_notice p where p.order_id = o.id
                                                   and p.township_id = a.township_id and p.status = 'PAID'))), 0)
                from listing_lot ll join listing l on l.id = ll.listing_id
                where l.county_id = ?""", (rs, out) -> out.put(MarketSnapshot.offerKey(rs.getLong(1), rs.getLong(2)),
                new MarketSnapshot.OfferRow(rs.getLong(3), rs.getLong(4), rs.getLong(5))));
    }

    private Map<String, Long> events() {
        Map<String, Long> counts = query("select type, count(*) from outbox_event where county_id = ? group by type",
                (rs, out) -> out.put(rs.getString(1), rs.getLong(2)));
        counts.keySet().retainAll(EVENT_TYPES);
        return counts;
    }

    private interface Row<V> {
        void read(ResultSet rs, Map<String, V> out) throws SQLException;
    }

    /** Runs {@code sql} with the county's id as its one parameter, each row read into the map. */
    private <V> Map<String, V> query(String sql, Row<V> row) {
        return tx.executeRead(status -> {
            Map<String, V> out = new TreeMap<>();
            try (PreparedStatement st = status.getConnection().prepareStatement(sql)) {
                st.setLong(1, countyId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        row.read(rs, out);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
            return out;
        });
    }

    private JsonNode get(String path) {
        ApiClient.Response response = api.get(path, adminToken);
        if (response.status() != 200) {
            throw new AssertionError("GET " + path + " → " + response);
        }
        return response.json();
    }

    private JsonNode items(String path) {
        JsonNode page = get(path);
        if (page.get("total").asLong() > page.get("items").size()) {
            throw new AssertionError(path + " has more than one page: " + page.get("total"));
        }
        return page.get("items");
    }
}
