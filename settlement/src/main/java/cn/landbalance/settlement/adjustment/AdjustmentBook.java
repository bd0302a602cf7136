package cn.landbalance.settlement.adjustment;

import cn.landbalance.ledger.common.AreaM2;
import cn.landbalance.ledger.common.MoneyFen;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: what the county's year offers to a self-balance or 调剂, and the adjustments confirmed. */
public interface AdjustmentBook {
    /**
     * What the county's townships' own applications of the year (applicant: the township government) still need,
     * for applications that still take coverage.
     */
    List<Need> needs(long countyId, int year);

    /**
     * The available area of the lots of the county's townships and of its reserve, of the year or earlier, not held by
     * an enterprise.
     */
    List<Supply> supplies(long countyId, int year);

    /** Opens the record of an adjustment being confirmed and returns its id (its lines follow with {@link #finish}). */
    long open(long countyId, int year, Scope scope, Compensation compensation, MoneyFen pricePerMu, AreaM2 area,
              MoneyFen amount, Long userId, Instant at, Long rulesVersionId);

    /** Writes the adjustment's lines as carried out and announces it. */
    Adjustment finish(long adjustmentId, List<Adjustment.Done> lines);

    List<Adjustment> list(long countyId, int year);

    /** Which of the county's townships border each other. */
    Neighbours neighbours(long countyId);

    /** Replaces the county's neighbours and announces {@code county.neighbours_set}. */
    void replaceNeighbours(long countyId, Neighbours neighbours, long userId);

    Optional<Adjustment> find(long id);
}
