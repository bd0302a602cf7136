package cn.landbalance.ledger.indicator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A region's indicator statement (指标台账) for a period, read from the immutable movements of its lots: the buckets as
 * they stood at the start, every movement in order with the available area after it, and the buckets at the end. The
 * buckets at any instant are the sums of the movements before it, so the statement of a past period never changes.
 */
public record IndicatorStatement(Map<Bucket, Long> opening, List<Line> lines, Map<Bucket, Long> closing) {

    /** One movement as the statement shows it; {@code availableAfterM2}: the region's available area after it. */
    public record Line(long movementId, Instant at, long lotId, MovementKind kind, long areaM2, String reference,
                       long availableAfterM2) {
    }

    /** A movement as stored. */
    public record Movement(long id, Instant at, long lotId, MovementKind kind, long areaM2, String reference) {
    }

    /** The statement from the buckets at the start and the period's movements in the order they were made. */
    public static IndicatorStatement of(Map<Bucket, Long> opening, List<Movement> movements) {
        Map<Bucket, Long> running = new EnumMap<>(Bucket.class);
        for (Bucket b : Bucket.values()) {
            running.put(b, opening.getOrDefault(b, 0L));
        }
        Map<Bucket, Long> start = new EnumMap<>(running);
        List<Line> lines = new ArrayList<>(movements.size());
        for (Movement m : movements) {
            apply(running, m.kind(), m.areaM2());
            lines.add(new Line(m.id(), m.at(), m.lotId(), m.kind(), m.areaM2(), m.reference(), running.get(Bucket.AVAILABLE)));
        }
        return new IndicatorStatement(start, List.copyOf(lines), running);
    }

    /** The buckets after all of {@code movements}, from nothing. */
    public static Map<Bucket, Long> buckets(List<Movement> movements) {
        return of(Map.of(), movements).closing();
    }

    /** Issued area: what ISSUE brought in, every bucket counted. */
    public static long issued(Map<Bucket, Long> buckets) {
        return buckets.values().stream().mapToLong(Long::longValue).sum();
    }

    private static void apply(Map<Bucket, Long> buckets, MovementKind kind, long areaM2) {
        if (kind.from() != null) {
            buckets.merge(kind.from(), -areaM2, Long::sum);
        }
        buckets.merge(kind.to(), areaM2, Long::sum);
    }
}
