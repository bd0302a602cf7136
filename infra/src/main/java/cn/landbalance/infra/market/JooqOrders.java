package cn.landbalance.infra.market;

import cn.landbalance.infra.jooq.tables.records.MarketOrderRecord;
import cn.landbalance.settlement.event.EventType;
import cn.landbalance.settlement.event.MarketEvent;
import cn.landbalance.settlement.market.Allocation;
import cn.landbalance.settlement.market.Orders;
import cn.landbalance.settlement.market.Order;
import cn.landbalance.settlement.market.OrderQuery;
import cn.landbalance.infra.outbox.Outbox;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import static cn.landbalance.infra.jooq.Tables.MARKET_ORDER;
import static cn.landbalance.infra.jooq.Tables.ORDER_ALLOCATION;

/** Orders and their allocations in PostgreSQL; each step announced in the same transaction. */
@Singleton
public class JooqOrders implements Orders {
    private final DSLContext db;
    private final Outbox outbox;

    public JooqOrders(DSLContext db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    @Override
    public Order insertOrder(Order placed, Long rulesVersionId) {
        long countyId = placed.countyId();
        long applicationId = placed.applicationId();
        long buyerOrgId = placed.buyerOrgId();
        long areaM2 = placed.areaM2();
        long amountFen = placed.amountFen();
        Instant expiresAt = placed.expiresAt();
        List<Allocation> allocations = placed.allocations();
        if (placed.status() != Order.Status.PENDING_PAYMENT || placed.id() != 0) {
            throw new IllegalArgumentException("a new order is PENDING_PAYMENT and has no id yet");
        }
        if (allocations.isEmpty()) {
            throw new IllegalArgumentException("an order takes at least one allocation");
        }
        List<Object> binds = new ArrayList<>(List.of(countyId, applicationId, buyerOrgId, areaM2, amountFen,
                expiresAt.atOffset(ZoneOffset.UTC), OffsetDateTime.now()));
        binds.add(rulesVersionId);
        StringJoiner rows = new StringJoiner(", ");
        for (Allocation a : allocations) {
            rows.add("(?::bigint, ?::bigint, ?::bigint, ?::bigint, ?::bigint, ?::bigint, ?::bigint, ?::smallint)");
            binds.addAll(List.of(a.listingLotId(), a.lotId(), a.townshipId(), a.holdId(), a.areaM2(), a.pricePerMuFen(),
                    a.amountFen(), a.qualityGrade()));
        }
        // the order and its allocations in one statement: the order's new id goes to its allocations in the database
        var inserted = db.fetch("""
                with o as (
                  insert into market_order (county_id, outflow_application_id, buyer_org_id, area_m2, amount_fen, status,
                                            expires_at, created_at, rules_version_id)
                  values (?, ?, ?, ?, ?, 'PENDING_PAYMENT', ?::timestamptz, ?::timestamptz, ?)
                  returning id)
                insert into order_allocation (order_id, listing_lot_id, lot_id, township_id, hold_id, area_m2,
                                              price_per_mu_fen, amount_fen, quality_grade)
                select o.id, v.* from o, (values %s) v
                returning order_id, hold_id, id""".formatted(rows), binds.toArray());
        long id = inserted.get(0).get(0, Long.class);
        Map<Long, Long> idByHold = new HashMap<>();
        inserted.forEach(r -> idByHold.put(r.get(1, Long.class), r.get(2, Long.class)));
        List<Allocation> stored = new ArrayList<>();
        for (Allocation a : allocations) {
            stored.add(new Allocation(idByHold.get(a.holdId()), a.lotId(), a.listingLotId(), a.townshipId(), a.holdId(), a.areaM2(),
                    a.pricePerMuFen(), a.amountFen(), a.qualityGrade()));
        }
        stored.sort(Comparator.comparingLong(Allocation::lotId).thenComparingLong(Allocation::id));
        Order order = new Order(id, countyId, applicationId, buyerOrgId, areaM2, amountFen, Order.Status.PENDING_PAYMENT,
                expiresAt, null, List.copyOf(stored));
        outbox.publish(MarketEvent.OrderPlaced.of(order, rulesVersionId));
        return order;
    }

    @Override
    public Optional<Order> lockOrder(long orderId) {
        return withAllocations(orderId, true);
    }

    @Override
    public Optional<Order> findOrder(long orderId) {
        return withAllocations(orderId, false);
    }

    @Override
    public List<Order> lockOrders(java.util.Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        Long[] ids = orderIds.toArray(Long[]::new);
        List<MarketOrderRecord> locked = db.fetch("select o.* from market_order o join unnest(?::bigint[]) as k(id) on k.id = o.id "
                + "order by o.id for update of o", (Object) ids).into(MARKET_ORDER);
        Map<Long, List<Allocation>> allocations = new HashMap<>();
        db.fetch("select a.* from order_allocation a join unnest(?::bigint[]) as k(id) on k.id = a.order_id "
                + "order by a.lot_id, a.id", (Object) ids).into(ORDER_ALLOCATION)
                .forEach(a -> allocations.computeIfAbsent(a.getOrderId(), k -> new ArrayList<>()).add(new Allocation(a.getId(),
                        a.getLotId(), a.getListingLotId(), a.getTownshipId(), a.getHoldId(), a.getAreaM2(), a.getPricePerMuFen(),
                        a.getAmountFen(), a.getQualityGrade())));
        return locked.stream().map(r -> toOrder(r, allocations.getOrDefault(r.getId(), List.of()))).toList();
    }

    @Override
    public List<Order> orders(OrderQuery query, int offset, int limit) {
        List<MarketOrderRecord> page = db.selectFrom(MARKET_ORDER).where(selecting(query))
                .orderBy(MARKET_ORDER.CREATED_AT.desc(), MARKET_ORDER.ID.desc()).offset(offset).limit(limit).fetch();
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Allocation>> allocations = new HashMap<>();
        db.selectFrom(ORDER_ALLOCATION).where(ORDER_ALLOCATION.ORDER_ID.in(page.stream().map(MarketOrderRecord::getId).toList()))
                .orderBy(ORDER_ALLOCATION.LOT_ID, ORDER_ALLOCATION.ID)
                .forEach(a -> allocations.computeIfAbsent(a.getOrderId(), k -> new ArrayList<>()).add(new Allocation(a.getId(),
                        a.getLotId(), a.getListingLotId(), a.getTownshipId(), a.getHoldId(), a.getAreaM2(), a.getPricePerMuFen(),
                        a.getAmountFen(), a.getQualityGrade())));
        return page.stream().map(r -> toOrder(r, allocations.getOrDefault(r.getId(), List.of()))).toList();
    }

    @Override
    public long countOrders(OrderQuery query) {
        return db.fetchCount(MARKET_ORDER, selecting(query));
    }

    private static Condition selecting(OrderQuery q) {
        Condition where = MARKET_ORDER.COUNTY_ID.eq(q.countyId());
        Condition buyer = q.buyerOrgId() == null ? null : MARKET_ORDER.BUYER_ORG_ID.eq(q.buyerOrgId());
        Condition seller = q.sellerTownshipId() == null ? null : DSL.exists(DSL.selectOne().from(ORDER_ALLOCATION)
                .where(ORDER_ALLOCATION.ORDER_ID.eq(MARKET_ORDER.ID).and(ORDER_ALLOCATION.TOWNSHIP_ID.eq(q.sellerTownshipId()))));
        if (q.eitherParty() && buyer != null && seller != null) {
            where = where.and(buyer.or(seller));
        } else {
            if (buyer != null) {
                where = where.and(buyer);
            }
            if (seller != null) {
                where = where.and(seller);
            }
        }
        if (q.status() != null) {
            where = where.and(MARKET_ORDER.STATUS.eq(q.status()));
        }
        if (q.applicationId() != null) {
            where = where.and(MARKET_ORDER.OUTFLOW_APPLICATION_ID.eq(q.applicationId()));
        }
        if (q.placedFrom() != null) {
            where = where.and(MARKET_ORDER.CREATED_AT.ge(q.placedFrom().atOffset(ZoneOffset.UTC)));
        }
        if (q.placedBefore() != null) {
            where = where.and(MARKET_ORDER.CREATED_AT.lt(q.placedBefore().atOffset(ZoneOffset.UTC)));
        }
        return where;
    }

    @Override
    public void saveTransition(Order before, Order after, Order.Action action, Instant at) {
        var update = db.update(MARKET_ORDER).set(MARKET_ORDER.STATUS, after.status());
        if (action == Order.Action.PAY) {
            update = update.set(MARKET_ORDER.PAYMENT_REFERENCE, after.paymentReference())
                    .set(MARKET_ORDER.SETTLED_AT, at.atOffset(ZoneOffset.UTC));
        }
        int updated = update.where(MARKET_ORDER.ID.eq(before.id()).and(MARKET_ORDER.STATUS.eq(before.status()))).execute();
        if (updated != 1) {
            throw new IllegalStateException("order " + before.id() + " was not " + before.status() + " under its lock");
        }
        for (EventType event : action.events()) {
            outbox.publish(MarketEvent.OrderChanged.of(event, after));
        }
    }

    @Override
    public void saveTransitions(List<Transition> transitions, Order.Action action, Instant at) {
        if (transitions.isEmpty()) {
            return;
        }
        int updated = db.execute("""
                        update market_order o set status = v.status, payment_reference = case when ? then v.reference
                            else o.payment_reference end, settled_at = case when ? then ?::timestamptz else o.settled_at end
                        from unnest(?::bigint[], ?::text[], ?::text[], ?::text[]) as v(id, before, status, reference)
                        where o.id = v.id and o.status = v.before""",
                action == Order.Action.PAY, action == Order.Action.PAY, at.atOffset(ZoneOffset.UTC),
                transitions.stream().map(t -> t.before().id()).toArray(Long[]::new),
                transitions.stream().map(t -> t.before().status().name()).toArray(String[]::new),
                transitions.stream().map(t -> t.after().status().name()).toArray(String[]::new),
                transitions.stream().map(t -> t.after().paymentReference()).toArray(String[]::new));
        if (updated != transitions.size()) {
            throw new IllegalStateException(updated + " of " + transitions.size() + " orders were as read under their locks");
        }
        for (Transition t : transitions) {
            for (EventType event : action.events()) {
                outbox.publish(MarketEvent.OrderChanged.of(event, t.after()));
            }
        }
    }

    @Override
    public List<Long> due(Instant now, int limit) {
        return db.select(MARKET_ORDER.ID).from(MARKET_ORDER)
                .where(MARKET_ORDER.STATUS.eq(Order.Status.PENDING_PAYMENT).and(MARKET_ORDER.EXPIRES_AT.le(now.atOffset(ZoneOffset.UTC))))
                .orderBy(MARKET_ORDER.EXPIRES_AT).limit(limit).fetch(MARKET_ORDER.ID);
    }

    /**
     * The order and its allocations in one query; with {@code lock} only the order's row is locked (allocations never
     * change once written, so the rows read with it stay true).
     */
    private Optional<Order> withAllocations(long orderId, boolean lock) {
        var query = db.select(MARKET_ORDER.fields()).select(ORDER_ALLOCATION.fields())
                .from(MARKET_ORDER).leftJoin(ORDER_ALLOCATION).on(ORDER_ALLOCATION.ORDER_ID.eq(MARKET_ORDER.ID))
                .where(MARKET_ORDER.ID.eq(orderId))
                .orderBy(ORDER_ALLOCATION.LOT_ID, ORDER_ALLOCATION.ID);
        var rows = lock ? query.forUpdate().of(MARKET_ORDER).fetch() : query.fetch();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Allocation> allocations = new ArrayList<>();
        for (Record row : rows) {
            if (row.get(ORDER_ALLOCATION.ID) != null) {
                var a = row.into(ORDER_ALLOCATION);
                allocations.add(new Allocation(a.getId(), a.getLotId(), a.getListingLotId(), a.getTownshipId(), a.getHoldId(),
                        a.getAreaM2(), a.getPricePerMuFen(), a.getAmountFen(), a.getQualityGrade()));
            }
        }
        return Optional.of(toOrder(rows.get(0).into(MARKET_ORDER), allocations));
    }

    private static Order toOrder(MarketOrderRecord r, List<Allocation> allocations) {
        return new Order(r.getId(), r.getCountyId(), r.getOutflowApplicationId(), r.getBuyerOrgId(), r.getAreaM2(),
                r.getAmountFen(), r.getStatus(), r.getExpiresAt().toInstant(), r.getPaymentReference(),
                allocations);
    }
}
