package cn.landbalance.settlement.event;

import cn.landbalance.ledger.indicator.Movement;

import static cn.landbalance.settlement.event.EventType.INDICATOR_CONSUMED;
import static cn.landbalance.settlement.event.EventType.INDICATOR_DEDUCTED;
import static cn.landbalance.settlement.event.EventType.INDICATOR_FROZEN;
import static cn.landbalance.settlement.event.EventType.INDICATOR_ISSUED;
import static cn.landbalance.settlement.event.EventType.INDICATOR_RELEASED;
import static cn.landbalance.settlement.event.EventType.INDICATOR_RESERVED;
import static cn.landbalance.settlement.event.EventType.INDICATOR_RETURNED;
import static cn.landbalance.settlement.event.EventType.INDICATOR_REVOKED;
import static cn.landbalance.settlement.event.EventType.INDICATOR_UNFROZEN;

/** What happened to a lot's area: one ledger movement each. */
public sealed interface IndicatorEvent extends DomainEvent {

    record Moved(@Envelope EventType type, @Envelope Long countyId, long lotId, long townshipId, long areaM2, Long holdId,
                 String reference) implements IndicatorEvent {
        public Moved {
            type.requireIn(INDICATOR_ISSUED, INDICATOR_RESERVED, INDICATOR_RELEASED, INDICATOR_CONSUMED, INDICATOR_FROZEN,
                    INDICATOR_UNFROZEN, INDICATOR_DEDUCTED, INDICATOR_REVOKED, INDICATOR_RETURNED);
        }

        public static Moved of(Movement m) {
            EventType type = switch (m.kind()) {
                case ISSUE -> INDICATOR_ISSUED;
                case RESERVE -> INDICATOR_RESERVED;
                case RELEASE -> INDICATOR_RELEASED;
                case CONSUME -> INDICATOR_CONSUMED;
                case FREEZE -> INDICATOR_FROZEN;
                case UNFREEZE -> INDICATOR_UNFROZEN;
                case DEDUCT -> INDICATOR_DEDUCTED;
                case REVOKE -> INDICATOR_REVOKED;
                case RETURN -> INDICATOR_RETURNED;
            };
            return new Moved(type, m.countyId(), m.lotId(), m.ownerRegionId(), m.areaM2(), m.holdId(), m.reference());
        }

        @Override
        public long aggregateId() {
            return lotId;
        }

        @Override
        public Long regionId() {
            return townshipId;
        }
    }
}
