package cn.landbalance.api.indicator;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.AllAtOnce;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.ledger.common.AreaM2;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.indicator.Bucket;
import cn.landbalance.ledger.indicator.Hold;
import cn.landbalance.ledger.indicator.HoldKind;
import cn.landbalance.ledger.indicator.IndicatorLedger;
import cn.landbalance.ledger.indicator.IndicatorLot;
import cn.landbalance.ledger.indicator.IndicatorQueries;
import cn.landbalance.ledger.indicator.IndicatorStore;
import cn.landbalance.ledger.indicator.MovementKind;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.Regions;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Thousands of random issue/reserve/release/consume/freeze/unfreeze/deduct/revoke/return operations, eight at a time from
 * eight threads against the real database. After every round the lots and holds must equal a small
 * reference model, and /api/audit/invariants must report every conservation law holding. Where a round
 * touched a lot or hold only once, the model also predicts exactly whether the operation was refused.
 * The seed is printed; {@code -Dledger.seed=N} replays a run.
 */
@MicronautTest(transactional = false)
class IndicatorLedgerInvariantTest extends ApiTest {
    private static final int ROUNDS = 300;
    private static final int THREADS = 8;
    private static final Set<ErrorCode> EXPECTED_REFUSALS = Set.of(
            ErrorCode.INSUFFICIENT_AVAILABLE_INDICATORS, ErrorCode.HOLD_EXCEEDED, ErrorCode.HOLD_NOT_PENDING,
            ErrorCode.LOT_IN_USE);

    @Inject
    IndicatorLedger ledger;
    @Inject
    IndicatorStore store;
    @Inject
    IndicatorQueries queries;
    @Inject
    Regions regions;
    @Inject
    TransactionOperations<Connection> tx;

    /** The reference model: five buckets per lot, and what each hold still holds. */
    private final Map<Long, long[]> lots = new HashMap<>();
    private final Map<Long, Long> lotOwner = new HashMap<>();
    private final Map<Long, Hold> holds = new HashMap<>();

    /** One operation of a round: on a lot (issue/reserve/freeze) or on a hold (settle). */
    private record Op(MovementKind kind, long targetId, long areaM2) {
    }

    private record Outcome(Op op, Object result, ErrorCode refusal) {
    }

    @Test
    void randomOperationsFromManyThreadsKeepEveryConservationLaw() throws Exception {
        long seed = Long.getLong("ledger.seed", System.nanoTime());
        System.out.println("IndicatorLedgerInvariantTest seed " + seed);
        Random random = new Random(seed);
        long county = countyId();
        List<Region> townships = tx.executeRead(status -> regions.children(county));
        for (int i = 0; i < 4; i++) {
            issue(townships.get(i % 2).id(), county, 1 + random.nextInt(50_000));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        int executed = 0;
        int refused = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<Op> ops = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    ops.add(randomOp(random, townships, county));
                }
                List<Outcome> outcomes = runConcurrently(pool, ops);
                for (Outcome outcome : outcomes) {
                    executed++;
                    if (outcome.refusal() != null) {
                        refused++;
                    }
                }
                checkPredictableOutcomes(outcomes);
                apply(outcomes);
                assertDatabaseEqualsModel(townships, "round " + round + " seed " + seed);
                Response invariants = api().get("/api/audit/invariants", login("county_admin"));
                assertTrue(invariants.json().get("ok").asBoolean(), "round " + round + " seed " + seed + ": " + invariants.body());
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("IndicatorLedgerInvariantTest: " + executed + " operations, " + refused + " refused by the rules");
        assertTrue(executed >= 2000);
        assertTrue(refused > 0 && refused < executed, "the random mix exercises both outcomes");
    }

    private Op randomOp(Random random, List<Region> townships, long county) {
        List<Hold> pending = holds.values().stream().filter(Hold::pending).toList();
        int choice = random.nextInt(100);
        if (choice < 3) {
            return new Op(MovementKind.ISSUE, townships.get(random.nextInt(2)).id(), 1 + random.nextInt(20_000));
        }
        if (choice < 5) {
            List<Long> ids = new ArrayList<>(lots.keySet());
            return new Op(MovementKind.REVOKE, ids.get(random.nextInt(ids.size())), 0);
        }
        if (choice < 10) {
            // a reversed coverage gives consumed area back, sometimes more than the lot consumed (refused)
            List<Long> ids = new ArrayList<>(lots.keySet());
            long lot = ids.get(random.nextInt(ids.size()));
            long consumed = lots.get(lot)[Bucket.CONSUMED.ordinal()];
            return new Op(MovementKind.RETURN, lot, 1 + (long) random.nextInt((int) Math.min(Integer.MAX_VALUE - 1, consumed + consumed / 5 + 1)));
        }
        if (choice < 45 || pending.isEmpty()) {
            List<Long> ids = new ArrayList<>(lots.keySet());
            long lot = ids.get(random.nextInt(ids.size()));
            long available = lots.get(lot)[Bucket.AVAILABLE.ordinal()];
            long area = 1 + (long) random.nextInt((int) Math.min(Integer.MAX_VALUE - 1, available / 3 + 50));
            return new Op(random.nextBoolean() ? MovementKind.RESERVE : MovementKind.FREEZE, lot, area);
        }
        Hold hold = pending.get(random.nextInt(pending.size()));
        long area = 1 + (long) random.nextInt((int) Math.min(Integer.MAX_VALUE - 1, hold.remainingM2() + hold.remainingM2() / 5 + 1));
        boolean post = random.nextBoolean();
        MovementKind kind = hold.kind() == HoldKind.RESERVATION
                ? (post ? MovementKind.CONSUME : MovementKind.RELEASE)
                : (post ? MovementKind.DEDUCT : MovementKind.UNFREEZE);
        return new Op(kind, hold.id(), area);
    }

    private List<Outcome> runConcurrently(ExecutorService pool, List<Op> ops) throws Exception {
        long county = countyIdCached;
        return AllAtOnce.run(pool, ops, op -> {
            try {
                Object result = tx.executeWrite(status -> execute(op, county));
                return new Outcome(op, result, null);
            } catch (DomainException e) {
                if (!EXPECTED_REFUSALS.contains(e.code())) {
                    throw new AssertionError(op + " refused with unexpected " + e.code(), e);
                }
                return new Outcome(op, null, e.code());
            }
        });
    }

    private long countyIdCached;

    private Object execute(Op op, long county) {
        return switch (op.kind()) {
            case ISSUE -> ledger.issue(op.targetId(), county, 10, false, 2026, null, AreaM2.of(op.areaM2()), "test-issue");
            case RESERVE -> ledger.reserve(op.targetId(), AreaM2.of(op.areaM2()), "test-order");
            case FREEZE -> ledger.freeze(op.targetId(), AreaM2.of(op.areaM2()), "test-case");
            case CONSUME -> ledger.consume(op.targetId(), AreaM2.of(op.areaM2()));
            case RELEASE -> ledger.release(op.targetId(), AreaM2.of(op.areaM2()));
            case DEDUCT -> ledger.deduct(op.targetId(), AreaM2.of(op.areaM2()));
            case UNFREEZE -> ledger.unfreeze(op.targetId(), AreaM2.of(op.areaM2()));
            case REVOKE -> ledger.revoke(op.targetId(), "test-revoke");
            case RETURN -> ledger.giveBack(op.targetId(), AreaM2.of(op.areaM2()), "test-return");
        };
    }

    /** Where a lot or hold was the target of exactly one operation this round, the model knows the outcome. */
    private void checkPredictableOutcomes(List<Outcome> outcomes) {
        Map<Long, Long> lotTouches = outcomes.stream().collect(Collectors.groupingBy(o -> lotOf(o.op()), Collectors.counting()));
        for (Outcome o : outcomes) {
            if (o.op().kind() == MovementKind.ISSUE || lotTouches.get(lotOf(o.op())) != 1) {
                continue;
            }
            boolean expectSuccess;
            if (o.op().kind() == MovementKind.REVOKE) {
                long[] b = lots.get(o.op().targetId());
                boolean everHeld = holds.values().stream().anyMatch(h -> h.lotId() == o.op().targetId());
                expectSuccess = !everHeld && b[Bucket.AVAILABLE.ordinal()] > 0 && b[Bucket.REVOKED.ordinal()] == 0;
            } else if (o.op().kind() == MovementKind.RETURN) {
                expectSuccess = o.op().areaM2() <= lots.get(o.op().targetId())[Bucket.CONSUMED.ordinal()];
            } else if (o.op().kind() == MovementKind.RESERVE || o.op().kind() == MovementKind.FREEZE) {
                expectSuccess = o.op().areaM2() <= lots.get(o.op().targetId())[Bucket.AVAILABLE.ordinal()];
            } else {
                expectSuccess = o.op().areaM2() <= holds.get(o.op().targetId()).remainingM2();
            }
            assertEquals(expectSuccess, o.refusal() == null, "model and ledger disagree on " + o);
        }
    }

    private long lotOf(Op op) {
        return switch (op.kind()) {
            case ISSUE -> -1 - op.targetId();
            case RESERVE, FREEZE, REVOKE, RETURN -> op.targetId();
            default -> holds.get(op.targetId()).lotId();
        };
    }

    private void apply(List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            if (o.refusal() != null) {
                continue;
            }
            switch (o.op().kind()) {
                case ISSUE -> {
                    IndicatorLot lot = (IndicatorLot) o.result();
                    lots.put(lot.id(), new long[]{o.op().areaM2(), 0, 0, 0, 0, 0});
                    lotOwner.put(lot.id(), o.op().targetId());
                }
                case REVOKE -> {
                    long[] b = lots.get(o.op().targetId());
                    move(o.op().targetId(), MovementKind.REVOKE, b[Bucket.AVAILABLE.ordinal()]);
                }
                case RETURN -> move(o.op().targetId(), MovementKind.RETURN, o.op().areaM2());
                case RESERVE, FREEZE -> {
                    Hold hold = (Hold) o.result();
                    move(o.op().targetId(), o.op().kind(), o.op().areaM2());
                    holds.put(hold.id(), new Hold(hold.id(), hold.lotId(), hold.kind(), o.op().areaM2(), o.op().areaM2(), hold.reference()));
                }
                default -> {
                    Hold before = holds.get(o.op().targetId());
                    move(before.lotId(), o.op().kind(), o.op().areaM2());
                    holds.put(before.id(), new Hold(before.id(), before.lotId(), before.kind(), before.heldM2(),
                            before.remainingM2() - o.op().areaM2(), before.reference()));
                }
            }
        }
    }

    private void move(long lotId, MovementKind kind, long areaM2) {
        long[] b = lots.get(lotId);
        b[kind.from().ordinal()] -= areaM2;
        b[kind.to().ordinal()] += areaM2;
    }

    private void assertDatabaseEqualsModel(List<Region> townships, String where) {
        tx.executeRead(status -> {
            int seen = 0;
            for (Region township : townships.subList(0, 2)) {
                for (IndicatorLot lot : queries.lotsOwnedBy(township.id())) {
                    long[] expected = lots.get(lot.id());
                    long[] actual = {lot.balances().availableM2(), lot.balances().reservedM2(), lot.balances().frozenM2(),
                            lot.balances().consumedM2(), lot.balances().deductedM2(), lot.balances().revokedM2()};
                    assertArrayEquals(expected, actual, where + " lot " + lot.id());
                    for (long v : expected) {
                        assertTrue(v >= 0, where + " model went negative on lot " + lot.id());
                    }
                    seen++;
                }
            }
            assertEquals(lots.size(), seen, where);
            for (Hold hold : holds.values()) {
                assertEquals(hold.remainingM2(), store.findHold(hold.id()).orElseThrow().remainingM2(), where + " hold " + hold.id());
            }
            return null;
        });
    }

    private void issue(long township, long county, long areaM2) {
        countyIdCached = county;
        IndicatorLot lot = tx.executeWrite(status -> ledger.issue(township, county, 10, false, 2026, null, AreaM2.of(areaM2), "seed"));
        lots.put(lot.id(), new long[]{areaM2, 0, 0, 0, 0, 0});
        lotOwner.put(lot.id(), township);
    }

    @Test
    void aMovementCannotBeRewrittenOrDeleted() {
        long county = countyId();
        long township = tx.executeRead(status -> regions.children(county)).get(3).id();
        IndicatorLot lot = tx.executeWrite(status -> ledger.issue(township, county, 5, true, 2026, null, AreaM2.of(777), "immutable"));
        for (String sql : List.of("update indicator_movement set area_m2 = 1 where lot_id = " + lot.id(),
                "delete from indicator_movement where lot_id = " + lot.id(),
                "update indicator_lot set available_m2 = available_m2 + 1 where id = " + lot.id(),
                "update indicator_lot set issued_m2 = 1, available_m2 = 1 where id = " + lot.id(),
                "update indicator_lot set available_m2 = -1, consumed_m2 = 778 where id = " + lot.id())) {
            try {
                tx.executeWrite(status -> {
                    try {
                        status.getConnection().createStatement().execute(sql);
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    return null;
                });
                fail("the database accepted: " + sql);
            } catch (IllegalStateException expected) {
                assertTrue(expected.getCause() instanceof java.sql.SQLException, sql);
            }
        }
        Response inventory = api().get("/api/townships/" + township + "/inventory", login("county_admin"));
        assertEquals(777, inventory.number("availableM2"));
    }
}
