package cn.landbalance.settlement.market;

import cn.landbalance.ledger.common.MoneyFen;
import cn.landbalance.ledger.common.AreaM2;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.indicator.IndicatorLedger;
import cn.landbalance.ledger.indicator.IndicatorLot;
import cn.landbalance.ledger.indicator.IndicatorStore;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.RegionLevel;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Role;
import cn.landbalance.settlement.outflow.OutflowApplications;
import cn.landbalance.settlement.payment.PaymentNotice;
import cn.landbalance.settlement.payment.PaymentNotices;
import cn.landbalance.settlement.rules.CountyRules;
import cn.landbalance.settlement.rules.CountyRulesStore;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The indicator market: townships list available indicators; a buyer's order reserves listed indicators
 * that satisfy its obligation (own township first, then the county's, cheapest first, then oldest listing) and issues
 * one payment notice per selling township; {@link OrderSettlements} settles it when that money arrives. Locks are always taken in one order — order, notice,
 * application, listing lots, lots (ascending id), fund accounts (ascending township) — so concurrent orders,
 * confirmations, cancellations and expiries cannot deadlock.
 */
public class MarketService {
    private final Regions regions;
    private final CountyRulesStore rules;
    private final IndicatorLedger ledger;
    private final IndicatorStore lotStore;
    private final Listings listingBook;
    private final Orders orderBook;
    private final Clock clock;
    private final PaymentNotices notices;
    private final OrderPlacement placement;

    public MarketService(Regions regions, CountyRulesStore rules, OutflowApplications applications, IndicatorLedger ledger,
                         IndicatorStore lotStore, Listings listingBook, Orders orderBook, PaymentNotices notices, Clock clock) {
        this.notices = notices;
        this.lotStore = lotStore;
        this.regions = regions;
        this.rules = rules;
        this.ledger = ledger;
        this.listingBook = listingBook;
        this.orderBook = orderBook;
        this.clock = clock;
        this.placement = new OrderPlacement(regions, rules, applications, ledger, listingBook, orderBook, notices, clock);
    }

    /** A township officer offers part of the township's available, not yet listed, indicators (oldest lots first). */
    public Listing list(Actor actor, long townshipId, long areaM2, long pricePerMuFen) {
        Region township = regions.findById(townshipId)
                .filter(r -> r.level() == RegionLevel.TOWNSHIP && actor.role() == Role.TOWNSHIP_OFFICER
                        && actor.regionId() == r.id())
                .orElseThrow(() -> DomainException.field(ErrorCode.TOWNSHIP_NOT_FOUND, "townshipId",
                        "乡镇 " + townshipId, "township " + townshipId));
        CountyRules county = rules.find(township.countyId()).orElse(CountyRules.defaults());
        if (pricePerMuFen < county.guidePricePerMuFen()) {
            throw DomainException.field(ErrorCode.LISTING_PRICE_BELOW_GUIDE, "pricePerMuFen",
                    "县级指导价为每亩 " + Units.yuanText(county.guidePricePerMuFen()),
                    "the guide price is " + county.guidePricePerMuFen() + " fen/亩 ("
                            + Units.fenToYuan(county.guidePricePerMuFen()) + " 元/亩)");
        }
        if (pricePerMuFen > CountyRules.MAX_PRICE_PER_MU_FEN) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "pricePerMuFen",
                    "每亩价格不能超过 " + Units.yuanText(CountyRules.MAX_PRICE_PER_MU_FEN),
                    "price beyond " + CountyRules.MAX_PRICE_PER_MU_FEN);
        }
        if (areaM2 <= 0) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "areaM2",
                    "面积须为正的整数平方米", "area must be a positive whole number of m²");
        }
        listingBook.lockCounty(township.countyId());
        // the lots first, then what is offered on them: no order can take from these lots meanwhile
        List<IndicatorLot> owned = lotStore.lockLotsOwnedBy(township.id());
        Map<Long, Long> offered = listingBook.offeredByLot(township.id());
        Map<Long, Long> take = new LinkedHashMap<>();
        long left = areaM2;
        for (IndicatorLot lot : owned) {
            long free = ListedArea.backing(lot) - offered.getOrDefault(lot.id(), 0L);
            if (left > 0 && free > 0) {
                long part = Math.min(free, left);
                take.put(lot.id(), part);
                left -= part;
            }
        }
        if (left > 0) {
            throw DomainException.field(ErrorCode.INSUFFICIENT_UNLISTED_INDICATORS, "areaM2",
                    "尚可挂牌 " + Units.areaZh(areaM2 - left) + "，本次挂牌 " + Units.areaZh(areaM2),
                    (areaM2 - left) + " m² can still be listed, " + areaM2 + " m² asked");
        }
        return listingBook.insertListing(township.countyId(), township.id(), MoneyFen.of(pricePerMuFen), take);
    }

    public Listing withdraw(Actor actor, long listingId) {
        Listing listing = listingBook.lockListing(listingId)
                .filter(l -> actor.role() == Role.TOWNSHIP_OFFICER && actor.regionId() == l.townshipId())
                .orElseThrow(() -> new DomainException(ErrorCode.LISTING_NOT_FOUND,
                        "挂牌 " + listingId, "listing " + listingId));
        listingBook.saveTransition(listing, listing.after(Listing.Action.WITHDRAW));
        return listingBook.findListing(listingId).orElseThrow();
    }

    /** One page of listings (newest first) and how many there are in all. */
    public record ListingList(List<Listing> listings, long total) {
    }

    /** The county's listings, of a township, open ones only unless asked; newest first, one page. */
    public ListingList listings(Actor actor, long countyId, Long townshipId, boolean openOnly, int page, int size) {
        if (!actor.inCounty(countyId)) {
            throw new DomainException(ErrorCode.COUNTY_NOT_FOUND, "县 " + countyId, "county " + countyId);
        }
        return new ListingList(listingBook.listings(countyId, townshipId, openOnly, Math.multiplyExact((long) page, size), size),
                listingBook.countListings(countyId, townshipId, openOnly));
    }

    /** Reserves listed indicators for {@code areaM2} of the application's obligation; nothing is reserved if not all can be. */
    public Order placeOrder(Actor actor, long applicationId, long areaM2) {
        return placement.placeOrder(actor, applicationId, areaM2);
    }

    /** Takes the order's row lock before a confirmation locks one of its notices (the global lock order). */
    public void lockForSettlement(long orderId) {
        orderBook.lockOrder(orderId).orElseThrow(() -> new DomainException(ErrorCode.ORDER_NOT_FOUND,
                "订单 " + orderId, "order " + orderId));
    }

    public Order cancel(Actor actor, long orderId) {
        Order order = orderBook.lockOrder(orderId).filter(o -> visible(actor, o))
                .orElseThrow(() -> new DomainException(ErrorCode.ORDER_NOT_FOUND, "订单 " + orderId, "order " + orderId));
        if (order.buyerOrgId() != actor.orgId() && actor.role() != Role.COUNTY_ADMIN) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        if (order.status() != Order.Status.PENDING_PAYMENT) {
            throw new DomainException(ErrorCode.ORDER_NOT_PAYABLE,
                    "订单 " + orderId + " " + order.status().label(), "order " + orderId + " is " + order.status());
        }
        release(order, Order.Action.CANCEL);
        return orderBook.findOrder(orderId).orElseThrow();
    }

    /** The application's orders awaiting payment, as last committed (no locks), by ascending id. */
    public List<Order> pendingOrdersOf(long countyId, long applicationId) {
        OrderQuery query = new OrderQuery(countyId, null, null, false, Order.Status.PENDING_PAYMENT, applicationId, null, null);
        return orderBook.orders(query, 0, Math.toIntExact(Math.max(1, orderBook.countOrders(query)))).stream()
                .sorted(Comparator.comparingLong(Order::id)).toList();
    }

    /**
     * Cancels a pending order because its application was rejected or withdrawn: like the buyer's cancellation, its
     * open notices are cancelled and what it reserved is released; what a confirmed notice paid for stays bought (the
     * application's reversal gives it back). The caller took the order's lock before the application's.
     */
    public void cancelWithApplication(long orderId) {
        Order order = orderBook.lockOrder(orderId).orElseThrow();
        if (order.status() == Order.Status.PENDING_PAYMENT) {
            release(order, Order.Action.CANCEL);
        }
    }

    /** Expires one pending order whose time ran out (the system does this without anyone calling). */
    public boolean expire(long orderId) {
        Order order = orderBook.lockOrder(orderId).orElse(null);
        if (order == null || order.status() != Order.Status.PENDING_PAYMENT || clock.instant().isBefore(order.expiresAt())) {
            return false;
        }
        release(order, Order.Action.EXPIRE);
        return true;
    }

    public List<Long> dueOrders(int limit) {
        return orderBook.due(clock.instant(), limit);
    }

    /**
     * Ends an order that is not fully paid: its open notices are withdrawn (expired or cancelled with it), and what they
     * reserved goes back to its listings, then to its lots (the lock order of order placement). What a confirmed notice
     * paid for stays bought.
     */
    private void release(Order order, Order.Action action) {
        Order after = order.after(action, null);
        java.util.Set<Long> paid = new java.util.HashSet<>();
        for (PaymentNotice n : notices.ofOrder(order.id())) {
            if (n.status() == PaymentNotice.Status.PAID) {
                paid.add(n.townshipId());
            } else if (n.status() == PaymentNotice.Status.OPEN) {
                PaymentNotice locked = notices.lock(n.id()).orElseThrow();
                notices.save(locked, locked.to(action == Order.Action.EXPIRE ? PaymentNotice.Status.EXPIRED
                        : PaymentNotice.Status.CANCELLED, null));
            }
        }
        List<Allocation> unpaid = order.allocations().stream().filter(a -> !paid.contains(a.townshipId())).toList();
        unpaid.stream().sorted(Comparator.comparingLong(Allocation::listingLotId))
                .forEach(a -> listingBook.changeOffered(a.listingLotId(), a.areaM2()));
        unpaid.stream().sorted(Comparator.comparingLong(Allocation::lotId))
                .forEach(a -> ledger.release(a.holdId(), AreaM2.of(a.areaM2())));
        orderBook.saveTransition(order, after, action, clock.instant());
    }

    /** A page of the orders an actor may see, newest first; {@code filters} narrow it (its county is the actor's). */
    public OrderList orders(Actor actor, OrderQuery filters, int page, int size) {
        OrderQuery query = switch (actor.role()) {
            case ENTERPRISE -> new OrderQuery(actor.countyId(), actor.orgId(), null, false, filters.status(),
                    filters.applicationId(), filters.placedFrom(), filters.placedBefore());
            case TOWNSHIP_OFFICER -> new OrderQuery(actor.countyId(), actor.orgId(), actor.regionId(), true, filters.status(),
                    filters.applicationId(), filters.placedFrom(), filters.placedBefore());
            case COUNTY_ADMIN, COUNTY_VIEWER -> new OrderQuery(actor.countyId(), filters.buyerOrgId(), filters.sellerTownshipId(),
                    false, filters.status(), filters.applicationId(), filters.placedFrom(), filters.placedBefore());
        };
        return new OrderList(orderBook.orders(query, Math.multiplyExact(page, size), size), orderBook.countOrders(query));
    }

    /** One page of orders and how many there are in all. */
    public record OrderList(List<Order> orders, long total) {
    }

    public Order get(Actor actor, long orderId) {
        return orderBook.findOrder(orderId).filter(o -> visible(actor, o))
                .orElseThrow(() -> new DomainException(ErrorCode.ORDER_NOT_FOUND, "订单 " + orderId, "order " + orderId));
    }

    private static boolean visible(Actor actor, Order order) {
        return actor.orgId() == order.buyerOrgId() || (actor.isCountyRole() && actor.inCounty(order.countyId()));
    }
}
