package cn.landbalance.settlement.fund;

import cn.landbalance.ledger.common.AsOf;

import java.util.List;
import java.util.Optional;

/** Port: the townships' expenses and their lifecycle. Row locks last until the transaction ends. */
public interface Expenses {
    /** Stores a new proposal (its id is ignored), announces it and returns it as stored. */
    Expense propose(Expense expense);

    Optional<Expense> find(long id);

    /** The expense, row-locked. */
    Optional<Expense> lock(long id);

    /** Stores an expense moved by the domain ({@code after} from {@code before}) and announces its new status. */
    void save(Expense before, Expense after);

    /** The township's commitments: the sum of its APPROVED, not yet paid, expenses. */
    long committedFen(long townshipId);

    /** Which expenses to list: one county's, narrowed by township, status and project. Null means any. */
    record Query(long countyId, Long townshipId, Expense.Status status, Long inflowProjectId) {
    }

    /** A page of the expenses the query selects, newest first. */
    List<Expense> list(Query query, int offset, int limit);

    long count(Query query);

    /**
     * One line of the county's spending for a year: what a township paid (by the bank's date) for one inflow project, or
     * for one purpose without a project, and what it still has approved and unpaid there. {@code category} null and
     * {@code inflowProjectId} null: money that left the fund as an expense without an approved claim — booked from a bank
     * statement line, or ({@code legacy}) recorded before expenses needed the county's approval.
     */
    record Spending(long townshipId, Long inflowProjectId, Expense.Category category, long paidFen, int paidCount,
                    long committedFen, boolean legacy) {
    }

    List<Spending> spending(long countyId, int year, AsOf asOf);
}
