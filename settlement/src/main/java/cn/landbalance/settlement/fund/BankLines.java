package cn.landbalance.settlement.fund;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Port: the bank statement lines a township fund has seen, each once (a line of an overlapping statement is recognised
 * by its date, amount, serial, counterparty and balance), with what became of it, and every reconciliation run.
 */
public interface BankLines {
    /** OPEN: not in the books yet; MATCHED: matched to a ledger entry; BOOKED: booked from the statement as a receipt or charge. */
    enum Status { OPEN, MATCHED, BOOKED }

    /**
     * What a line was booked as: money in (interest, 财政补助, other), money in that is paid back to whoever sent it
     * (REFUND: a duplicate or late payment, a payer the fund does not know), or out (a bank charge, other).
     */
    enum BookedAs { INTEREST, SUBSIDY, REFUND, BANK_CHARGE, OTHER }

    record StoredLine(long id, long townshipId, LocalDate date, long amountFen, String reference, String counterparty,
                      String memo, Long balanceFen, Status status, String note, BookedAs bookedAs, Long transferId) {
    }

    record Run(long id, long townshipId, String fileSha256, String fileName, LocalDate from, LocalDate to, int linesRead,
               int linesNew, int matched, int open, Long bankBalanceFen, long bookBalanceFen, Boolean balanced,
               Long reconciledBy, OffsetDateTime at) {
    }

    /** Records a reconciliation run (its id is ignored); {@link #finishRun} completes its counts. */
    Run insertRun(Run run, long countyId);

    /** Completes a run with what it found, once its lines are stored, settled and matched; returns it as stored. */
    Run finishRun(long runId, int linesNew, int matched, int open, Long bankBalanceFen, long bookBalanceFen, Boolean balanced);

    /**
     * Stores the statement's lines not seen before for this township (first seen in {@code runId}); returns every line
     * of {@code lines} as stored, in the same order, and how many were new.
     */
    Stored store(long townshipId, long countyId, long runId, List<BankStatement.Line> lines);

    record Stored(List<StoredLine> lines, int added) {
    }

    /** Marks OPEN lines MATCHED (a ledger entry now matches them). */
    void markMatched(List<Long> lineIds);

    /** The line, row-locked until the transaction ends. */
    Optional<StoredLine> lock(long lineId);

    void markBooked(long lineId, BookedAs bookedAs, String reason, long transferId);

    void note(long lineId, String note);

    /** The township's lines, newest first, optionally of one status (at most 1 000). */
    List<StoredLine> ofTownship(long townshipId, Status status);

    /** The township's reconciliation runs, newest first. */
    List<Run> runs(long townshipId);
}
