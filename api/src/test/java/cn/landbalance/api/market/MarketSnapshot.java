package cn.landbalance.api.market;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the market of a county shows at one moment, as plain values: read from the system ({@link ObservedMarket}) or
 * expected by the {@link MarketModel} ({@link #expectedBy}). {@link #differences} compares two; {@link #brokenLaws}
 * checks the laws of docs/domain.md that hold between its parts, whoever made it.
 *
 * @param offers by "listing/lot": what one listing listed on one lot, still offers there, and what orders took of it
 *               (held or bought)
 * @param events how many domain events of each market type the county's outbox holds
 */
record MarketSnapshot(Map<Long, ListingRow> listings, Map<String, OfferRow> offers, Map<Long, LotRow> lots,
                      Map<Long, OrderRow> orders, Map<Long, Long> fundsFen, Map<Long, AppRow> apps,
                      Map<String, Long> events) {

    record ListingRow(long townshipId, String status, long listedM2, long remainingM2) {
    }

    record OfferRow(long listedM2, long remainingM2, long takenM2) {
    }

    record LotRow(long availableM2, long reservedM2, long frozenM2, long consumedM2) {
    }

    record AllocationRow(long lotId, long townshipId, long areaM2, long pricePerMuFen, long amountFen)
            implements Comparable<AllocationRow> {
        @Override
        public int compareTo(AllocationRow o) {
            return java.util.Comparator.comparingLong(AllocationRow::lotId).thenComparingLong(AllocationRow::pricePerMuFen)
                    .thenComparingLong(AllocationRow::areaM2).compare(this, o);
        }
    }

    record NoticeRow(long id, long townshipId, long areaM2, long amountFen, String status) implements Comparable<NoticeRow> {
        @Override
        public int compareTo(NoticeRow o) {
            return Long.compare(townshipId, o.townshipId);
        }
    }

    record OrderRow(long applicationId, long buyerOrgId, String status, long areaM2, long amountFen, long paidFen,
                    List<AllocationRow> allocations, List<NoticeRow> notices) {
        /** Reserved and unpaid: the order waits for money and the notice of this part's township is not paid. */
        boolean holds(AllocationRow a) {
            return status.equals(MarketModelParts.PENDING) && notices.stream()
                    .noneMatch(n -> n.townshipId() == a.townshipId() && n.status().equals("PAID"));
        }
    }

    record AppRow(String status, long requiredM2, long coveredM2) {
    }

    static String offerKey(long listingId, long lotId) {
        return listingId + "/" + lotId;
    }

    /** What the model says the system must show. */
    static MarketSnapshot expectedBy(MarketModel model) {
        Map<String, Long> taken = new TreeMap<>();
        for (MarketModelParts.Order order : model.orders.values()) {
            for (MarketModelParts.Allocation a : order.allocations) {
                if (order.takes(a)) {
                    taken.merge(offerKey(a.offer().listing.id, a.offer().lot.id), a.areaM2(), Long::sum);
                }
            }
        }
        Map<Long, ListingRow> listings = new TreeMap<>();
        Map<String, OfferRow> offers = new TreeMap<>();
        for (MarketModelParts.Listing l : model.listings.values()) {
            long remaining = l.open ? l.offers.stream().mapToLong(o -> o.remainingM2).sum() : 0;
            listings.put(l.id, new ListingRow(l.townshipId, l.open ? "OPEN" : "WITHDRAWN", l.listedM2, remaining));
            for (MarketModelParts.Offer o : l.offers) {
                String key = offerKey(l.id, o.lot.id);
                offers.put(key, new OfferRow(o.listedM2, o.remainingM2, taken.getOrDefault(key, 0L)));
            }
        }
        Map<Long, LotRow> lots = new TreeMap<>();
        model.lots.values().forEach(l -> lots.put(l.id, new LotRow(l.availableM2, l.reservedM2, l.frozenM2, l.consumedM2)));
        Map<Long, OrderRow> orders = new TreeMap<>();
        for (MarketModelParts.Order o : model.orders.values()) {
            List<AllocationRow> allocations = o.allocations.stream().map(a -> new AllocationRow(a.offer().lot.id,
                    a.offer().lot.townshipId, a.areaM2(), a.offer().listing.pricePerMuFen, a.amountFen())).sorted().toList();
            List<NoticeRow> notices = o.notices.values().stream()
                    .map(n -> new NoticeRow(n.id, n.townshipId, n.areaM2, n.amountFen, n.status)).sorted().toList();
            long paid = o.notices.values().stream().filter(n -> n.status.equals("PAID")).mapToLong(n -> n.amountFen).sum();
            orders.put(o.id, new OrderRow(o.app.id, o.buyerOrgId, o.status, o.areaM2(), o.amountFen(), paid, allocations,
                    notices));
        }
        Map<Long, AppRow> apps = new TreeMap<>();
        model.apps.values().forEach(a -> apps.put(a.id, new AppRow(a.withdrawn ? "WITHDRAWN" : "DRAFT", a.requiredM2,
                a.coveredM2)));
        return new MarketSnapshot(listings, offers, lots, orders, new TreeMap<>(model.fundsFen), apps,
                new TreeMap<>(model.events));
    }

    /** Each part of the snapshots that differs, entry by entry. */
    static List<String> differences(MarketSnapshot expected, MarketSnapshot actual) {
        List<String> out = new ArrayList<>();
        compare("listing", expected.listings, actual.listings, out);
        compare("offer", expected.offers, actual.offers, out);
        compare("lot", expected.lots, actual.lots, out);
        compare("order", expected.orders, actual.orders, out);
        compare("fund of township", expected.fundsFen, actual.fundsFen, out);
        compare("application", expected.apps, actual.apps, out);
        compare("events", expected.events, actual.events, out);
        return out;
    }

    private static <K, V> void compare(String what, Map<K, V> expected, Map<K, V> actual, List<String> out) {
        TreeSet<String> keys = new TreeSet<>();
        expected.keySet().forEach(k -> keys.add(k.toString()));
        actual.keySet().forEach(k -> keys.add(k.toString()));
        Map<String, V> e = byText(expected);
        Map<String, V> a = byText(actual);
        for (String k : keys) {
            if (!Objects.equals(e.get(k), a.get(k))) {
                out.add(what + " " + k + ": expected " + e.get(k) + " but was " + a.get(k));
            }
        }
    }

    private static <K, V> Map<String, V> byText(Map<K, V> map) {
        Map<String, V> out = new HashMap<>();
        map.forEach((k, v) -> out.put(k.toString(), v));
        return out;
    }

    /**
     * The laws that hold between the parts: no bucket negative; on every lot what open listings offer is no more than
     * it has available, and what it has reserved is what unpaid orders hold there; no listing gives more than it
     * listed (offered + taken ≤ listed); every amount is area × price in whole fen, an order's the sum of its parts, a
     * notice's the sum of its township's parts; an order is settled exactly when every notice is paid; each fund
     * holds exactly the notices paid to it, less those refunded when their application was withdrawn (the only money
     * the test moves); no obligation is covered, or covered and held together, beyond what it requires.
     */
    List<String> brokenLaws() {
        List<String> broken = new ArrayList<>();
        Map<Long, Long> offered = new HashMap<>();
        offers.forEach((key, o) -> {
            long listingId = Long.parseLong(key.substring(0, key.indexOf('/')));
            if (o.remainingM2() < 0 || o.remainingM2() + o.takenM2() > o.listedM2()) {
                broken.add("offer " + key + " gives more than it listed: " + o);
            }
            if (listings.get(listingId).status().equals("OPEN")) {
                offered.merge(Long.parseLong(key.substring(key.indexOf('/') + 1)), o.remainingM2(), Long::sum);
            }
        });
        Map<Long, Long> held = new HashMap<>();
        Map<Long, Long> heldForApp = new HashMap<>();
        Map<Long, Long> paidTo = new HashMap<>();
        orders.forEach((id, o) -> checkOrder(id, o, apps.get(o.applicationId()), held, heldForApp, paidTo, broken));
        lots.forEach((id, lot) -> {
            if (lot.availableM2() < 0 || lot.reservedM2() < 0 || lot.frozenM2() < 0 || lot.consumedM2() < 0) {
                broken.add("lot " + id + " has a negative bucket: " + lot);
            }
            if (offered.getOrDefault(id, 0L) > lot.availableM2()) {
                broken.add("lot " + id + " offers " + offered.get(id) + " m² with " + lot.availableM2() + " m² available");
            }
            if (held.getOrDefault(id, 0L) != lot.reservedM2()) {
                broken.add("lot " + id + " reserves " + lot.reservedM2() + " m², unpaid orders hold " + held.get(id));
            }
        });
        fundsFen.forEach((township, fen) -> {
            if (fen.longValue() != paidTo.getOrDefault(township, 0L)) {
                broken.add("fund of " + township + " holds " + fen + " fen, the notices paid to it " + paidTo.get(township));
            }
        });
        apps.forEach((id, app) -> {
            if (app.coveredM2() + heldForApp.getOrDefault(id, 0L) > app.requiredM2()) {
                broken.add("application " + id + " covered " + app.coveredM2() + " m² and held " + heldForApp.get(id)
                        + " m² of " + app.requiredM2() + " m²");
            }
        });
        return broken;
    }

    private static void checkOrder(long id, OrderRow o, AppRow app, Map<Long, Long> held, Map<Long, Long> heldForApp,
                                   Map<Long, Long> paidTo, List<String> broken) {
        long area = 0;
        long amount = 0;
        Map<Long, long[]> byTownship = new HashMap<>();
        for (AllocationRow a : o.allocations()) {
            if (a.amountFen() != MarketModel.amountFen(a.areaM2(), a.pricePerMuFen())) {
                broken.add("order " + id + ": " + a.areaM2() + " m² at " + a.pricePerMuFen() + " fen/亩 cost " + a.amountFen());
            }
            area += a.areaM2();
            amount += a.amountFen();
            long[] t = byTownship.computeIfAbsent(a.townshipId(), k -> new long[2]);
            t[0] += a.areaM2();
            t[1] += a.amountFen();
            if (o.holds(a)) {
                held.merge(a.lotId(), a.areaM2(), Long::sum);
                heldForApp.merge(o.applicationId(), a.areaM2(), Long::sum);
            }
        }
        if (area != o.areaM2() || amount != o.amountFen()) {
            broken.add("order " + id + " is not the sum of its allocations: " + o);
        }
        long paid = 0;
        for (NoticeRow n : o.notices()) {
            long[] t = byTownship.remove(n.townshipId());
            if (t == null || t[0] != n.areaM2() || t[1] != n.amountFen()) {
                broken.add("order " + id + ": notice " + n + " is not its township's allocations");
            }
            if (n.status().equals("PAID")) {
                paid += n.amountFen();
                if (!app.status().equals("WITHDRAWN")) {
                    paidTo.merge(n.townshipId(), n.amountFen(), Long::sum);
                }
            }
        }
        if (!byTownship.isEmpty()) {
            broken.add("order " + id + " sells from townships without a notice: " + byTownship.keySet());
        }
        boolean allPaid = o.notices().stream().allMatch(n -> n.status().equals("PAID"));
        boolean anyOpen = o.notices().stream().anyMatch(n -> n.status().equals("OPEN"));
        boolean consistent = switch (o.status()) {
            case "SETTLED" -> allPaid;
            case MarketModelParts.PENDING -> anyOpen;
            default -> !anyOpen;
        };
        if (!consistent || paid != o.paidFen()) {
            broken.add("order " + id + " is " + o.status() + " with notices " + o.notices() + ", paid " + o.paidFen());
        }
    }
}
