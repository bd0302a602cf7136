package cn.landbalance.settlement.violation;

import java.time.Instant;

/** A restoration or the legalisation of a case, with its area and the reason the county gave. */
public record ViolationDecision(long id, Kind kind, long areaM2, String reason, long decidedBy, Instant decidedAt) {
    public enum Kind { RESTORE, LEGALIZE }

    /** At most this many characters of reason. */
    public static final int MAX_REASON = 500;
}
