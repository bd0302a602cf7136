package cn.landbalance.settlement.adjustment;

import java.time.Instant;
import java.util.List;

/**
 * A confirmed self-balance or 调剂 of a county's year: each line covered an application with a lot's area (a coverage,
 * SELF for a township's own lot, ADJUSTMENT otherwise) and, for compensation, moved money between the funds. Never
 * changed; a line's coverage is undone only by reversing its application.
 */
public record Adjustment(long id, long countyId, int year, Scope scope, Compensation compensation, long pricePerMuFen,
                         long areaM2, long amountFen, Long confirmedBy, Instant confirmedAt, List<Done> lines) {

    /** A line as carried out: its coverage and its compensation's transfer (null when nothing was paid). */
    public record Done(Line line, long coverageId, Long transferId) {
    }

    /** The reference every coverage and transfer of this adjustment carries. */
    public static String reference(long id) {
        return "adjustment:" + id;
    }
}
