package cn.landbalance.settlement.plan;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.settlement.outflow.YearBalance;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnnualPlanTest {
    private static final LocalDate TODAY = LocalDate.of(2023, 11, 15);

    /** A township's year: inflow, obligation, covered (self), fee land owed (duty − delivered). */
    private static YearBalance township(long id, long inflow, long obligation, long covered, long feeOwed) {
        return YearBalance.of(new YearBalance.Facts(id, "镇" + id, obligation, obligation, inflow, covered, 0, 0, 0, 0, 0,
                inflow - covered, feeOwed, 0));
    }

    @Test
    void theStepsGoInOrderWithTheirDates() {
        List<YearBalance> year = List.of(township(1, 1100, 1000, 1000, 0), township(2, 0, 0, 0, 0));
        AnnualPlan plan = AnnualPlan.draft(3, 2023).submitted(LocalDate.of(2023, 3, 1), TODAY, year)
                .approved(LocalDate.of(2023, 3, 20), "陇政发〔2023〕9号", TODAY)
                .filed(LocalDate.of(2023, 3, 25), " ", TODAY)
                .implemented(LocalDate.of(2023, 10, 20), TODAY)
                .accepted(LocalDate.of(2023, 11, 10), TODAY, year);
        assertEquals(AnnualPlan.Status.ACCEPTED, plan.status());
        assertEquals(null, plan.filingNo(), "a blank filing number is none");
        assertEquals(List.of(), plan.overdue(TODAY, year));
        assertEquals(ErrorCode.ILLEGAL_TRANSITION, assertThrows(DomainException.class,
                () -> AnnualPlan.draft(3, 2023).approved(TODAY, "x", TODAY)).code(), "not submitted");
    }

    @Test
    void submissionNeedsTheCountysInflowToCoverItsObligationAndAcceptanceEveryTownship() {
        List<YearBalance> shortYear = List.of(township(1, 900, 1000, 900, 0));
        assertEquals(ErrorCode.PLAN_NOT_BALANCED, assertThrows(DomainException.class,
                () -> AnnualPlan.draft(3, 2023).submitted(TODAY, TODAY, shortYear)).code());
        List<YearBalance> covers = List.of(township(1, 2000, 1000, 1000, 0), township(2, 0, 500, 0, 0));
        AnnualPlan implemented = AnnualPlan.draft(3, 2023).submitted(TODAY, TODAY, covers).approved(TODAY, "文号", TODAY)
                .filed(TODAY, null, TODAY).implemented(TODAY, TODAY);
        DomainException refused = assertThrows(DomainException.class, () -> implemented.accepted(TODAY, TODAY, covers));
        assertEquals(ErrorCode.PLAN_NOT_BALANCED, refused.code());
        assertTrue(refused.detailZh().contains("镇2 500"), refused.detailZh());
        assertEquals("approvedOn", assertThrows(DomainException.class, () -> AnnualPlan.draft(3, 2023)
                .submitted(TODAY, TODAY, covers).approved(TODAY.minusDays(1), "文号", TODAY)).field(), "before the submission");
        assertEquals("submittedOn", assertThrows(DomainException.class, () -> AnnualPlan.draft(3, 2023)
                .submitted(TODAY.plusDays(1), TODAY, covers)).field(), "in the future");
    }

    @Test
    void whatIsLateDependsOnTheDayAndTheStepReached() {
        List<YearBalance> year = List.of(township(1, 1100, 1000, 1000, 0), township(2, 500, 0, 0, 300));
        AnnualPlan draft = AnnualPlan.draft(3, 2023);
        assertEquals(List.of(), draft.overdue(LocalDate.of(2023, 3, 31), year), "due at the end of the day");
        assertEquals(List.of(AnnualPlan.OverdueStep.APPROVAL), draft.overdue(LocalDate.of(2023, 4, 1), year).stream()
                .map(AnnualPlan.Overdue::what).toList());
        assertEquals(List.of(AnnualPlan.OverdueStep.APPROVAL, AnnualPlan.OverdueStep.IMPLEMENTATION, AnnualPlan.OverdueStep.ACCEPTANCE,
                AnnualPlan.OverdueStep.FEE_DELIVERY), draft.overdue(LocalDate.of(2024, 11, 1), year).stream()
                .map(AnnualPlan.Overdue::what).toList());
        AnnualPlan.Overdue fee = draft.overdue(LocalDate.of(2024, 11, 1), year).get(3);
        assertEquals(2L, fee.townshipId());
        assertEquals(300, fee.owedM2());
        assertEquals("implementationDue", assertThrows(DomainException.class, () -> new AnnualPlan.Deadlines(
                LocalDate.of(2023, 7, 31), LocalDate.of(2023, 6, 30), LocalDate.of(2023, 12, 31), LocalDate.of(2024, 10, 31)))
                .field());
    }
}
