package cn.landbalance.settlement.inflow;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

/** A parcel's area by slope grade 1-5 (grade 5 is > 25°), in m². */
public record SlopeAreas(long grade1M2, long grade2M2, long grade3M2, long grade4M2, long grade5M2) {
    public SlopeAreas {
        if (grade1M2 < 0 || grade2M2 < 0 || grade3M2 < 0 || grade4M2 < 0 || grade5M2 < 0) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "areaM2",
                    "各坡度级面积不能为负数", "slope areas must not be negative");
        }
    }

    /** All of {@code areaM2} at one slope grade. */
    public static SlopeAreas single(int slopeGrade, long areaM2) {
        if (slopeGrade < 1 || slopeGrade > 5) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "slopeGrade",
                    "坡度级应为 1-5", "slope grade must be 1-5");
        }
        long[] v = new long[5];
        v[slopeGrade - 1] = areaM2;
        return new SlopeAreas(v[0], v[1], v[2], v[3], v[4]);
    }

    public long totalM2() {
        return Math.addExact(Math.addExact(Math.addExact(grade1M2, grade2M2), Math.addExact(grade3M2, grade4M2)), grade5M2);
    }
}
