package cn.landbalance.settlement.fund;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Bank reconciliation of a township fund: each bank line is matched to a ledger entry with the same
 * reference and the same signed amount (one to one); what is left on either side is reported, and the balance
 * reconciliation statement (余额调节表) is drawn from it. In the accountants' words, an unmatched bank line is money the
 * bank has received or paid that the fund's books have not (银行已收企业未收 / 银行已付企业未付); an unmatched ledger
 * entry is money the books have and the bank not yet (企业已收银行未收 / 企业已付银行未付).
 */
public final class Reconciliation {
    public record BankLine(int row, LocalDate date, long amountFen, String reference, String counterparty, String memo) {
    }

    public record LedgerEntry(LocalDate date, long amountFen, String reference, String memo) {
    }

    public record Match(BankLine bank, LedgerEntry ledger) {
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

    public static Result match(List<BankLine> bank, List<LedgerEntry> ledger) {
        List<LedgerEntry> open = new ArrayList<>(ledger);
        List<Match> matched = new ArrayList<>();
        List<BankLine> unmatched = new ArrayList<>();
        for (BankLine line : bank) {
            LedgerEntry found = null;
            for (Iterator<LedgerEntry> it = open.iterator(); it.hasNext(); ) {
                LedgerEntry entry = it.next();
                if (entry.reference().equals(line.reference()) && entry.amountFen() == line.amountFen()) {
                    found = entry;
                    it.remove();
                    break;
                }
            }
            if (found == null) {
                unmatched.add(line);
            } else {
                matched.add(new Match(line, found));
            }
        }
        return new Result(matched, unmatched, open);
    }
}
