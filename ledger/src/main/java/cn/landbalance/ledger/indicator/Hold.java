package cn.landbalance.ledger.indicator;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;

/**
 * A two-phase hold: area moved into RESERVED or FROZEN, waiting to be posted (consumed, deducted) or
 * voided (released, unfrozen), in whole or in parts. What is posted or voided can never exceed what
 * was held, so nothing is consumed twice.
 */
public record Hold(long id, long lotId, HoldKind kind, long heldM2, long remainingM2, String reference) {
    public Hold {
        if (heldM2 <= 0 || remainingM2 < 0 || remainingM2 > heldM2) {
            throw new IllegalStateException("hold " + id + " out of range");
        }
    }

    public boolean pending() {
        return remainingM2 > 0;
    }

    /** The hold after {@code areaM2} of it is posted or voided by {@code movement}. */
    public Hold settle(MovementKind movement, long areaM2) {
        if (movement != kind.post() && movement != kind.voids()) {
            throw new DomainException(ErrorCode.HOLD_KIND_MISMATCH,
                    "“" + movement.label() + "”不适用于" + kind.label() + "记录", movement + " does not settle a " + kind);
        }
        if (!pending()) {
            throw new DomainException(ErrorCode.HOLD_NOT_PENDING,
                    kind.label() + "记录 " + id + " 已处理完毕", "hold " + id + " is already settled");
        }
        if (areaM2 <= 0) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "areaM2",
                    "面积须为正的整数平方米", "area must be a positive whole number of m²");
        }
        if (areaM2 > remainingM2) {
            throw DomainException.field(ErrorCode.HOLD_EXCEEDED, "areaM2",
                    kind.label() + "记录 " + id + " 仅剩 " + Units.areaZh(remainingM2) + "，本次 " + Units.areaZh(areaM2),
                    areaM2 + " m² asked but only " + remainingM2 + " m² of hold " + id + " remain");
        }
        return new Hold(id, lotId, kind, heldM2, remainingM2 - areaM2, reference);
    }
}
