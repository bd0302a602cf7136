package cn.landbalance.settlement.fund;

import cn.landbalance.settlement.fund.Reconciliation.BankLine;
import cn.landbalance.settlement.fund.Reconciliation.LedgerEntry;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bank lines meet ledger entries one to one, by reference and signed amount; what is left is reported on its side. */
class ReconciliationTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    private static BankLine bank(int row, long amountFen, String reference) {
        return new BankLine(row, DAY, amountFen, reference, "某公司", "");
    }

    private static LedgerEntry entry(long amountFen, String reference) {
        return new LedgerEntry(DAY, amountFen, reference, "");
    }

    @Test
    void sameReferenceAndAmountMatchOnceEachAndTheRestIsLeftOnItsSide() {
        var result = Reconciliation.match(
                List.of(bank(1, 78_000_000, "ICBC-1"), bank(2, 1_234, "INTEREST"), bank(3, 15_000_000, "ICBC-2"),
                        bank(4, 78_000_000, "ICBC-1")),
                List.of(entry(78_000_000, "ICBC-1"), entry(15_000_001, "ICBC-2"), entry(-500_000, "EXP-1")));
        assertEquals(List.of(1), result.matched().stream().map(m -> m.bank().row()).toList(), "a ledger entry matches once");
        assertEquals(List.of(2, 3, 4), result.unmatchedBankLines().stream().map(BankLine::row).toList());
        assertEquals(List.of("ICBC-2", "EXP-1"), result.unmatchedLedgerEntries().stream().map(LedgerEntry::reference).toList(),
                "a fen's difference is no match");
    }

    @Test
    void theSignMatters() {
        var result = Reconciliation.match(List.of(bank(1, -500_000, "EXP-1")), List.of(entry(500_000, "EXP-1")));
        assertEquals(0, result.matched().size());
    }

    @Test
    void theBalanceStatementAddsWhatEachSideHasAndTheOtherNot() {
        // the bank holds 1 000.00 after an interest of 12.34 the books do not have; the books hold an expense of 50.00
        // the bank has not paid yet: 1 000.00 - 50.00 = 937.66 + 12.34
        var result = Reconciliation.match(List.of(bank(1, 1_234, "INTEREST")), List.of(entry(-5_000, "EXP-1")));
        Reconciliation.Adjustment a = Reconciliation.adjust(result, 100_000L, 93_766);
        assertEquals(1_234, a.bankReceivedNotBookedFen());
        assertEquals(5_000, a.bookPaidNotBankedFen());
        assertEquals(95_000L, a.adjustedBankBalanceFen());
        assertEquals(95_000, a.adjustedBookBalanceFen());
        assertEquals(Boolean.TRUE, a.balanced());
        assertEquals(null, Reconciliation.adjust(result, null, 93_766).balanced(), "no bank balance printed: not judged");
    }

    @Test
    void aReferenceQuotedInTheMemoOrTheOnlyPossiblePairOfAmountAndDateAlsoMatch() {
        BankLine quoted = new BankLine(1, DAY, 15_000_000, "ABC0001", "某合作社", "指标款 ORDER-77");
        BankLine paidOut = new BankLine(2, DAY.plusDays(2), -500_000, "ABC0002", "某工程公司", "工程款");
        BankLine twin1 = new BankLine(3, DAY, 300_000, "ABC0003", "甲", "");
        BankLine twin2 = new BankLine(4, DAY, 300_000, "ABC0004", "乙", "");
        var result = Reconciliation.match(List.of(quoted, paidOut, twin1, twin2),
                List.of(entry(15_000_000, "ORDER-77"), entry(-500_000, "ZC-1"), entry(300_000, "FEE-9")));
        assertEquals(List.of(Reconciliation.Basis.MEMO, Reconciliation.Basis.AMOUNT_AND_DATE),
                result.matched().stream().map(Reconciliation.Match::basis).toList());
        assertEquals(List.of(3, 4), result.unmatchedBankLines().stream().map(BankLine::row).toList(),
                "two lines could be FEE-9: neither is guessed");
        assertEquals(List.of("FEE-9"), result.unmatchedLedgerEntries().stream().map(LedgerEntry::reference).toList());
        var tooFar = Reconciliation.match(List.of(new BankLine(1, DAY.plusDays(4), -500_000, "X", "", "")),
                List.of(entry(-500_000, "ZC-1")));
        assertEquals(0, tooFar.matched().size(), "more than " + Reconciliation.DAYS_APART + " days apart");
    }
}
