package cn.landbalance.settlement.event;

import cn.landbalance.settlement.market.Order;

import java.util.Collection;
import java.util.List;

/** Listings and orders of the indicator market. */
public sealed interface MarketEvent extends DomainEvent {

    record Listed(@Envelope Long countyId, long listingId, long townshipId, long areaM2, long pricePerMuFen,
                  Collection<Long> lots) implements MarketEvent {
        @Override
        public EventType type() {
            return EventType.INDICATOR_LISTED;
        }

        @Override
        public long aggregateId() {
            return listingId;
        }

        @Override
        public Long regionId() {
            return townshipId;
        }
    }

    record ListingWithdrawn(@Envelope Long countyId, long listingId, long townshipId) implements MarketEvent {
        @Override
        public EventType type() {
            return EventType.INDICATOR_LISTING_WITHDRAWN;
        }

        @Override
        public long aggregateId() {
            return listingId;
        }

        @Override
        public Long regionId() {
            return townshipId;
        }
    }

    /** {@code reason}: FROZEN, SELF_RESTORED or REPAID. */
    record ListingReduced(@Envelope Long countyId, long listingId, long townshipId, long lotId, long areaM2, long remainingM2,
                          String reason) implements MarketEvent {
        @Override
        public EventType type() {
            return EventType.INDICATOR_LISTING_REDUCED;
        }

        @Override
        public long aggregateId() {
            return listingId;
        }

        @Override
        public Long regionId() {
            return townshipId;
        }
    }

    record AllocationLine(long lotId, long townshipId, long areaM2, long pricePerMuFen, long amountFen) {
    }

    /** An order as it stands after a step: placed (with the rules version it was priced under), paid, settled, expired, cancelled. */
    record OrderChanged(@Envelope EventType type, @Envelope Long countyId, long orderId, long outflowApplicationId,
                        long buyerOrgId, Order.Status status, long areaM2, long amountFen, String paymentReference,
                        List<AllocationLine> allocations) implements MarketEvent {
        public OrderChanged {
            type.requireIn(EventType.ORDER_PAID, EventType.ORDER_SETTLED, EventType.ORDER_EXPIRED, EventType.ORDER_CANCELLED);
        }

        public static OrderChanged of(EventType type, Order o) {
            return new OrderChanged(type, o.countyId(), o.id(), o.applicationId(), o.buyerOrgId(), o.status(), o.areaM2(),
                    o.amountFen(), o.paymentReference(), lines(o));
        }

        @Override
        public long aggregateId() {
            return orderId;
        }

        @Override
        public Long regionId() {
            return null;
        }
    }

    record OrderPlaced(@Envelope Long countyId, long orderId, long outflowApplicationId, long buyerOrgId, Order.Status status,
                       long areaM2, long amountFen, String paymentReference, List<AllocationLine> allocations,
                       Long rulesVersionId) implements MarketEvent {
        public static OrderPlaced of(Order o, Long rulesVersionId) {
            return new OrderPlaced(o.countyId(), o.id(), o.applicationId(), o.buyerOrgId(), o.status(), o.areaM2(), o.amountFen(),
                    o.paymentReference(), lines(o), rulesVersionId);
        }

        @Override
        public EventType type() {
            return EventType.ORDER_PLACED;
        }

        @Override
        public long aggregateId() {
            return orderId;
        }

        @Override
        public Long regionId() {
            return null;
        }
    }

    private static List<AllocationLine> lines(Order o) {
        return o.allocations().stream().map(a -> new AllocationLine(a.lotId(), a.townshipId(), a.areaM2(), a.pricePerMuFen(),
                a.amountFen())).toList();
    }
}
