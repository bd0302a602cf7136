package cn.landbalance.settlement.fund;

import cn.landbalance.ledger.common.Sha256;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.money.MoneyLedger;
import cn.landbalance.ledger.money.MoneyQueries;
import cn.landbalance.ledger.money.Transfer;
import cn.landbalance.ledger.money.TransferKind;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.settlement.fund.BankLines.BookedAs;
import cn.landbalance.settlement.fund.BankLines.StoredLine;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A township's finance officer reconciles the fund account with the bank: the statement's lines are stored once each
 * (an overlapping statement adds only what is new), matched to the fund's ledger entries of the period, the run is
 * recorded with its 余额调节表, and a line the books do not have can be booked (interest, 财政补助, a bank charge, other,
 * with a reason) — once — or left open with a note.
 */
public class BankReconciliations {
    private final MoneyQueries money;
    private final MoneyLedger ledger;
    private final BankLines lines;
    private final Clock clock;

    private final PaymentReferences references;

    public BankReconciliations(MoneyQueries money, MoneyLedger ledger, BankLines lines, PaymentReferences references,
                               Clock clock) {
        this.references = references;
        this.money = money;
        this.ledger = ledger;
        this.lines = lines;
        this.clock = clock;
    }

    /** A run: the match of the statement's lines, the 余额调节表, the lines as stored, and the run's record. */
    public record Outcome(LocalDate from, LocalDate to, Reconciliation.Result result, Reconciliation.Adjustment adjustment,
                          Map<Integer, StoredLine> storedByRow, BankLines.Run run) {
    }

    public Outcome reconcile(Region township, byte[] file, String fileName, Long userId) {
        List<BankStatement.Line> read = BankStatement.read(file);
        LocalDate from = read.stream().map(BankStatement.Line::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = read.stream().map(BankStatement.Line::date).max(LocalDate::compareTo).orElseThrow();
        MoneyQueries.Statement statement = money.statement(township.id(), from.atStartOfDay(clock.getZone()).toOffsetDateTime(),
                to.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime());
        List<Reconciliation.LedgerEntry> entries = statement.lines().stream().map(l -> new Reconciliation.LedgerEntry(
                l.at().atZoneSameInstant(clock.getZone()).toLocalDate(), l.amountFen(), l.reference(), l.memo())).toList();
        List<Reconciliation.BankLine> bank = read.stream().map(l -> new Reconciliation.BankLine(l.row(), l.date(),
                l.amountFen(), l.reference(), l.counterparty(), l.memo())).toList();
        Reconciliation.Result result = Reconciliation.match(bank, entries);
        Reconciliation.Adjustment adjustment = Reconciliation.adjust(result, closingBalance(read), statement.closingFen());

        BankLines.Run run = lines.insertRun(new BankLines.Run(0, township.id(), Sha256.hex(file), fileName, from, to, read.size(),
                0, result.matched().size(), result.unmatchedBankLines().size(), adjustment.bankBalanceFen(),
                adjustment.bookBalanceFen(), adjustment.balanced(), userId, OffsetDateTime.now(clock)), township.countyId());
        BankLines.Stored stored = lines.store(township.id(), township.countyId(), run.id(), read);
        Map<Integer, StoredLine> byRow = new java.util.HashMap<>();
        for (int i = 0; i < read.size(); i++) {
            byRow.put(read.get(i).row(), stored.lines().get(i));
        }
        java.util.Set<Integer> matchedRows = result.matched().stream().map(m -> m.bank().row())
                .collect(java.util.stream.Collectors.toSet());
        List<Long> newlyMatched = new java.util.ArrayList<>();
        byRow.replaceAll((row, l) -> {
            if (!matchedRows.contains(row) || l.status() != BankLines.Status.OPEN) {
                return l;
            }
            newlyMatched.add(l.id());
            return new StoredLine(l.id(), l.townshipId(), l.date(), l.amountFen(), l.reference(), l.counterparty(), l.memo(),
                    l.balanceFen(), BankLines.Status.MATCHED, l.note(), l.bookedAs(), l.transferId());
        });
        lines.markMatched(newlyMatched);
        return new Outcome(from, to, result, adjustment, byRow, new BankLines.Run(run.id(), run.townshipId(), run.fileSha256(),
                run.fileName(), from, to, read.size(), stored.added(), run.matched(), run.open(), run.bankBalanceFen(),
                run.bookBalanceFen(), run.balanced(), userId, run.at()));
    }

    /**
     * Books an OPEN line the books do not have: money in as a receipt (INTEREST, SUBSIDY, OTHER), money out as an expense
     * (BANK_CHARGE, OTHER; never overdrawing the fund). The ledger entry carries the line's serial, so the next
     * reconciliation matches it. A line is booked once.
     */
    public StoredLine book(Region township, long lineId, BookedAs as, String reason) {
        StoredLine line = lines.lock(lineId).filter(l -> l.townshipId() == township.id())
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "bank line " + lineId));
        if (line.status() != BankLines.Status.OPEN) {
            throw new DomainException(ErrorCode.ILLEGAL_TRANSITION, "该流水已" + (line.status() == BankLines.Status.BOOKED
                    ? "入账" : "匹配") + "，不能再入账 / the line is already " + line.status());
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, "reason", "请说明入账原因 / a reason is required");
        }
        boolean in = line.amountFen() > 0;
        if (in ? as == BookedAs.BANK_CHARGE : as == BookedAs.INTEREST || as == BookedAs.SUBSIDY) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "bookedAs", (in ? "收入" : "支出") + "流水不能记为 " + as
                    + " / a line of money " + (in ? "in" : "out") + " cannot be booked as " + as);
        }
        String reference = line.reference() == null || line.reference().isBlank() ? "BANK-LINE-" + line.id() : line.reference();
        String memo = as + "：" + reason.strip();
        references.claimOrRefuse(reference, PaymentReferences.Kind.RECEIPT, line.id(), "lineId");
        Transfer transfer = in
                ? ledger.receive(township.countyId(), township.id(), line.amountFen(), TransferKind.RECEIPT, reference, memo)
                : ledger.spend(township.countyId(), township.id(), -line.amountFen(), reference, memo);
        lines.markBooked(line.id(), as, reason.strip(), transfer.id());
        return lines.lock(line.id()).orElseThrow();
    }

    /** Leaves an OPEN line open with a note (an unknown payer being asked about, say). */
    public StoredLine note(Region township, long lineId, String note) {
        StoredLine line = lines.lock(lineId).filter(l -> l.townshipId() == township.id())
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "bank line " + lineId));
        lines.note(line.id(), note == null ? null : note.strip());
        return lines.lock(line.id()).orElseThrow();
    }

    /** The balance the bank printed after its last transaction (statements run oldest or newest first). */
    static Long closingBalance(List<BankStatement.Line> read) {
        LocalDate last = read.stream().map(BankStatement.Line::date).max(LocalDate::compareTo).orElseThrow();
        boolean newestFirst = read.get(0).date().isAfter(read.get(read.size() - 1).date());
        List<BankStatement.Line> onLastDay = read.stream().filter(l -> l.date().equals(last)).toList();
        return (newestFirst ? onLastDay.get(0) : onLastDay.get(onLastDay.size() - 1)).balanceFen();
    }

}
