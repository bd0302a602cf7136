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
import cn.landbalance.settlement.payment.PaymentNotice;
import cn.landbalance.settlement.payment.PaymentService;
import cn.landbalance.settlement.payment.RemittanceCode;

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
    private final PaymentService payments;

    public BankReconciliations(MoneyQueries money, MoneyLedger ledger, BankLines lines, PaymentReferences references,
                               PaymentService payments, Clock clock) {
        this.references = references;
        this.payments = payments;
        this.money = money;
        this.ledger = ledger;
        this.lines = lines;
        this.clock = clock;
    }

    /**
     * A run: the notices its lines settled, the match of the statement's lines, the 余额调节表, the lines as stored, and
     * the run's record.
     */
    public record Outcome(LocalDate from, LocalDate to, List<Settled> settled, Reconciliation.Result result,
                          Reconciliation.Adjustment adjustment, Map<Integer, StoredLine> storedByRow, BankLines.Run run) {
    }

    /** A statement line that paid a payment notice it quotes by remittance code, or why it did not. */
    public record Settled(int row, long lineId, long noticeId, String remittanceCode, String refusal) {
        public boolean paid() {
            return refusal == null;
        }
    }

    /**
     * Reconciles the fund with a bank statement: stores its lines (each once), settles every open notice of the
     * township that a line of money in quotes by remittance code with the notice's exact amount (the money booked on the
     * bank's date), leaves a line that quotes a code it cannot settle open with the reason as its note, then matches the
     * lines with the fund's entries of the statement's period (by value date) and draws the 余额调节表.
     */
    public Outcome reconcile(Region township, byte[] file, String fileName, Long userId) {
        List<BankStatement.Line> read = BankStatement.read(file);
        LocalDate from = read.stream().map(BankStatement.Line::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = read.stream().map(BankStatement.Line::date).max(LocalDate::compareTo).orElseThrow();
        BankLines.Run run = lines.insertRun(new BankLines.Run(0, township.id(), Sha256.hex(file), fileName, from, to, read.size(),
                0, 0, 0, null, 0, null, userId, OffsetDateTime.now(clock)), township.countyId());
        BankLines.Stored stored = lines.store(township.id(), township.countyId(), run.id(), read);
        Map<Integer, StoredLine> byRow = new java.util.HashMap<>();
        for (int i = 0; i < read.size(); i++) {
            byRow.put(read.get(i).row(), stored.lines().get(i));
        }
        List<Settled> settled = settleQuotedNotices(township, read, byRow, userId);

        MoneyQueries.Statement statement = money.statement(township.id(), from.atStartOfDay(clock.getZone()).toOffsetDateTime(),
                to.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime());
        List<Reconciliation.LedgerEntry> entries = statement.lines().stream().map(l -> new Reconciliation.LedgerEntry(
                l.at().atZoneSameInstant(clock.getZone()).toLocalDate(), l.amountFen(), l.reference(), l.memo())).toList();
        List<Reconciliation.BankLine> bank = read.stream().map(l -> new Reconciliation.BankLine(l.row(), l.date(),
                l.amountFen(), serialOf(byRow.get(l.row())), l.counterparty(), l.memo())).toList();
        Reconciliation.Result result = Reconciliation.match(bank, entries);
        Reconciliation.Adjustment adjustment = Reconciliation.adjust(result, closingBalance(read), statement.closingFen());

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
        BankLines.Run finished = lines.finishRun(run.id(), stored.added(), result.matched().size(),
                result.unmatchedBankLines().size(), adjustment.bankBalanceFen(), adjustment.bookBalanceFen(), adjustment.balanced());
        return new Outcome(from, to, settled, result, adjustment, byRow, finished);
    }

    /** The serial a line pays with: the bank's, or the line's own number when the export prints none. */
    private static String serialOf(StoredLine line) {
        return line.reference() == null || line.reference().isBlank() ? "BANK-LINE-" + line.id() : line.reference();
    }

    private List<Settled> settleQuotedNotices(Region township, List<BankStatement.Line> read, Map<Integer, StoredLine> byRow,
                                              Long userId) {
        List<Settled> settled = new java.util.ArrayList<>();
        for (BankStatement.Line l : read) {
            StoredLine line = byRow.get(l.row());
            if (line.status() != BankLines.Status.OPEN || line.amountFen() <= 0) {
                continue;
            }
            java.util.Set<String> codes = RemittanceCode.findIn((l.memo() == null ? "" : l.memo()) + " "
                    + (l.reference() == null ? "" : l.reference()));
            for (String code : codes) {
                PaymentNotice notice = payments.quoted(township.id(), code).orElse(null);
                if (notice == null) {
                    continue;
                }
                PaymentService.Arrival arrival = new PaymentService.Arrival(serialOf(line), l.date(), l.amountFen(),
                        l.counterparty(), null, line.id());
                String refusal = payments.refusal(notice, arrival).map(cn.landbalance.settlement.payment.Refusal::text).orElse(null);
                if (refusal == null) {
                    payments.confirmFromStatement(notice, arrival, userId);
                } else if (line.note() == null || line.note().isBlank()) {
                    lines.note(line.id(), cut(refusal));
                }
                settled.add(new Settled(l.row(), line.id(), notice.id(), code, refusal));
                break;
            }
        }
        return settled;
    }

    private static String cut(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200);
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
