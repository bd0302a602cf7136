package cn.landbalance.settlement.fund;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.MoneyFen;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.money.AccountKind;
import cn.landbalance.ledger.money.MoneyLedger;
import cn.landbalance.ledger.money.MoneyQueries;
import cn.landbalance.ledger.money.Transfer;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Role;
import cn.landbalance.settlement.inflow.InflowProject;
import cn.landbalance.settlement.inflow.InflowProjects;
import cn.landbalance.settlement.inflow.InflowStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.TreeMap;

/**
 * The township proposes, the county approves, the township pays (see {@link Expense}). Lock order: the expense, then
 * the township's fund account. Every use case runs in the caller's transaction.
 */
public class ExpenseService {
    private final Expenses expenses;
    private final InflowProjects projects;
    private final MoneyLedger ledger;
    private final MoneyQueries money;
    private final PaymentReferences references;
    private final Clock clock;

    public ExpenseService(Expenses expenses, InflowProjects projects, MoneyLedger ledger, MoneyQueries money,
                          PaymentReferences references, Clock clock) {
        this.expenses = expenses;
        this.projects = projects;
        this.ledger = ledger;
        this.money = money;
        this.references = references;
        this.clock = clock;
    }

    /** What the township asks to spend. */
    public record Proposal(long amountFen, Expense.Category category, Long inflowProjectId, String payeeName,
                           String purpose, String reference) {
    }

    /**
     * The township's officer proposes an expense of its fund. A named inflow project must be one of the township's and
     * not rejected or withdrawn.
     */
    public Expense propose(Actor actor, Region township, Proposal p) {
        if (actor.role() != Role.TOWNSHIP_OFFICER || actor.regionId() != township.id()) {
            throw new DomainException(ErrorCode.FORBIDDEN,
                    "只有本乡镇的工作人员可以提出支出申请", "only the township's officer proposes its expenses");
        }
        Expense proposed = Expense.proposed(township.countyId(), township.id(), p.amountFen(), p.category(),
                p.inflowProjectId(), p.payeeName(), p.purpose(), p.reference(), actor.userId(), Instant.now(clock));
        if (p.inflowProjectId() != null) {
            InflowProject project = projects.find(p.inflowProjectId()).filter(x -> x.townshipId() == township.id())
                    .orElseThrow(() -> DomainException.field(ErrorCode.INFLOW_PROJECT_NOT_FOUND, "inflowProjectId",
                            "本乡镇没有转进项目 " + p.inflowProjectId(),
                            "the township has no inflow project " + p.inflowProjectId()));
            if (project.status() == InflowStatus.REJECTED || project.status() == InflowStatus.WITHDRAWN) {
                throw DomainException.field(ErrorCode.EXPENSE_PROJECT_CLOSED, "inflowProjectId",
                        "转进项目 " + project.id() + " 已" + (project.status() == InflowStatus.REJECTED ? "驳回" : "撤销")
                                + "，不能再为其支出",
                        "inflow project " + project.id() + " is " + project.status());
            }
        }
        return expenses.propose(proposed);
    }

    /** The expense if the actor may see it: the township's officer, or a county role of its county. */
    public Expense visible(Actor actor, long expenseId) {
        return expenses.find(expenseId).filter(e -> maySee(actor, e)).orElseThrow(() -> notFound(expenseId));
    }

    /**
     * The county approves: the fund must hold the amount beyond what it already committed to approved, unpaid expenses
     * (checked with the fund locked, so two approvals cannot both count the same money).
     */
    public Expense approve(Actor actor, long expenseId, String note) {
        Expense before = lockVisible(actor, expenseId);
        requireCounty(actor);
        ledger.lockInOrder(before.countyId(), new TreeMap<>(java.util.Map.of(before.townshipId(), AccountKind.TOWNSHIP_FUND)));
        Expense after = before.decided(Expense.Status.APPROVED, actor.userId(), Instant.now(clock), note);
        long balance = money.townshipAccount(before.townshipId()).balanceFen();
        long committed = expenses.committedFen(before.townshipId());
        if (balance - committed < before.amountFen()) {
            throw DomainException.field(ErrorCode.FUND_INSUFFICIENT, "amountFen",
                    "专项资金余额 " + Units.fenToYuan(balance) + " 元，已批准未支付 " + Units.fenToYuan(committed) + " 元，尚可批准 "
                            + Units.fenToYuan(Math.max(0, balance - committed)) + " 元",
                    "the fund holds " + balance + " fen of which " + committed
                            + " fen are committed to approved expenses");
        }
        expenses.save(before, after);
        return after;
    }

    /** The county rejects a proposal, with its reason. */
    public Expense reject(Actor actor, long expenseId, String reason) {
        Expense before = lockVisible(actor, expenseId);
        requireCounty(actor);
        Expense after = before.decided(Expense.Status.REJECTED, actor.userId(), Instant.now(clock), reason);
        expenses.save(before, after);
        return after;
    }

    /** The township withdraws its proposal before the county decides. */
    public Expense withdraw(Actor actor, long expenseId) {
        Expense before = lockVisible(actor, expenseId);
        requireTownship(actor, before);
        Expense after = before.decided(Expense.Status.WITHDRAWN, actor.userId(), Instant.now(clock), null);
        expenses.save(before, after);
        return after;
    }

    /** An approved expense that will not be paid (the contract fell through): cancelled with a reason, its commitment freed. */
    public Expense cancel(Actor actor, long expenseId, String reason) {
        Expense before = lockVisible(actor, expenseId);
        if (actor.role() == Role.COUNTY_VIEWER) {
            throw new DomainException(ErrorCode.FORBIDDEN, "查看角色不能撤销支出", "a viewer cannot cancel an expense");
        }
        Expense after = before.decided(Expense.Status.CANCELLED, actor.userId(), Instant.now(clock), reason);
        expenses.save(before, after);
        return after;
    }

    /**
     * The township pays an approved expense: the money leaves the fund on the bank's date with the bank's serial (unique
     * across everything the funds were paid with or paid out), refused rather than overdrawing the fund.
     */
    public Expense pay(Actor actor, long expenseId, String bankSerial, LocalDate paidOn) {
        Expense before = lockVisible(actor, expenseId);
        requireTownship(actor, before);
        if (bankSerial == null || bankSerial.isBlank()) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, "bankSerial", "请填写银行流水号", "bankSerial is required");
        }
        if (paidOn == null) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, "paidOn", "请填写付款日期", "paidOn is required");
        }
        String serial = bankSerial.strip();
        LocalDate today = LocalDate.now(clock);
        LocalDate approvedOn = before.decidedAt() == null ? today : before.decidedAt().atZone(clock.getZone()).toLocalDate();
        // the domain's checks first (state, dates), so a refused payment claims no serial and moves no money
        before.paid(new Expense.Payment(serial, paidOn, 0, actor.userId(), Instant.now(clock)), approvedOn, today);
        references.claimOrRefuse(serial, PaymentReferences.Kind.EXPENSE, before.id(), "bankSerial");
        Transfer transfer = ledger.spend(before.countyId(), before.townshipId(), MoneyFen.of(before.amountFen()), serial, before.memo(),
                paidOn);
        Expense after = before.paid(new Expense.Payment(serial, paidOn, transfer.id(), actor.userId(), Instant.now(clock)),
                approvedOn, today);
        expenses.save(before, after);
        return after;
    }

    private Expense lockVisible(Actor actor, long expenseId) {
        return expenses.lock(expenseId).filter(e -> maySee(actor, e)).orElseThrow(() -> notFound(expenseId));
    }

    /** The township's own officer, or a county role of the expense's county. */
    private static boolean maySee(Actor actor, Expense e) {
        return actor.role() == Role.TOWNSHIP_OFFICER ? actor.regionId() == e.townshipId()
                : actor.isCountyRole() && actor.inCounty(e.countyId());
    }

    private static void requireCounty(Actor actor) {
        if (actor.role() != Role.COUNTY_ADMIN) {
            throw new DomainException(ErrorCode.FORBIDDEN, "支出由县级审批", "the county approves expenses");
        }
    }

    private static void requireTownship(Actor actor, Expense e) {
        if (actor.role() != Role.TOWNSHIP_OFFICER || actor.regionId() != e.townshipId()) {
            throw new DomainException(ErrorCode.FORBIDDEN,
                    "只有本乡镇可以撤回或支付其支出", "only the township withdraws or pays its expenses");
        }
    }

    private static DomainException notFound(long expenseId) {
        return new DomainException(ErrorCode.EXPENSE_NOT_FOUND, "支出申请 " + expenseId, "expense " + expenseId);
    }
}
