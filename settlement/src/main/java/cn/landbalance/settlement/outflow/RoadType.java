package cn.landbalance.settlement.outflow;

import java.math.BigDecimal;

/** Where a green belt runs, and the widest belt allowed there (seed 000 二(二)2). */
public enum RoadType {
    COUNTY_TOWNSHIP_ROAD(new BigDecimal("3")),
    RAILWAY_NATIONAL_PROVINCIAL_ROAD(new BigDecimal("5")),
    /** Rivers, canals and reservoirs: "按规定标准", no width set by the seeds. */
    RIVER_RESERVOIR(null);

    private final BigDecimal maxWidthM;

    RoadType(BigDecimal maxWidthM) {
        this.maxWidthM = maxWidthM;
    }

    /** The widest belt allowed, or null where the seeds set none. */
    public BigDecimal maxWidthM() {
        return maxWidthM;
    }
}
