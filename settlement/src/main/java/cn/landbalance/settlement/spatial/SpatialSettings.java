package cn.landbalance.settlement.spatial;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

/**
 * How a county measures and overlays parcels: its Gauss-Krüger zone, how far a parcel's computed area may differ from
 * the declared one (‰ of the declared area, at least 1 m²) and how much overlap with a constraint layer is taken as
 * drawing noise rather than a conflict (m²).
 */
public record SpatialSettings(long countyId, GaussKruger grid, int areaTolerancePermille, long overlapToleranceM2) {
    public static final int DEFAULT_AREA_TOLERANCE_PERMILLE = 10;
    public static final long DEFAULT_OVERLAP_TOLERANCE_M2 = 1;

    public SpatialSettings {
        if (areaTolerancePermille < 0 || areaTolerancePermille > 200) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "areaTolerancePermille", "面积误差须在 0‰–200‰ 之间",
                    "the area tolerance must be 0-200‰");
        }
        if (overlapToleranceM2 < 0 || overlapToleranceM2 > 10_000) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "overlapToleranceM2", "重叠容差须在 0–10 000 平方米之间",
                    "the overlap tolerance must be 0-10 000 m²");
        }
    }

    /** The difference from {@code declaredM2} still taken as the same area. */
    public long areaToleranceM2(long declaredM2) {
        return Math.max(1, (declaredM2 * areaTolerancePermille + 999) / 1000);
    }
}
