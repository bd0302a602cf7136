package cn.landbalance.settlement.fund;

import cn.landbalance.ledger.common.MoneyFen;
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

    /** How a line was found to pay a notice: it quotes the notice's code, or it alone has the notice's amount and payer. */
    public enum Basis { REMITTANCE_CODE, AMOUNT_AND_PAYER }

    /** A statement line that paid a payment notice, how it was found to, or why it did not pay it. */
    public record Settled(int row, long lineId, long noticeId, String remittanceCode, Basis basis, String refusal) {
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

    /**
     * Settles, all at once, every open notice of the township that a line of money in quotes by remittance code (the
     * first code in the line that is one of the township's notices); a line that cannot settle its notice keeps the
     * reason as its note.
     */
    private List<Settled> settleQuotedNotices(Region township, List<BankStatement.Line> read, Map<Integer, StoredLine> byRow,
                                              Long userId) {
        Map<Integer, java.util.Set<String>> codesByRow = new java.util.LinkedHashMap<>();
        for (BankStatement.Line l : read) {
            StoredLine line = byRow.get(l.row());
            if (line.status() == BankLines.Status.OPEN && line.amountFen() > 0) {
                codesByRow.put(l.row(), RemittanceCode.findIn((l.memo() == null ? "" : l.memo()) + " "
                        + (l.reference() == null ? "" : l.reference())));
            }
        }
        Map<String, PaymentNotice> notices = payments.quoted(township.id(),
                codesByRow.values().stream().flatMap(java.util.Set::stream).collect(java.util.stream.Collectors.toSet()));
        List<PaymentService.Quoted> quoted = new java.util.ArrayList<>();
        List<BankStatement.Line> quoting = new java.util.ArrayList<>();
        List<Basis> bases = new java.util.ArrayList<>();
        List<BankStatement.Line> withoutCode = new java.util.ArrayList<>();
        for (BankStatement.Line l : read) {
            if (!codesByRow.containsKey(l.row())) {
                continue;
            }
            String code = codesByRow.get(l.row()).stream().filter(notices::containsKey).findFirst().orElse(null);
            if (code == null) {
                withoutCode.add(l);
                continue;
            }
            quoted.add(new PaymentService.Quoted(notices.get(code), arrival(l, byRow.get(l.row()))));
            quoting.add(l);
            bases.add(Basis.REMITTANCE_CODE);
        }
        java.util.Set<Long> claimed = quoted.stream().map(q -> q.notice().id()).collect(java.util.stream.Collectors.toSet());
        byAmountAndPayer(township, withoutCode, claimed).forEach((line, notice) -> {
            quoted.add(new PaymentService.Quoted(notice, arrival(line, byRow.get(line.row()))));
            quoting.add(line);
            bases.add(Basis.AMOUNT_AND_PAYER);
        });
        List<java.util.Optional<cn.landbalance.settlement.payment.Refusal>> outcome = payments.confirmAll(quoted, userId);
        List<Settled> settled = new java.util.ArrayList<>(quoted.size());
        for (int i = 0; i < quoted.size(); i++) {
            StoredLine line = byRow.get(quoting.get(i).row());
            String refusal = outcome.get(i).map(cn.landbalance.settlement.payment.Refusal::text).orElse(null);
            if (refusal != null && (line.note() == null || line.note().isBlank())) {
                lines.note(line.id(), cut(refusal));
            }
            settled.add(new Settled(quoting.get(i).row(), line.id(), quoted.get(i).notice().id(),
                    quoted.get(i).notice().remittanceCode(), bases.get(i), refusal));
        }
        settled.sort(java.util.Comparator.comparingInt(Settled::row));
        return settled;
    }

    /** How many of a township's open notices a statement's lines without a code are compared with. */
    private static final int OPEN_NOTICES_COMPARED = 10_000;

    /**
     * Lines of money in that quote no notice of the township, paired with an open notice when the line's amount and
     * payer (对方户名, spaces and full-width brackets aside) are the notice's and no other such line or notice exists:
     * a payer who forgot the code in the 附言. Anything less certain stays open for finance to decide.
     */
    private Map<BankStatement.Line, PaymentNotice> byAmountAndPayer(Region township, List<BankStatement.Line> lines,
                                                                    java.util.Set<Long> claimed) {
        Map<BankStatement.Line, PaymentNotice> paired = new java.util.LinkedHashMap<>();
        List<BankStatement.Line> named = lines.stream().filter(l -> !payerKey(l.counterparty()).isEmpty()).toList();
        if (named.isEmpty()) {
            return paired;
        }
        Map<String, List<PaymentNotice>> open = new java.util.HashMap<>();
        payments.openNotices(township, OPEN_NOTICES_COMPARED).stream().filter(n -> !claimed.contains(n.id()))
                .forEach(n -> open.computeIfAbsent(n.amountFen() + "|" + payerKey(n.payerName()), k -> new java.util.ArrayList<>()).add(n));
        Map<String, List<BankStatement.Line>> byKey = new java.util.HashMap<>();
        named.forEach(l -> byKey.computeIfAbsent(l.amountFen() + "|" + payerKey(l.counterparty()), k -> new java.util.ArrayList<>()).add(l));
        for (BankStatement.Line l : named) {
            String key = l.amountFen() + "|" + payerKey(l.counterparty());
            List<PaymentNotice> candidates = open.getOrDefault(key, List.of());
            if (candidates.size() == 1 && byKey.get(key).size() == 1) {
                paired.put(l, candidates.get(0));
            }
        }
        return paired;
    }

    static String payerKey(String name) {
        return name == null ? "" : java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC)
                .replaceAll("\\s+", "");
    }

    private PaymentService.Arrival arrival(BankStatement.Line l, StoredLine line) {
        return new PaymentService.Arrival(serialOf(line), l.date(), l.amountFen(), l.counterparty(), null, line.id());
    }

    private static String cut(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200);
    }

    /**
     * Books an OPEN line the books do not have: money in as a receipt (INTEREST, SUBSIDY, OTHER), money in to be paid
     * back (REFUND: received, then refunded to the payer clearing account in the same transaction, so the fund shows both
     * and the bank's refund line, when it comes, matches the refund), money out as an expense (BANK_CHARGE, OTHER; never
     * overdrawing the fund). The ledger entry carries the line's serial, so the next reconciliation matches it. A line is
     * booked once.
     */
    public StoredLine book(Region township, long lineId, BookedAs as, String reason) {
        StoredLine line = lines.lock(lineId).filter(l -> l.townshipId() == township.id())
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "银行流水 " + lineId, "bank line " + lineId));
        if (line.status() != BankLines.Status.OPEN) {
            throw new DomainException(ErrorCode.ILLEGAL_TRANSITION,
                    "该流水已" + (line.status() == BankLines.Status.BOOKED ? "入账" : "匹配") + "，不能再入账",
                    "the line is already " + line.status());
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, "reason", "请说明入账原因", "a reason is required");
        }
        boolean in = line.amountFen() > 0;
        if (in ? as == BookedAs.BANK_CHARGE : as == BookedAs.INTEREST || as == BookedAs.SUBSIDY || as == BookedAs.REFUND) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "bookedAs",
                    (in ? "收入" : "支出") + "流水不能记为 " + as,
                    "a line of money " + (in ? "in" : "out") + " cannot be booked as " + as);
        }
        if (as == BookedAs.REFUND && (line.counterparty() == null || line.counterparty().isBlank())) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "bookedAs",
                    "流水没有对方户名，无从退回", "the line names no payer to refund");
        }
        String reference = line.reference() == null || line.reference().isBlank() ? "BANK-LINE-" + line.id() : line.reference();
        String memo = as + "：" + reason.strip();
        references.claimOrRefuse(reference, PaymentReferences.Kind.RECEIPT, line.id(), "lineId");
        Transfer transfer = in
                ? ledger.receive(township.countyId(), township.id(), MoneyFen.of(line.amountFen()), TransferKind.RECEIPT, reference, memo)
                : ledger.spend(township.countyId(), township.id(), MoneyFen.of(-line.amountFen()), reference, memo);
        if (as == BookedAs.REFUND) {
            ledger.refund(township.countyId(), township.id(), MoneyFen.of(line.amountFen()), reference,
                    "退回 " + (line.counterparty() == null || line.counterparty().isBlank() ? "付款人" : line.counterparty())
                            + "：" + reason.strip());
        }
        lines.markBooked(line.id(), as, reason.strip(), transfer.id());
        return lines.lock(line.id()).orElseThrow();
    }

    /** Leaves an OPEN line open with a note (an unknown payer being asked about, say). */
    public StoredLine note(Region township, long lineId, String note) {
        StoredLine line = lines.lock(lineId).filter(l -> l.townshipId() == township.id())
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "银行流水 " + lineId, "bank line " + lineId));
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
