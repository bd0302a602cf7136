package cn.landbalance.settlement.spatial;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of one of the county's constraint layers: what it is, where it came from and as of when. A new upload of
 * the same kind is the next version; earlier versions stay, and every check names the versions it used.
 */
public record ConstraintLayer(long id, long countyId, LayerKind kind, int version, String source, LocalDate dataDate,
                              int featureCount, long areaM2, Instant uploadedAt, long uploadedBy) {
}
