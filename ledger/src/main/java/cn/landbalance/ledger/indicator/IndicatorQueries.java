package cn.landbalance.ledger.indicator;

import java.util.List;

/** Port: read models over the indicator ledger. */
public interface IndicatorQueries {
    /** The lots owned by a region (a township's inventory, or a reserve), oldest first. */
    List<IndicatorLot> lotsOwnedBy(long regionId);

    /** Each bucket's area over the region's lots as it stood just before {@code at}: the sums of the earlier movements. */
    java.util.Map<Bucket, Long> bucketsBefore(long regionId, java.time.Instant at);

    /** The movements of the region's lots made in [{@code from}, {@code to}), in order. */
    List<IndicatorStatement.Movement> movementsOf(long regionId, java.time.Instant from, java.time.Instant to);

    /** The region's statement for [{@code from}, {@code to}). */
    default IndicatorStatement statement(long regionId, java.time.Instant from, java.time.Instant to) {
        return IndicatorStatement.of(bucketsBefore(regionId, from), movementsOf(regionId, from, to));
    }

    /**
     * Recomputes the conservation laws of DOMAIN.md §9 for a county from the movements: per lot the
     * buckets equal the sums of movements, none negative, issued = the five buckets, open holds match the
     * reserved and frozen buckets, no hold settled beyond what it held, and the county and township totals
     * agree with the lots.
     */
    List<InvariantCheck> audit(long countyId);
}
