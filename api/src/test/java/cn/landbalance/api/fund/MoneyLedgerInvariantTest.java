package cn.landbalance.api.fund;

import cn.landbalance.api.support.AllAtOnce;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.MoneyFen;
import cn.landbalance.ledger.indicator.InvariantCheck;
import cn.landbalance.ledger.money.MoneyLedger;
import cn.landbalance.ledger.money.MoneyQueries;
import cn.landbalance.ledger.money.TransferKind;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random receipts, expenses, reassignments between townships and repayments to the county reserve, eight at a time
 * from eight threads against the real database. After every round each fund equals a reference model (a balance per
 * account), no fund is below zero, and the money audit holds (every transfer balanced, balances equal their
 * transfers). Where a round debited a fund with no other operation on it, the model predicts exactly whether the
 * debit was refused (FUND_INSUFFICIENT). The seed is printed; {@code -Dmoney.seed=N} replays a run.
 */
@MicronautTest(transactional = false)
class MoneyLedgerInvariantTest extends ApiTest {
    private static final int ROUNDS = 150;
    private static final int THREADS = 8;
    private static final long RESERVE = -1;

    @Inject
    MoneyLedger ledger;
    @Inject
    MoneyQueries money;
    @Inject
    Regions regions;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    cn.landbalance.settlement.fund.ExpenseService expenses;
    /** Who proposes, approves and pays the model's expenses (the county admin's user, acting in each role). */
    private long userId;

    /** The reference model: each township fund's balance, and the county reserve's (keyed {@link #RESERVE}). */
    private final Map<Long, Long> balances = new HashMap<>();

    private enum Kind { RECEIVE, SPEND, REASSIGN, REPAY }

    /** {@code from} is debited (none for a receipt), {@code to} credited (none for an expense). */
    private record Op(Kind kind, long from, long to, long amountFen) {
    }

    private record Outcome(Op op, boolean refused) {
    }

    @Test
    void randomTransfersFromManyThreadsKeepEveryFundEqualToTheModel() throws Exception {
        long seed = Long.getLong("money.seed", System.nanoTime());
        System.out.println("MoneyLedgerInvariantTest seed " + seed);
        Random random = new Random(seed);
        long county = countyId();
        userId = api().get("/api/me", login("county_admin")).number("userId");
        List<Long> townships = tx.executeRead(status -> regions.children(county)).stream().map(Region::id).limit(4).toList();
        townships.forEach(t -> balances.put(t, 0L));
        balances.put(RESERVE, 0L);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        int executed = 0;
        int refused = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<Op> ops = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    ops.add(randomOp(random, townships));
                }
                List<Outcome> outcomes = runConcurrently(pool, ops, county);
                checkPredictableRefusals(outcomes, "round " + round + " seed " + seed);
                for (Outcome o : outcomes) {
                    executed++;
                    if (o.refused()) {
                        refused++;
                    } else {
                        apply(o.op());
                    }
                }
                for (long township : townships) {
                    long balance = tx.executeRead(status -> money.townshipAccount(township).balanceFen());
                    assertEquals(balances.get(township), balance, "fund of " + township + ", round " + round + " seed " + seed);
                    assertTrue(balance >= 0);
                }
                List<InvariantCheck> audit = tx.executeRead(status -> money.audit(county));
                for (InvariantCheck check : audit) {
                    assertTrue(check.ok(), check.name() + ": " + check.detail() + ", round " + round + " seed " + seed);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("MoneyLedgerInvariantTest: " + executed + " transfers, " + refused + " refused (FUND_INSUFFICIENT)");
        assertTrue(refused > 0 && refused < executed, "the random mix exercises both outcomes");
    }

    private Op randomOp(Random random, List<Long> townships) {
        long a = townships.get(random.nextInt(townships.size()));
        long b = townships.get(random.nextInt(townships.size()));
        long amount = 1 + random.nextInt(random.nextBoolean() ? 100 : 5_000_000);
        int choice = random.nextInt(100);
        if (choice < 40) {
            return new Op(Kind.RECEIVE, 0, a, amount);
        } else if (choice < 65) {
            return new Op(Kind.SPEND, a, 0, amount);
        } else if (choice < 90 && a != b) {
            return new Op(Kind.REASSIGN, a, b, amount);
        }
        return new Op(Kind.REPAY, a, RESERVE, amount);
    }

    private List<Outcome> runConcurrently(ExecutorService pool, List<Op> ops, long county) throws Exception {
        return AllAtOnce.run(pool, ops, op -> {
            try {
                tx.executeWrite(status -> execute(op, county));
                return new Outcome(op, false);
            } catch (DomainException e) {
                assertEquals(ErrorCode.FUND_INSUFFICIENT, e.code(), op + " refused with " + e.code());
                return new Outcome(op, true);
            }
        });
    }

    private Object execute(Op op, long county) {
        String reference = "MODEL-" + op.kind() + "-" + System.nanoTime();
        return switch (op.kind()) {
            case RECEIVE -> ledger.receive(county, op.to(), MoneyFen.of(op.amountFen()), TransferKind.SALE, reference, "model receipt");
            case SPEND -> spend(county, op.from(), op.amountFen(), reference);
            case REASSIGN -> ledger.reassign(county, op.from(), op.to(), MoneyFen.of(op.amountFen()), reference, "model reassignment");
            case REPAY -> ledger.repay(county, op.from(), county, MoneyFen.of(op.amountFen()), reference, "model repayment");
        };
    }

    /**
     * Money out of a fund as it goes now: proposed by the township, approved by the county (refused with FUND_INSUFFICIENT
     * when the fund does not hold it), paid with the reference today.
     */
    private Object spend(long county, long township, long amountFen, String reference) {
        var officer = new cn.landbalance.settlement.identity.Actor(userId, "model", cn.landbalance.settlement.identity.Role.TOWNSHIP_OFFICER,
                0, township, county);
        var admin = new cn.landbalance.settlement.identity.Actor(userId, "model", cn.landbalance.settlement.identity.Role.COUNTY_ADMIN,
                0, county, county);
        var proposed = expenses.propose(officer, regions.findById(township).orElseThrow(),
                new cn.landbalance.settlement.fund.ExpenseService.Proposal(amountFen,
                        cn.landbalance.settlement.fund.Expense.Category.OTHER, null, "model payee", "model expense", null));
        expenses.approve(admin, proposed.id(), null);
        return expenses.pay(officer, proposed.id(), reference, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
    }

    /** A debit of a fund that no other operation of the round touched is refused exactly when the model says so. */
    private void checkPredictableRefusals(List<Outcome> outcomes, String where) {
        for (Outcome o : outcomes) {
            if (o.op().kind() == Kind.RECEIVE) {
                continue;
            }
            long fund = o.op().from();
            long touching = outcomes.stream().filter(x -> x.op().from() == fund || x.op().to() == fund).count();
            if (touching == 1) {
                boolean insufficient = balances.get(fund) < o.op().amountFen();
                assertEquals(insufficient, o.refused(), o.op() + " with " + balances.get(fund) + " fen, " + where);
            }
        }
    }

    private void apply(Op op) {
        if (op.kind() != Kind.RECEIVE) {
            balances.merge(op.from(), -op.amountFen(), Long::sum);
        }
        if (op.kind() != Kind.SPEND) {
            balances.merge(op.to(), op.amountFen(), Long::sum);
        }
    }
}
