package cn.landbalance.settlement.event;

/** A violation case: opened, decided (restored or legalised), resolved. */
public sealed interface ViolationEvent extends DomainEvent {

    record Opened(@Envelope Long countyId, long caseId, String caseNo, long townshipId, long areaM2, Long outflowApplicationId)
            implements ViolationEvent {
        @Override
        public EventType type() {
            return EventType.VIOLATION_OPENED;
        }

        @Override
        public long aggregateId() {
            return caseId;
        }

        @Override
        public Long regionId() {
            return townshipId;
        }
    }

    record Decided(@Envelope EventType type, @Envelope Long countyId, @Envelope Long regionId, long caseId, String caseNo,
                   long decisionId, long areaM2, String reason) implements ViolationEvent {
        public Decided {
            type.requireIn(EventType.VIOLATION_RESTORED, EventType.VIOLATION_LEGALIZED);
        }

        @Override
        public long aggregateId() {
            return caseId;
        }
    }

    record Resolved(@Envelope Long countyId, long caseId, String caseNo, long townshipId, long unfrozenM2, long deductedM2,
                    long owedM2) implements ViolationEvent {
        @Override
        public EventType type() {
            return EventType.VIOLATION_RESOLVED;
        }

        @Override
        public long aggregateId() {
            return caseId;
        }

        @Override
        public Long regionId() {
            return townshipId;
        }
    }
}
