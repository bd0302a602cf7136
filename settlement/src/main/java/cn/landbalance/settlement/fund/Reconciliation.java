package cn.landbalance.settlement.fund;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Bank reconciliation of a township fund: each bank line is matched to a ledger entry with the same
 * reference and the same signed amount (one to one); what is left on either side is reported.
 */
public final class Reconciliation {
    public record BankLine(int row, LocalDate date, long amountFen, String reference, String counterparty) {
    }

    public record LedgerEntry(LocalDate date, long amountFen, String reference, String memo) {
    }

    public record Match(BankLine bank, LedgerEntry ledger) {
    }

    public record Result(List<Match> matched, List<BankLine> unmatchedBankLines, List<LedgerEntry> unmatchedLedgerEntries) {
    }

    private Reconciliation() {
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
