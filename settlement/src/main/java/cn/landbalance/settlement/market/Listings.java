package cn.landbalance.settlement.market;

import cn.landbalance.ledger.common.AreaM2;
import cn.landbalance.ledger.common.MoneyFen;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: the townships' listings and what they offer on each lot. Row locks last until the caller's transaction ends. */
public interface Listings {
    /** Serialises listing within one county (a transaction-scoped lock). */
    void lockCounty(long countyId);

    /** Per lot of the township: the area still offered by its open listings. */
    Map<Long, Long> offeredByLot(long townshipId);

    Listing insertListing(long countyId, long townshipId, MoneyFen pricePerMu, Map<Long, Long> areaByLot);

    Optional<Listing> lockListing(long listingId);

    Optional<Listing> findListing(long listingId);
    /** Records a listing's step (from its status, which it still has, to the step's) and announces it. */
    void saveTransition(Listing before, Listing after);

    /** One page of the county's listings (of a township; open ones only), newest first. */
    List<Listing> listings(long countyId, Long townshipId, boolean openOnly, long offset, int limit);

    long countListings(long countyId, Long townshipId, boolean openOnly);

    /** The open offers of the county with area left, as last committed; no locks. */
    List<Offer> offers(long countyId);

    /**
     * These offers as they are now, row-locked in ascending id (their listings share-locked, so a withdrawal waits),
     * leaving out those whose listing is withdrawn or whose area is gone.
     */
    List<Offer> lockOffers(java.util.Collection<Long> listingLotIds);

    void changeOffered(long listingLotId, long deltaM2);

    /**
     * The offers of open listings on these lots with area left, row-locked in ascending id (before the lots are, as
     * order placement does).
     */
    List<Offer> lockOffersOn(java.util.Collection<Long> lotIds);

    /** Takes {@code areaM2} off a locked offer because its lot no longer backs it; announces it with {@code reason}. */
    void reduceOffer(Offer offer, AreaM2 area, String reason);
}
