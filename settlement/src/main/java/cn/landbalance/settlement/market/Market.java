package cn.landbalance.settlement.market;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: listings, offers and orders. Row locks last until the caller's transaction ends. */
public interface Market {
    /** Serialises listing within one county (a transaction-scoped lock). */
    void lockCounty(long countyId);

    /** Per lot of the township: the area still offered by its open listings. */
    Map<Long, Long> offeredByLot(long townshipId);

    Listing insertListing(long countyId, long townshipId, long pricePerMuFen, Map<Long, Long> areaByLot);

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
    void reduceOffer(Offer offer, long areaM2, String reason);

    /**
     * Stores a new order ({@code order} as placed, PENDING_PAYMENT, its id and its allocations' ids not yet given) with
     * its allocations, naming the rules version its prices were checked under; returns it as stored.
     */
    Order insertOrder(Order order, Long rulesVersionId);

    Optional<Order> lockOrder(long orderId);

    Optional<Order> findOrder(long orderId);

    /** Reads and row-locks these orders with their allocations, in ascending id (the global lock order of orders). */
    List<Order> lockOrders(java.util.Collection<Long> orderIds);

    /** A page of the orders the query selects, newest first, with their allocations. */
    List<Order> orders(OrderQuery query, int offset, int limit);

    /** How many orders the query selects. */
    long countOrders(OrderQuery query);

    /**
     * Stores an order moved by {@code action} ({@code after} = {@code before.after(action, …)}, decided by the domain;
     * {@code before} was read under its row lock) and announces it with the action's events.
     */
    void saveTransition(Order before, Order after, Order.Action action, Instant at);

    /** An order before and after one action, among many saved at once. */
    record Transition(Order before, Order after) {
    }

    /** Saves many orders' transitions by the same action at once, as {@link #saveTransition} does one. */
    void saveTransitions(List<Transition> transitions, Order.Action action, Instant at);

    /** Ids of pending orders whose time ran out before {@code now}, oldest first. */
    List<Long> due(Instant now, int limit);

}
