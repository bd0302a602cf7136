package cn.landbalance.settlement.event;

/**
 * A fact the system publishes, decided where it happens and persisted by the adapter that was handed it (in the same
 * transaction, through the outbox). Each kind of fact is a record; its components, in order, are its payload, except
 * those marked {@link Envelope}. Schemas and examples: docs/events/README.md.
 */
public sealed interface DomainEvent permits IndicatorEvent, MarketEvent, MoneyEvent, OutflowEvent, PlanEvent, ViolationEvent,
        SpatialEvent {
    EventType type();

    /** The aggregate's type on the stream. */
    default String aggregateType() {
        return type().aggregate();
    }

    long aggregateId();

    Long countyId();

    /** The township (or county) the event belongs to, when there is one. */
    Long regionId();
}
