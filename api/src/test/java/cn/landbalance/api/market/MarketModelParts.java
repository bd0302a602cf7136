package cn.landbalance.api.market;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link MarketModel} is made of: lots with their buckets, listings with their offers (one per lot), outflow
 * applications with what covers them, orders with their allocations and payment notices, violation cases. Identities
 * and terms are fixed when the system creates them; the rest moves as the model's rules say.
 */
final class MarketModelParts {
    static final String PENDING = "PENDING_PAYMENT";

    private MarketModelParts() {
    }

    static final class Lot {
        final long id;
        final long townshipId;
        final int grade;
        final boolean paddy;
        final int vintage;
        long availableM2;
        long reservedM2;
        long frozenM2;
        long consumedM2;

        Lot(long id, long townshipId, int grade, boolean paddy, int vintage, long areaM2) {
            this.id = id;
            this.townshipId = townshipId;
            this.grade = grade;
            this.paddy = paddy;
            this.vintage = vintage;
            this.availableM2 = areaM2;
        }
    }

    /** A listing's part on one lot: what it listed there and what it still offers (raw, also once withdrawn). */
    static final class Offer {
        final Listing listing;
        final Lot lot;
        final long listedM2;
        long remainingM2;

        Offer(Listing listing, Lot lot, long listedM2) {
            this.listing = listing;
            this.lot = lot;
            this.listedM2 = listedM2;
            this.remainingM2 = listedM2;
        }
    }

    static final class Listing {
        final long id;
        final long townshipId;
        final long pricePerMuFen;
        final long listedM2;
        final List<Offer> offers = new ArrayList<>();
        boolean open = true;

        Listing(long id, long townshipId, long pricePerMuFen, long listedM2) {
            this.id = id;
            this.townshipId = townshipId;
            this.pricePerMuFen = pricePerMuFen;
            this.listedM2 = listedM2;
        }
    }

    static final class App {
        final long id;
        final long townshipId;
        final long applicantOrgId;
        final int grade;
        final boolean paddy;
        final int planYear;
        final long requiredM2;
        /** The area each of its self-restores consumed, lot by lot. */
        final List<Map.Entry<Lot, Long>> selfRestored = new ArrayList<>();
        long coveredM2;
        boolean withdrawn;

        App(long id, long townshipId, long applicantOrgId, int grade, boolean paddy, int planYear, long requiredM2) {
            this.id = id;
            this.townshipId = townshipId;
            this.applicantOrgId = applicantOrgId;
            this.grade = grade;
            this.paddy = paddy;
            this.planYear = planYear;
            this.requiredM2 = requiredM2;
        }
    }

    /** Area reserved on one offer at its listing's price; its amount in whole fen. */
    record Allocation(Offer offer, long areaM2, long amountFen) {
    }

    static final class Notice {
        final long id;
        final long townshipId;
        final long areaM2;
        final long amountFen;
        final LocalDate issuedOn;
        final LocalDate dueOn;
        String status = "OPEN";
        String serial;

        Notice(long id, long townshipId, long areaM2, long amountFen, LocalDate issuedOn, LocalDate dueOn) {
            this.id = id;
            this.townshipId = townshipId;
            this.areaM2 = areaM2;
            this.amountFen = amountFen;
            this.issuedOn = issuedOn;
            this.dueOn = dueOn;
        }
    }

    static final class Order {
        final long id;
        final App app;
        final long buyerOrgId;
        final List<Allocation> allocations;
        final Map<Long, Notice> notices = new TreeMap<>();
        final Instant expiresAt;
        String status = PENDING;

        Order(long id, App app, long buyerOrgId, List<Allocation> allocations, Instant expiresAt) {
            this.id = id;
            this.app = app;
            this.buyerOrgId = buyerOrgId;
            this.allocations = allocations;
            this.expiresAt = expiresAt;
        }

        long areaM2() {
            return allocations.stream().mapToLong(Allocation::areaM2).sum();
        }

        long amountFen() {
            return allocations.stream().mapToLong(Allocation::amountFen).sum();
        }

        boolean paid(long townshipId) {
            Notice n = notices.get(townshipId);
            return n != null && n.status.equals("PAID");
        }

        /** Still reserved and unpaid: the order waits for its money and this part's notice is not paid. */
        boolean holds(Allocation a) {
            return status.equals(PENDING) && !paid(a.offer().lot.townshipId);
        }

        /** Taken off its listing for good or for now: held, or bought. */
        boolean takes(Allocation a) {
            return status.equals(PENDING) || status.equals("SETTLED") || paid(a.offer().lot.townshipId);
        }
    }

    /** The area per lot a violation case froze. */
    record Case(long id, Map<Lot, Long> frozen) {
    }
}
