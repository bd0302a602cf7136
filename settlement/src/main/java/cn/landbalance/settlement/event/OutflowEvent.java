package cn.landbalance.settlement.event;

import cn.landbalance.settlement.outflow.OutflowStatus;

/** An outflow application's lifecycle and the covering of its obligation. */
public sealed interface OutflowEvent extends DomainEvent {

    record StatusChanged(@Envelope Long countyId, long applicationId, long applicantOrgId, long townshipId, OutflowStatus status,
                         long areaM2, long requiredM2) implements OutflowEvent {
        @Override
        public EventType type() {
            return switch (status) {
                case DECLARED -> EventType.OUTFLOW_DECLARED;
                case TOWNSHIP_REVIEWED -> EventType.OUTFLOW_TOWNSHIP_REVIEWED;
                case APPROVED -> EventType.OUTFLOW_APPROVED;
                case IMPLEMENTED -> EventType.OUTFLOW_IMPLEMENTED;
                case CLOSED -> EventType.OUTFLOW_CLOSED;
                case REJECTED -> EventType.OUTFLOW_REJECTED;
                case WITHDRAWN -> EventType.OUTFLOW_WITHDRAWN;
                case DRAFT -> throw new IllegalStateException("no step leads back to a draft");
            };
        }

        @Override
        public long aggregateId() {
            return applicationId;
        }

        @Override
        public Long regionId() {
            return townshipId;
        }
    }

    /** Part of an obligation covered (SELF, PURCHASE, FEE, …); {@code obligation.covered} when it completes it. */
    record CoverageAdded(@Envelope EventType type, @Envelope Long countyId, @Envelope Long regionId, long applicationId, long applicantOrgId, String kind,
                         long areaM2, String ref, Long townshipId, Long lotId, long requiredM2, long coveredM2)
            implements OutflowEvent {
        public CoverageAdded {
            type.requireIn(EventType.OBLIGATION_COVERAGE_ADDED, EventType.OBLIGATION_COVERED);
        }

        @Override
        public long aggregateId() {
            return applicationId;
        }
    }

    record CoverageReversed(@Envelope Long countyId, @Envelope Long regionId, long applicationId, long applicantOrgId, String kind, long areaM2,
                            Long reversesCoverageId, Long townshipId, Long lotId, Long amountFen, Long refundTransferId,
                            long requiredM2, long coveredM2) implements OutflowEvent {
        @Override
        public EventType type() {
            return EventType.OBLIGATION_COVERAGE_REVERSED;
        }

        @Override
        public long aggregateId() {
            return applicationId;
        }
    }
}
