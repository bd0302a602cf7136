package cn.landbalance.ledger.indicator;

import cn.landbalance.ledger.common.AsOf;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Port: read models over the indicator ledger. */
public interface IndicatorQueries {
    /** The lots owned by a region (a township's inventory, or a reserve), oldest first. */
    List<IndicatorLot> lotsOwnedBy(long regionId);

    /** The lots an organisation restored itself and alone may use ({@code holderOrgId}), oldest first. */
    List<IndicatorLot> lotsHeldBy(long holderOrgId);

    /**
     * The region's lots as they stood at the moment: those issued before it, each with its buckets summed from the
     * movements recorded before it (live: {@link #lotsOwnedBy(long)}).
     */
    List<IndicatorLot> lotsOwnedBy(long regionId, AsOf asOf);

    /**
     * Each region's lots of the county summed (townships and reserves), live, leaving out lots whose issue was withdrawn
     * — the totals of {@code lotsOwnedBy} for every region at once, by region id.
     */
    Map<Long, LotBalances> totalsByOwner(long countyId);

    /** Each bucket's area over the region's lots as it stood just before {@code at}: the sums of the earlier movements. */
    Map<Bucket, Long> bucketsBefore(long regionId, Instant at);

    /** The movements of the region's lots made in [{@code from}, {@code to}), in order. */
    List<IndicatorStatement.Movement> movementsOf(long regionId, Instant from, Instant to);

    /** The region's statement for [{@code from}, {@code to}). */
    default IndicatorStatement statement(long regionId, Instant from, Instant to) {
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
