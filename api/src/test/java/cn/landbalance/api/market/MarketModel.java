package cn.landbalance.api.market;

import cn.landbalance.api.market.MarketModelParts.Allocation;
import cn.landbalance.api.market.MarketModelParts.App;
import cn.landbalance.api.market.MarketModelParts.Case;
import cn.landbalance.api.market.MarketModelParts.Listing;
import cn.landbalance.api.market.MarketModelParts.Lot;
import cn.landbalance.api.market.MarketModelParts.Notice;
import cn.landbalance.api.market.MarketModelParts.Offer;
import cn.landbalance.api.market.MarketModelParts.Order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reference model of {@link MarketInvariantTest}: a county's lots, listings, orders with their payment notices,
 * township funds and obligations as docs/domain.md says they must be, kept by plain arithmetic. Each operation first
 * says whether the system must refuse it (the refusal code, in the system's order of precedence, or null) and, when
 * it must not, is applied with what the system answered (ids, dates). {@link MarketSnapshot#expectedBy} is what the
 * system must then show.
 */
final class MarketModel {
    final Map<Long, Lot> lots = new TreeMap<>();
    final Map<Long, Listing> listings = new TreeMap<>();
    final Map<Long, App> apps = new TreeMap<>();
    final Map<Long, Order> orders = new TreeMap<>();
    final Map<Long, Long> fundsFen = new TreeMap<>();
    final Map<Long, Case> openCases = new TreeMap<>();
    final Map<String, Long> events = new TreeMap<>();
    final Set<String> usedSerials = new HashSet<>();

    /** The market's price rule, computed here on its own: round_half_up(m² × fen per 亩 × 15 / 10 000). */
    static long amountFen(long areaM2, long pricePerMuFen) {
        return (2 * areaM2 * pricePerMuFen * 15 + 10_000) / 20_000;
    }

    void lot(Lot lot) {
        lots.put(lot.id, lot);
        fundsFen.putIfAbsent(lot.townshipId, 0L);
    }

    void app(App app) {
        apps.put(app.id, app);
    }

    void event(String type) {
        events.merge(type, 1L, Long::sum);
    }

    List<Lot> lotsOf(long townshipId) {
        return lots.values().stream().filter(l -> l.townshipId == townshipId).toList();
    }

    private long offeredOn(Lot lot) {
        return listings.values().stream().filter(l -> l.open).flatMap(l -> l.offers.stream())
                .filter(o -> o.lot == lot).mapToLong(o -> o.remainingM2).sum();
    }

    /** What the township may still list, lot by lot (oldest first): available and not offered by an open listing. */
    Map<Lot, Long> unlisted(long townshipId) {
        Map<Lot, Long> free = new LinkedHashMap<>();
        for (Lot lot : lotsOf(townshipId)) {
            free.put(lot, lot.availableM2 - offeredOn(lot));
        }
        return free;
    }

    String listRefusal(long townshipId, long areaM2, long pricePerMuFen, long guidePricePerMuFen) {
        if (pricePerMuFen < guidePricePerMuFen) {
            return "LISTING_PRICE_BELOW_GUIDE";
        }
        long free = unlisted(townshipId).values().stream().mapToLong(Long::longValue).sum();
        return areaM2 > free ? "INSUFFICIENT_UNLISTED_INDICATORS" : null;
    }

    Listing listed(long id, long townshipId, long areaM2, long pricePerMuFen) {
        Listing listing = new Listing(id, townshipId, pricePerMuFen, areaM2);
        long left = areaM2;
        for (Map.Entry<Lot, Long> free : unlisted(townshipId).entrySet()) {
            long part = Math.min(left, free.getValue());
            if (part > 0) {
                listing.offers.add(new Offer(listing, free.getKey(), part));
                left -= part;
            }
        }
        listings.put(id, listing);
        event("indicator.listed");
        return listing;
    }

    String withdrawRefusal(Listing listing) {
        return listing.open ? null : "LISTING_NOT_OPEN";
    }

    void withdrawn(Listing listing) {
        listing.open = false;
        event("indicator.listing_withdrawn");
    }

    /** The obligation neither covered nor in an order waiting for its money. */
    long open(App app) {
        long pending = orders.values().stream().filter(o -> o.app == app)
                .flatMap(o -> o.allocations.stream().filter(o::holds)).mapToLong(Allocation::areaM2).sum();
        return Math.max(0, app.requiredM2 - app.coveredM2) - pending;
    }

    /** The offers that may serve the application, in the order an order takes them. */
    List<Offer> eligible(App app) {
        return listings.values().stream().filter(l -> l.open).flatMap(l -> l.offers.stream())
                .filter(o -> o.remainingM2 > 0 && o.lot.availableM2 > 0 && o.lot.grade <= app.grade
                        && (!app.paddy || o.lot.paddy) && o.lot.vintage <= app.planYear)
                .sorted(Comparator.<Offer>comparingInt(o -> o.lot.townshipId == app.townshipId ? 0 : 1)
                        .thenComparingLong(o -> o.listing.pricePerMuFen)
                        .thenComparingLong(o -> o.listing.id)
                        .thenComparingLong(o -> o.lot.id))
                .toList();
    }

    long eligibleM2(App app) {
        return eligible(app).stream().mapToLong(o -> Math.min(o.remainingM2, o.lot.availableM2)).sum();
    }

    String orderRefusal(App app, long areaM2) {
        if (app.withdrawn) {
            return "APPLICATION_NOT_COVERABLE";
        }
        if (areaM2 > open(app)) {
            return "OBLIGATION_OVER_COVERED";
        }
        return areaM2 > eligibleM2(app) ? "INSUFFICIENT_LISTED_INDICATORS" : null;
    }

    /** What an order of {@code areaM2} for the application reserves, offer by offer. */
    List<Allocation> plan(App app, long areaM2) {
        List<Allocation> plan = new ArrayList<>();
        long left = areaM2;
        for (Offer o : eligible(app)) {
            long part = Math.min(left, Math.min(o.remainingM2, o.lot.availableM2));
            if (part > 0) {
                plan.add(new Allocation(o, part, amountFen(part, o.listing.pricePerMuFen)));
                left -= part;
            }
        }
        return plan;
    }

    Order placed(long id, App app, long buyerOrgId, List<Allocation> plan, Instant expiresAt) {
        for (Allocation a : plan) {
            a.offer().remainingM2 -= a.areaM2();
            a.offer().lot.availableM2 -= a.areaM2();
            a.offer().lot.reservedM2 += a.areaM2();
        }
        Order order = new Order(id, app, buyerOrgId, plan, expiresAt);
        orders.put(id, order);
        event("order.placed");
        return order;
    }

    /** The notices an order's plan must come with: one per selling township, its area and amount (by township). */
    static Map<Long, long[]> noticesOf(List<Allocation> plan) {
        Map<Long, long[]> notices = new TreeMap<>();
        for (Allocation a : plan) {
            long[] n = notices.computeIfAbsent(a.offer().lot.townshipId, t -> new long[2]);
            n[0] += a.areaM2();
            n[1] += a.amountFen();
        }
        return notices;
    }

    /**
     * Whether finance of {@code officerTownshipId} confirming this arrival for the notice is refused, in the system's
     * order. A repeated confirmation of a paid notice is not refused (see {@link #isRepeat}).
     */
    String payRefusal(Order order, Notice notice, long officerTownshipId, long amountFen, LocalDate receivedOn,
                      String serial, Instant now, LocalDate today) {
        if (officerTownshipId != notice.townshipId) {
            return "NOT_FOUND";
        }
        if (!notice.status.equals("OPEN")) {
            return "ILLEGAL_TRANSITION";
        }
        if (amountFen != notice.amountFen) {
            return "PAYMENT_AMOUNT_MISMATCH";
        }
        if (receivedOn.isBefore(notice.issuedOn.minusDays(1)) || receivedOn.isAfter(today)) {
            return "VALIDATION_FAILED";
        }
        if (usedSerials.contains(serial)) {
            return "PAYMENT_REFERENCE_REUSED";
        }
        if (!order.status.equals(MarketModelParts.PENDING)) {
            throw new AssertionError("the model has an open notice on order " + order.id + " that is " + order.status);
        }
        return !now.isBefore(order.expiresAt) && receivedOn.isAfter(notice.dueOn) ? "ORDER_EXPIRED" : null;
    }

    /** Confirming a paid notice again with its own serial and amount answers the paid notice and changes nothing. */
    static boolean isRepeat(Notice notice, long officerTownshipId, long amountFen, String serial) {
        return officerTownshipId == notice.townshipId && notice.status.equals("PAID") && serial.equals(notice.serial)
                && amountFen == notice.amountFen;
    }

    /** The notice is paid: its township's part of the order is consumed, covers the obligation and is booked. */
    void paid(Order order, Notice notice, String serial) {
        notice.status = "PAID";
        notice.serial = serial;
        usedSerials.add(serial);
        for (Allocation a : order.allocations) {
            if (a.offer().lot.townshipId == notice.townshipId) {
                a.offer().lot.reservedM2 -= a.areaM2();
                a.offer().lot.consumedM2 += a.areaM2();
                order.app.coveredM2 += a.areaM2();
                fundsFen.merge(notice.townshipId, a.amountFen(), Long::sum);
            }
        }
        if (order.notices.values().stream().allMatch(n -> n.status.equals("PAID"))) {
            order.status = "SETTLED";
            event("order.paid");
            event("order.settled");
        }
    }

    /** Who may cancel: the buyer, or a county admin; anyone else does not see the order. */
    static String cancelRefusal(Order order, long actorOrgId, boolean countyAdmin) {
        if (actorOrgId != order.buyerOrgId && !countyAdmin) {
            return "ORDER_NOT_FOUND";
        }
        return order.status.equals(MarketModelParts.PENDING) ? null : "ORDER_NOT_PAYABLE";
    }

    /** The order ends unpaid: its open notices end with it, what they reserved goes back to listing and lot. */
    void released(Order order, String status) {
        order.notices.values().stream().filter(n -> n.status.equals("OPEN")).forEach(n -> n.status = status);
        for (Allocation a : order.allocations) {
            if (order.holds(a)) {
                a.offer().remainingM2 += a.areaM2();
                a.offer().lot.reservedM2 -= a.areaM2();
                a.offer().lot.availableM2 += a.areaM2();
            }
        }
        order.status = status;
        event(status.equals("EXPIRED") ? "order.expired" : "order.cancelled");
    }

    /** Every order waiting for money whose time ran out by {@code now} expires; returns how many. */
    int expired(Instant now) {
        List<Order> due = orders.values().stream()
                .filter(o -> o.status.equals(MarketModelParts.PENDING) && !now.isBefore(o.expiresAt)).toList();
        due.forEach(o -> released(o, "EXPIRED"));
        return due.size();
    }

    /** A violation case of {@code areaM2} (no more than the township has available) freezes its lots, oldest first. */
    Case frozen(long caseId, long townshipId, long areaM2) {
        Map<Lot, Long> parts = new LinkedHashMap<>();
        long left = areaM2;
        for (Lot lot : lotsOf(townshipId)) {
            long part = Math.min(left, lot.availableM2);
            if (part > 0) {
                lot.availableM2 -= part;
                lot.frozenM2 += part;
                parts.put(lot, part);
                left -= part;
            }
        }
        if (left > 0) {
            throw new AssertionError("the test froze more than township " + townshipId + " has available");
        }
        parts.keySet().forEach(this::trim);
        Case c = new Case(caseId, parts);
        openCases.put(caseId, c);
        return c;
    }

    /** Restoring all of the case's land unfreezes it: available again, not listed again. */
    void restored(Case c) {
        c.frozen().forEach((lot, area) -> {
            lot.frozenM2 -= area;
            lot.availableM2 += area;
        });
        openCases.remove(c.id());
    }

    /** The market's law kept: what the lot's open listings offer beyond its available area comes off the newest. */
    void trim(Lot lot) {
        List<Offer> newestFirst = listings.values().stream().filter(l -> l.open).flatMap(l -> l.offers.stream())
                .filter(o -> o.lot == lot && o.remainingM2 > 0)
                .sorted(Comparator.comparingLong((Offer o) -> o.listing.id).reversed()).toList();
        long excess = newestFirst.stream().mapToLong(o -> o.remainingM2).sum() - Math.max(0, lot.availableM2);
        for (Offer o : newestFirst) {
            long cut = Math.min(excess, o.remainingM2);
            if (cut > 0) {
                o.remainingM2 -= cut;
                excess -= cut;
                event("indicator.listing_reduced");
            }
        }
    }

    /** A township covering its own application from one of its lots, checked in the system's order. */
    String selfRestoreRefusal(App app, Lot lot, long areaM2) {
        if (lot.townshipId != app.townshipId) {
            return "LOT_NOT_OWN";
        }
        if (app.withdrawn) {
            return "APPLICATION_NOT_COVERABLE";
        }
        if (areaM2 > open(app)) {
            return "OBLIGATION_OVER_COVERED";
        }
        if (lot.vintage > app.planYear) {
            return "LOT_VINTAGE_TOO_LATE";
        }
        if (app.paddy && !lot.paddy) {
            return "LOT_NOT_PADDY";
        }
        if (lot.grade > app.grade) {
            return "LOT_QUALITY_TOO_LOW";
        }
        return areaM2 > lot.availableM2 ? "INSUFFICIENT_AVAILABLE_INDICATORS" : null;
    }

    void selfRestored(App app, Lot lot, long areaM2) {
        lot.availableM2 -= areaM2;
        lot.consumedM2 += areaM2;
        app.coveredM2 += areaM2;
        app.selfRestored.add(Map.entry(lot, areaM2));
        trim(lot);
    }

    static String withdrawApplicationRefusal(App app) {
        return app.withdrawn ? "ILLEGAL_TRANSITION" : null;
    }

    /**
     * The applicant withdraws the application, and what it started is undone by new entries: its orders waiting for
     * money are cancelled; what its purchases and self-restores consumed goes back to the lots (available, not listed
     * again) and the money its purchases paid is refunded from the selling townships' funds; nothing covers it.
     */
    void applicationWithdrawn(App app) {
        orders.values().stream().filter(o -> o.app == app && o.status.equals(MarketModelParts.PENDING))
                .forEach(o -> released(o, "CANCELLED"));
        for (Order order : orders.values().stream().filter(o -> o.app == app).toList()) {
            for (Allocation a : order.allocations) {
                if (order.paid(a.offer().lot.townshipId)) {
                    givenBack(a.offer().lot, a.areaM2());
                    fundsFen.merge(a.offer().lot.townshipId, -a.amountFen(), Long::sum);
                }
            }
        }
        app.selfRestored.forEach(s -> givenBack(s.getKey(), s.getValue()));
        app.coveredM2 = 0;
        app.withdrawn = true;
    }

    private static void givenBack(Lot lot, long areaM2) {
        lot.consumedM2 -= areaM2;
        lot.availableM2 += areaM2;
    }
}
