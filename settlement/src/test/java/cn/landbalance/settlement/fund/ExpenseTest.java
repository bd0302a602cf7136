package cn.landbalance.settlement.fund;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExpenseTest {
    private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");
    private static final LocalDate APPROVED_ON = LocalDate.of(2026, 12, 1);

    private static Expense proposal(Expense.Category category, Long project) {
        return Expense.proposed(3, 8, 1_000_000, category, project, " 陇西县某工程公司 ", "西关村耕地恢复", " ", 21, AT);
    }

    @Test
    void worksAndCompensationNameTheirProjectOtherPurposesNeedNot() {
        DomainException works = assertThrows(DomainException.class, () -> proposal(Expense.Category.RESTORATION_WORKS, null));
        assertEquals("inflowProjectId", works.field());
        assertThrows(DomainException.class, () -> proposal(Expense.Category.COMPENSATION, null));
        Expense aftercare = proposal(Expense.Category.AFTERCARE, null);
        assertEquals(Expense.Status.PROPOSED, aftercare.status());
        assertEquals("陇西县某工程公司", aftercare.payeeName(), "stripped");
        assertNull(aftercare.reference(), "a blank reference is none");
    }

    @Test
    void aProposalNeedsAPositiveAmountAPayeeAndAPurpose() {
        assertEquals("amountFen", assertThrows(DomainException.class, () -> Expense.proposed(3, 8, 0,
                Expense.Category.OTHER, null, "p", "x", null, 21, AT)).field());
        assertEquals("payeeName", assertThrows(DomainException.class, () -> Expense.proposed(3, 8, 1,
                Expense.Category.OTHER, null, " ", "x", null, 21, AT)).field());
        assertEquals("purpose", assertThrows(DomainException.class, () -> Expense.proposed(3, 8, 1,
                Expense.Category.OTHER, null, "p", null, null, 21, AT)).field());
        assertEquals("purpose", assertThrows(DomainException.class, () -> Expense.proposed(3, 8, 1,
                Expense.Category.OTHER, null, "p", "长".repeat(Expense.MAX_TEXT + 1), null, 21, AT)).field());
        assertEquals("category", assertThrows(DomainException.class, () -> Expense.proposed(3, 8, 1,
                null, null, "p", "x", null, 21, AT)).field());
    }

    @Test
    void decidedOnceRejectionAndCancellationNeedAReason() {
        Expense proposed = proposal(Expense.Category.OTHER, null);
        assertEquals("reason", assertThrows(DomainException.class,
                () -> proposed.decided(Expense.Status.REJECTED, 1, AT, " ")).field());
        Expense approved = proposed.decided(Expense.Status.APPROVED, 1, AT, null);
        assertEquals(1L, approved.decidedBy());
        DomainException twice = assertThrows(DomainException.class, () -> approved.decided(Expense.Status.REJECTED, 1, AT, "不"));
        assertEquals(ErrorCode.ILLEGAL_TRANSITION, twice.code());
        assertThrows(DomainException.class, () -> approved.decided(Expense.Status.WITHDRAWN, 21, AT, null));
        assertEquals(Expense.Status.CANCELLED, approved.decided(Expense.Status.CANCELLED, 21, AT, "合同未签").status());
        Expense withdrawn = proposed.decided(Expense.Status.WITHDRAWN, 21, AT, null);
        assertNull(withdrawn.decidedBy(), "a withdrawal is not the county's decision");
        assertThrows(DomainException.class, () -> withdrawn.decided(Expense.Status.APPROVED, 1, AT, null));
    }

    @Test
    void paidOnlyWhenApprovedOnADayBetweenTheApprovalAndToday() {
        Expense proposed = proposal(Expense.Category.OTHER, null);
        Expense.Payment today = new Expense.Payment("ICBC-1", APPROVED_ON, 7, 21L, AT);
        assertEquals(ErrorCode.ILLEGAL_TRANSITION, assertThrows(DomainException.class,
                () -> proposed.paid(today, APPROVED_ON, APPROVED_ON)).code());
        Expense approved = proposed.decided(Expense.Status.APPROVED, 1, AT, null);
        assertEquals("paidOn", assertThrows(DomainException.class, () -> approved.paid(
                new Expense.Payment("ICBC-1", APPROVED_ON.minusDays(1), 7, 21L, AT), APPROVED_ON, APPROVED_ON)).field());
        assertEquals("paidOn", assertThrows(DomainException.class, () -> approved.paid(
                new Expense.Payment("ICBC-1", APPROVED_ON.plusDays(1), 7, 21L, AT), APPROVED_ON, APPROVED_ON)).field());
        Expense paid = approved.paid(today, APPROVED_ON, APPROVED_ON);
        assertEquals(Expense.Status.PAID, paid.status());
        assertEquals(7, paid.payment().transferId());
        assertThrows(DomainException.class, () -> paid.decided(Expense.Status.CANCELLED, 1, AT, "晚了"));
    }
}
