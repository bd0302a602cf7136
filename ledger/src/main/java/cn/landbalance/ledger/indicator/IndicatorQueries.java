package cn.landbalance.ledger.indicator;

import java.util.List;

/** Port: read models over the indicator ledger. */
public interface IndicatorQueries {
    /** The lots owned by a region (a township's inventory, or a reserve), oldest first. */
    List<IndicatorLot> lotsOwnedBy(long regionId);

    /**
     * Recomputes the conservation laws of DOMAIN.md §9 for a county from the movements: per lot the
     * buckets equal the sums of movements, none negative, issued = the five buckets, open holds match the
     * reserved and frozen buckets, no hold settled beyond what it held, and the county and township totals
     * agree with the lots.
     */
    List<InvariantCheck> audit(long countyId);
}
