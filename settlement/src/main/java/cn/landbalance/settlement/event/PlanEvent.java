package cn.landbalance.settlement.event;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The county's year: its annual plan, the plan tables imported, the 调剂 confirmed, the townships' neighbours. */
public sealed interface PlanEvent extends DomainEvent {

    /** A step of the annual plan recorded (its aggregate id is county × 10 000 + year). */
    record PlanStep(@Envelope EventType type, Long countyId, int year, String status, LocalDate approvalDue,
                    LocalDate implementationDue, LocalDate acceptanceDue, LocalDate feeDeliveryDue, LocalDate submittedOn,
                    LocalDate approvedOn, String approvalDocNo, LocalDate filedOn, String filingNo, LocalDate implementedOn,
                    LocalDate acceptedOn) implements PlanEvent {
        public PlanStep {
            type.requireIn(EventType.PLAN_SUBMITTED, EventType.PLAN_APPROVED, EventType.PLAN_FILED, EventType.PLAN_IMPLEMENTED,
                    EventType.PLAN_ACCEPTED, EventType.PLAN_DEADLINES_SET);
        }

        @Override
        public long aggregateId() {
            return countyId * 10_000 + year;
        }

        @Override
        public Long regionId() {
            return countyId;
        }
    }

    record PlanImported(@Envelope Long countyId, long importId, String kind, int year, int rows, long areaM2, int warnings,
                        String contentSha256, String fileName) implements PlanEvent {
        @Override
        public EventType type() {
            return EventType.PLAN_IMPORTED;
        }

        @Override
        public long aggregateId() {
            return importId;
        }

        @Override
        public Long regionId() {
            return countyId;
        }
    }

    record PlanImportReversed(@Envelope Long countyId, long importId, String kind, int year, int rows, long areaM2)
            implements PlanEvent {
        @Override
        public EventType type() {
            return EventType.PLAN_IMPORT_REVERSED;
        }

        @Override
        public long aggregateId() {
            return importId;
        }

        @Override
        public Long regionId() {
            return countyId;
        }
    }

    record AdjustmentConfirmed(@Envelope Long countyId, @Envelope long adjustmentId, int year, String scope,
                               String compensation, int lines, long areaM2, long amountFen,
                               Map<Long, Long> receivedM2ByTownship) implements PlanEvent {
        @Override
        public EventType type() {
            return EventType.COUNTY_ADJUSTMENT_CONFIRMED;
        }

        @Override
        public long aggregateId() {
            return adjustmentId;
        }

        @Override
        public Long regionId() {
            return countyId;
        }
    }

    record NeighboursSet(Long countyId, List<List<Long>> pairs, long userId) implements PlanEvent {
        @Override
        public EventType type() {
            return EventType.COUNTY_NEIGHBOURS_SET;
        }

        @Override
        public long aggregateId() {
            return countyId;
        }

        @Override
        public Long regionId() {
            return countyId;
        }
    }
}
