package cn.landbalance.infra.market;

import cn.landbalance.ledger.common.AreaM2;
import cn.landbalance.ledger.common.MoneyFen;
import cn.landbalance.settlement.event.MarketEvent;
import cn.landbalance.settlement.market.Listing;
import cn.landbalance.settlement.market.Listings;
import cn.landbalance.settlement.market.Offer;
import cn.landbalance.infra.outbox.Outbox;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.landbalance.infra.jooq.Tables.INDICATOR_LOT;
import static cn.landbalance.infra.jooq.Tables.LISTING;
import static cn.landbalance.infra.jooq.Tables.LISTING_LOT;

/** Listings and their offers on lots in PostgreSQL; each change announced in the same transaction. */
@Singleton
public class JooqListings implements Listings {
    /** Namespace of the county market's transaction-scoped advisory lock. */
    private static final int MARKET_LOCK_SPACE = 0x4d4b54;

    private final DSLContext db;
    private final Outbox outbox;

    public JooqListings(DSLContext db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    @Override
    public void lockCounty(long countyId) {
        db.fetch("select pg_advisory_xact_lock(?, ?)", MARKET_LOCK_SPACE, (int) countyId);
    }

    @Override
    public Map<Long, Long> offeredByLot(long townshipId) {
        Map<Long, Long> result = new HashMap<>();
        db.select(LISTING_LOT.LOT_ID, DSL.sum(LISTING_LOT.REMAINING_M2))
                .from(LISTING_LOT).join(LISTING).on(LISTING.ID.eq(LISTING_LOT.LISTING_ID))
                .where(LISTING.TOWNSHIP_ID.eq(townshipId).and(LISTING.STATUS.eq(Listing.Status.OPEN)))
                .groupBy(LISTING_LOT.LOT_ID)
                .forEach(r -> result.put(r.value1(), r.value2().longValue()));
        return result;
    }

    @Override
    public Listing insertListing(long countyId, long townshipId, MoneyFen pricePerMu, Map<Long, Long> areaByLot) {
        long pricePerMuFen = pricePerMu.value();
        long total = areaByLot.values().stream().mapToLong(Long::longValue).sum();
        long id = db.insertInto(LISTING)
                .set(LISTING.COUNTY_ID, countyId).set(LISTING.TOWNSHIP_ID, townshipId)
                .set(LISTING.PRICE_PER_MU_FEN, pricePerMuFen).set(LISTING.LISTED_M2, total)
                .set(LISTING.STATUS, Listing.Status.OPEN).set(LISTING.CREATED_AT, OffsetDateTime.now())
                .returning(LISTING.ID).fetchOne().getId();
        areaByLot.forEach((lot, area) -> db.insertInto(LISTING_LOT)
                .set(LISTING_LOT.LISTING_ID, id).set(LISTING_LOT.LOT_ID, lot)
                .set(LISTING_LOT.LISTED_M2, area).set(LISTING_LOT.REMAINING_M2, area).execute());
        outbox.publish(new MarketEvent.Listed(countyId, id, townshipId, total, pricePerMuFen, areaByLot.keySet()));
        return findListing(id).orElseThrow();
    }

    @Override
    public Optional<Listing> lockListing(long listingId) {
        db.selectFrom(LISTING).where(LISTING.ID.eq(listingId)).forUpdate().fetchOptional();
        return findListing(listingId);
    }

    @Override
    public Optional<Listing> findListing(long listingId) {
        return listingsWhere(LISTING.ID.eq(listingId)).stream().findFirst();
    }

    @Override
    public void saveTransition(Listing before, Listing after) {
        int updated = db.update(LISTING).set(LISTING.STATUS, after.status())
                .where(LISTING.ID.eq(before.id()).and(LISTING.STATUS.eq(before.status()))).execute();
        if (updated != 1) {
            throw new IllegalStateException("listing " + before.id() + " was not " + before.status() + " under its lock");
        }
        outbox.publish(new MarketEvent.ListingWithdrawn(after.countyId(), after.id(), after.townshipId()));
    }

    @Override
    public List<Listing> listings(long countyId, Long townshipId, boolean openOnly, long offset, int limit) {
        return listingsWhere(listingsOf(countyId, townshipId, openOnly), offset, limit);
    }

    @Override
    public long countListings(long countyId, Long townshipId, boolean openOnly) {
        return db.fetchCount(LISTING, listingsOf(countyId, townshipId, openOnly));
    }

    private static Condition listingsOf(long countyId, Long townshipId, boolean openOnly) {
        Condition where = LISTING.COUNTY_ID.eq(countyId);
        if (townshipId != null) {
            where = where.and(LISTING.TOWNSHIP_ID.eq(townshipId));
        }
        if (openOnly) {
            where = where.and(LISTING.STATUS.eq(Listing.Status.OPEN));
        }
        return where;
    }

    private List<Listing> listingsWhere(Condition where) {
        return listingsWhere(where, 0, Integer.MAX_VALUE);
    }

    private List<Listing> listingsWhere(Condition where, long offset, int limit) {
        var remaining = DSL.select(DSL.coalesce(DSL.sum(LISTING_LOT.REMAINING_M2), DSL.inline(java.math.BigDecimal.ZERO)))
                .from(LISTING_LOT).where(LISTING_LOT.LISTING_ID.eq(LISTING.ID)).asField("remaining");
        return db.select(LISTING.ID, LISTING.COUNTY_ID, LISTING.TOWNSHIP_ID, LISTING.PRICE_PER_MU_FEN, LISTING.LISTED_M2,
                        LISTING.STATUS, remaining)
                .from(LISTING).where(where).orderBy(LISTING.ID.desc()).offset(offset).limit(limit)
                .fetch(r -> new Listing(r.get(LISTING.ID), r.get(LISTING.COUNTY_ID), r.get(LISTING.TOWNSHIP_ID),
                        r.get(LISTING.PRICE_PER_MU_FEN), r.get(LISTING.LISTED_M2),
                        r.get(LISTING.STATUS) == Listing.Status.OPEN ? ((Number) r.get("remaining")).longValue() : 0,
                        r.get(LISTING.STATUS)));
    }

    @Override
    public List<Offer> offers(long countyId) {
        // an offer serves no more than its lot has available (the listing law keeps them equal or less; this is the
        // belt to its braces), and a lot with nothing available or held by an enterprise serves nothing
        return db.select(LISTING_LOT.ID, LISTING_LOT.LISTING_ID, LISTING_LOT.LOT_ID, LISTING.TOWNSHIP_ID,
                        LISTING.PRICE_PER_MU_FEN, DSL.least(LISTING_LOT.REMAINING_M2, INDICATOR_LOT.AVAILABLE_M2),
                        INDICATOR_LOT.QUALITY_GRADE, INDICATOR_LOT.PADDY, INDICATOR_LOT.VINTAGE_YEAR)
                .from(LISTING_LOT)
                .join(LISTING).on(LISTING.ID.eq(LISTING_LOT.LISTING_ID))
                .join(INDICATOR_LOT).on(INDICATOR_LOT.ID.eq(LISTING_LOT.LOT_ID))
                .where(LISTING.COUNTY_ID.eq(countyId).and(LISTING.STATUS.eq(Listing.Status.OPEN)).and(LISTING_LOT.REMAINING_M2.gt(0L))
                        .and(INDICATOR_LOT.AVAILABLE_M2.gt(0L)).and(INDICATOR_LOT.HOLDER_ORG_ID.isNull()))
                .orderBy(LISTING_LOT.ID)
                .fetch(r -> new Offer(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9()));
    }

    @Override
    public List<Offer> lockOffers(Collection<Long> listingLotIds) {
        return lockedOffers("ll.id", listingLotIds, true);
    }

    @Override
    public List<Offer> lockOffersOn(Collection<Long> lotIds) {
        return lockedOffers("ll.lot_id", lotIds, false);
    }

    /**
     * Open offers with area left whose {@code column} is one of {@code ids}, FOR UPDATE OF listing_lot in ascending id,
     * FOR SHARE OF listing: rows are re-read after the locks are granted, so a concurrent order's takings and a
     * concurrent withdrawal are seen. {@code servable}: for an order, no more than the lot has available (the lot is
     * read as last committed; the ledger checks it again under the lot's lock).
     */
    private List<Offer> lockedOffers(String column, Collection<Long> ids, boolean servable) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.fetch("""
                        select ll.id, ll.listing_id, ll.lot_id, l.township_id, l.price_per_mu_fen,
                               %s, i.quality_grade, i.paddy, i.vintage_year
                        from listing_lot ll join listing l on l.id = ll.listing_id join indicator_lot i on i.id = ll.lot_id
                        where %s = any(?) and l.status = 'OPEN' and ll.remaining_m2 > 0
                        order by ll.id
                        for update of ll for share of l""".formatted(servable ? "least(ll.remaining_m2, i.available_m2)" : "ll.remaining_m2", column), (Object) ids.stream().sorted().toArray(Long[]::new))
                .map(r -> new Offer(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Long.class), r.get(3, Long.class),
                        r.get(4, Long.class), r.get(5, Long.class), r.get(6, Integer.class), r.get(7, Boolean.class), r.get(8, Integer.class)));
    }

    @Override
    public void reduceOffer(Offer offer, AreaM2 area, String reason) {
        long areaM2 = area.value();
        changeOffered(offer.listingLotId(), -areaM2);
        Listing listing = findListing(offer.listingId()).orElseThrow();
        outbox.publish(new MarketEvent.ListingReduced(listing.countyId(), listing.id(), listing.townshipId(), offer.lotId(), areaM2,
                listing.remainingM2(), reason));
    }

    @Override
    public void changeOffered(long listingLotId, long deltaM2) {
        db.update(LISTING_LOT).set(LISTING_LOT.REMAINING_M2, LISTING_LOT.REMAINING_M2.plus(deltaM2))
                .where(LISTING_LOT.ID.eq(listingLotId)).execute();
    }
}
