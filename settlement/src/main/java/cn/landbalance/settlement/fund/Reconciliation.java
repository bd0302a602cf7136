package cn.landbalance.settlement.fund;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Bank reconciliation of a township fund: each bank line is matched to a ledger entry of the same signed amount (one to
 * one) by serial, by the entry's reference quoted in the bank's memo, or by amount and date when that pair is the only
 * one possible; what is left on either side is reported, and the balance
 * reconciliation statement (余额调节表) is drawn from it. In the accountants' words, an unmatched bank line is money the
 * bank has received or paid that the fund's books have not (银行已收企业未收 / 银行已付企业未付); an unmatched ledger
 * entry is money the books have and the bank not yet (企业已收银行未收 / 企业已付银行未付).
 */
public final class Reconciliation {
    public record BankLine(int row, LocalDate date, long amountFen, String reference, String counterparty, String memo) {
    }

    public record LedgerEntry(LocalDate date, long amountFen, String reference, String memo) {
    }

    /** How a pair was found: the same serial, the ledger's reference quoted in the bank's memo, or amount and date alone. */
    public enum Basis { REFERENCE, MEMO, AMOUNT_AND_DATE }

    public record Match(BankLine bank, LedgerEntry ledger, Basis basis) {
    }

    public record Result(List<Match> matched, List<BankLine> unmatchedBankLines, List<LedgerEntry> unmatchedLedgerEntries) {
    }

    /**
     * 余额调节表: the bank's balance plus what the books have and the bank not yet, against the books' balance plus what
     * the bank has and the books not. {@code bankBalanceFen} is null when the statement prints no balance.
     */
    public record Adjustment(Long bankBalanceFen, long bookBalanceFen, long bankReceivedNotBookedFen,
                             long bankPaidNotBookedFen, long bookReceivedNotBankedFen, long bookPaidNotBankedFen,
                             Long adjustedBankBalanceFen, long adjustedBookBalanceFen, Boolean balanced) {
    }

    private Reconciliation() {
    }

    public static Adjustment adjust(Result result, Long bankBalanceFen, long bookBalanceFen) {
        long bankIn = result.unmatchedBankLines().stream().mapToLong(BankLine::amountFen).filter(a -> a > 0).sum();
        long bankOut = -result.unmatchedBankLines().stream().mapToLong(BankLine::amountFen).filter(a -> a < 0).sum();
        long bookIn = result.unmatchedLedgerEntries().stream().mapToLong(LedgerEntry::amountFen).filter(a -> a > 0).sum();
        long bookOut = -result.unmatchedLedgerEntries().stream().mapToLong(LedgerEntry::amountFen).filter(a -> a < 0).sum();
        Long adjustedBank = bankBalanceFen == null ? null : bankBalanceFen + bookIn - bookOut;
        long adjustedBook = bookBalanceFen + bankIn - bankOut;
        return new Adjustment(bankBalanceFen, bookBalanceFen, bankIn, bankOut, bookIn, bookOut, adjustedBank, adjustedBook,
                adjustedBank == null ? null : adjustedBank == adjustedBook);
    }

    /**
     * Pairs bank lines with ledger entries one to one, always of the same signed amount, in three passes: the bank
     * serial is the entry's reference; else the entry's reference is quoted in the bank line's memo (附言, 摘要); else
     * the amount and a date within {@link #DAYS_APART} days, when exactly one line and one entry qualify for each other.
     */
    public static Result match(List<BankLine> bank, List<LedgerEntry> ledger) {
        List<LedgerEntry> open = new ArrayList<>(ledger);
        List<BankLine> waiting = new ArrayList<>(bank);
        List<Match> matched = new ArrayList<>();
        byReference(waiting, open, matched);
        pass(waiting, open, matched, Basis.MEMO, (line, entry) -> entry.reference().length() >= 4 && line.memo() != null
                && line.memo().contains(entry.reference()));
        List<BankLine> unique = new ArrayList<>();
        for (BankLine line : waiting) {
            List<LedgerEntry> candidates = open.stream().filter(e -> near(line, e)).toList();
            if (candidates.size() == 1 && waiting.stream().filter(l -> near(l, candidates.get(0))).count() == 1) {
                unique.add(line);
                matched.add(new Match(line, candidates.get(0), Basis.AMOUNT_AND_DATE));
                open.remove(candidates.get(0));
            }
        }
        waiting.removeAll(unique);
        matched.sort(java.util.Comparator.comparingInt(m -> m.bank().row()));
        return new Result(matched, waiting, open);
    }

    /** How far apart a bank line's date and its ledger entry's may be when only amount and date pair them. */
    public static final int DAYS_APART = 3;

    private static boolean near(BankLine line, LedgerEntry entry) {
        return entry.amountFen() == line.amountFen()
                && Math.abs(line.date().toEpochDay() - entry.date().toEpochDay()) <= DAYS_APART;
    }

    /**
     * The first pass, by serial, through an index of the entries by reference (a statement of thousands of lines pairs
     * in linear time): each line, in order, takes the first open entry of its serial and amount.
     */
    private static void byReference(List<BankLine> waiting, List<LedgerEntry> open, List<Match> matched) {
        java.util.Map<String, List<LedgerEntry>> index = new java.util.HashMap<>();
        open.stream().filter(e -> !e.reference().isEmpty())
                .forEach(e -> index.computeIfAbsent(e.reference(), r -> new ArrayList<>()).add(e));
        java.util.Set<LedgerEntry> taken = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<BankLine> left = new ArrayList<>(waiting.size());
        for (BankLine line : waiting) {
            LedgerEntry entry = line.reference() == null ? null : index.getOrDefault(line.reference(), List.of()).stream()
                    .filter(e -> e.amountFen() == line.amountFen() && !taken.contains(e)).findFirst().orElse(null);
            if (entry == null) {
                left.add(line);
            } else {
                taken.add(entry);
                matched.add(new Match(line, entry, Basis.REFERENCE));
            }
        }
        waiting.clear();
        waiting.addAll(left);
        open.removeIf(taken::contains);
    }

    private static void pass(List<BankLine> waiting, List<LedgerEntry> open, List<Match> matched, Basis basis,
                             java.util.function.BiPredicate<BankLine, LedgerEntry> pairs) {
        for (Iterator<BankLine> lines = waiting.iterator(); lines.hasNext(); ) {
            BankLine line = lines.next();
            for (Iterator<LedgerEntry> it = open.iterator(); it.hasNext(); ) {
                LedgerEntry entry = it.next();
                if (entry.amountFen() == line.amountFen() && pairs.test(line, entry)) {
                    matched.add(new Match(line, entry, basis));
                    it.remove();
                    lines.remove();
                    break;
                }
            }
        }
    }
}
