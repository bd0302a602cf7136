package cn.landbalance.settlement.plan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two rounds of a year (seed 000, 需求方申报 and 乡镇提出申请): applicants declare to the township by the end of
 * January and of May; the township reviews what was declared and reports it to the county by the end of February and
 * of June. A declaration after May waits for the next year's first round. An application still waiting for the
 * township's review after its round's report date is overdue.
 */
public final class ReportingRounds {
    private ReportingRounds() {
    }

    /** An application declared on a day, waiting for its township's review. */
    public record Declared(long applicationId, long townshipId, LocalDate declaredOn) {
    }

    /** How many of a township's declarations wait for its review past one report date. */
    public record OverdueReport(long townshipId, LocalDate due, long count) {
    }

    /** The day the township must report a declaration of {@code declaredOn} to the county. */
    public static LocalDate reportDue(LocalDate declaredOn) {
        int year = declaredOn.getYear();
        if (!declaredOn.isAfter(LocalDate.of(year, 1, 31))) {
            return YearMonth.of(year, 2).atEndOfMonth();
        }
        if (!declaredOn.isAfter(LocalDate.of(year, 5, 31))) {
            return LocalDate.of(year, 6, 30);
        }
        return YearMonth.of(year + 1, 2).atEndOfMonth();
    }

    /** The overdue ones on {@code today}, per township and report date (townships in id order, oldest date first). */
    public static List<OverdueReport> overdue(List<Declared> waiting, LocalDate today) {
        Map<Long, Map<LocalDate, Long>> overdue = new TreeMap<>();
        for (Declared d : waiting) {
            LocalDate due = reportDue(d.declaredOn());
            if (today.isAfter(due)) {
                overdue.computeIfAbsent(d.townshipId(), t -> new TreeMap<>()).merge(due, 1L, Long::sum);
            }
        }
        return overdue.entrySet().stream().flatMap(t -> t.getValue().entrySet().stream()
                .map(e -> new OverdueReport(t.getKey(), e.getKey(), e.getValue()))).toList();
    }
}
