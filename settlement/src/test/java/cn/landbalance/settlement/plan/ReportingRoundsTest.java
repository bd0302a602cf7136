package cn.landbalance.settlement.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Seed 000's rounds: declared by the end of January → reported by the end of February; by May → by June 30. */
class ReportingRoundsTest {

    @ParameterizedTest(name = "declared {0} → reported by {1}")
    @CsvSource({
            "2026-01-01, 2026-02-28",
            "2026-01-31, 2026-02-28",
            "2024-01-15, 2024-02-29",   // a leap year's February
            "2026-02-01, 2026-06-30",
            "2026-05-31, 2026-06-30",
            "2026-06-01, 2027-02-28",   // after May: the next year's first round
            "2026-12-31, 2027-02-28",
    })
    void eachDeclarationBelongsToARound(LocalDate declaredOn, LocalDate due) {
        assertEquals(due, ReportingRounds.reportDue(declaredOn));
    }

    @Test
    void overdueReportsAreCountedPerTownshipAndDate() {
        List<ReportingRounds.Declared> waiting = List.of(
                new ReportingRounds.Declared(1, 8, LocalDate.of(2026, 1, 10)),
                new ReportingRounds.Declared(2, 8, LocalDate.of(2026, 1, 20)),
                new ReportingRounds.Declared(3, 8, LocalDate.of(2026, 3, 1)),
                new ReportingRounds.Declared(4, 5, LocalDate.of(2026, 5, 2)),
                new ReportingRounds.Declared(5, 5, LocalDate.of(2026, 6, 2)));
        assertEquals(List.of(), ReportingRounds.overdue(waiting, LocalDate.of(2026, 2, 28)), "the last day is not overdue");
        assertEquals(List.of(new ReportingRounds.OverdueReport(8, LocalDate.of(2026, 2, 28), 2)),
                ReportingRounds.overdue(waiting, LocalDate.of(2026, 3, 1)));
        assertEquals(List.of(new ReportingRounds.OverdueReport(5, LocalDate.of(2026, 6, 30), 1),
                        new ReportingRounds.OverdueReport(8, LocalDate.of(2026, 2, 28), 2),
                        new ReportingRounds.OverdueReport(8, LocalDate.of(2026, 6, 30), 1)),
                ReportingRounds.overdue(waiting, LocalDate.of(2026, 7, 1)));
    }
}
