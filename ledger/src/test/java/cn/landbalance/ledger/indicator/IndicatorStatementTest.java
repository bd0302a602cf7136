package cn.landbalance.ledger.indicator;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IndicatorStatementTest {
    private static final Instant AT = Instant.parse("2026-06-30T02:00:00Z");

    private static IndicatorStatement.Movement m(long id, MovementKind kind, long area) {
        return new IndicatorStatement.Movement(id, AT, 7, kind, area, "ref-" + id);
    }

    @Test
    void eachMovementMovesAreaBetweenTwoBucketsAndTheRunningAvailableFollows() {
        // issued 1000; 300 reserved and consumed by an order; 200 frozen, 50 of it deducted, 150 unfrozen; 100 returned
        IndicatorStatement s = IndicatorStatement.of(Map.of(), List.of(m(1, MovementKind.ISSUE, 1000),
                m(2, MovementKind.RESERVE, 300), m(3, MovementKind.CONSUME, 300), m(4, MovementKind.FREEZE, 200),
                m(5, MovementKind.DEDUCT, 50), m(6, MovementKind.UNFREEZE, 150), m(7, MovementKind.RETURN, 100)));
        assertEquals(List.of(1000L, 700L, 700L, 500L, 500L, 650L, 750L),
                s.lines().stream().map(IndicatorStatement.Line::availableAfterM2).toList());
        assertEquals(750L, s.closing().get(Bucket.AVAILABLE));
        assertEquals(200L, s.closing().get(Bucket.CONSUMED));
        assertEquals(0L, s.closing().get(Bucket.FROZEN));
        assertEquals(50L, s.closing().get(Bucket.DEDUCTED));
        assertEquals(1000L, IndicatorStatement.issued(s.closing()), "movements between buckets keep the issued area");
    }

    @Test
    void aPeriodStartsFromTheBucketsBeforeIt() {
        Map<Bucket, Long> before = IndicatorStatement.buckets(List.of(m(1, MovementKind.ISSUE, 500), m(2, MovementKind.RESERVE, 200)));
        IndicatorStatement s = IndicatorStatement.of(before, List.of(m(3, MovementKind.RELEASE, 200), m(4, MovementKind.REVOKE, 500)));
        assertEquals(300L, s.opening().get(Bucket.AVAILABLE));
        assertEquals(200L, s.opening().get(Bucket.RESERVED));
        assertEquals(500L, s.lines().get(0).availableAfterM2());
        assertEquals(0L, s.closing().get(Bucket.AVAILABLE));
        assertEquals(500L, s.closing().get(Bucket.REVOKED));
    }
}
