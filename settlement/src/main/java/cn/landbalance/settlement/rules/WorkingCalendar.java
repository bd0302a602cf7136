package cn.landbalance.settlement.rules;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A county's working days: Monday to Friday, less the public holidays it entered, plus the weekend days worked in their
 * place (调休上班). A year the county entered nothing for has weekends only.
 */
public final class WorkingCalendar {
    public static final int MAX_ENTRIES = 40;
    private final List<CalendarEntry> entries;

    public WorkingCalendar(List<CalendarEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static WorkingCalendar weekendsOnly() {
        return new WorkingCalendar(List.of());
    }

    /**
     * A year's entries, checked together: at most 40, and no day both a holiday and a working day, nor in two entries.
     */
    public static List<CalendarEntry> checkedYear(List<CalendarEntry> entries) {
        if (entries.size() > MAX_ENTRIES) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "entries",
                    "一年最多 " + MAX_ENTRIES + " 段", "at most " + MAX_ENTRIES + " entries a year");
        }
        List<CalendarEntry> sorted = new ArrayList<>(entries);
        sorted.sort(java.util.Comparator.comparing(CalendarEntry::from));
        for (int i = 1; i < sorted.size(); i++) {
            if (!sorted.get(i).from().isAfter(sorted.get(i - 1).to())) {
                throw DomainException.field(ErrorCode.VALIDATION_FAILED, "entries",
                        sorted.get(i).from() + " 与“" + sorted.get(i - 1).name() + "”重叠",
                        sorted.get(i).from() + " overlaps " + sorted.get(i - 1).name());
            }
        }
        return List.copyOf(sorted);
    }

    public boolean isWorkingDay(LocalDate day) {
        for (CalendarEntry e : entries) {
            if (e.contains(day)) {
                return e.kind() == CalendarEntry.Kind.WORKDAY;
            }
        }
        return !weekend(day);
    }

    /** The entry that makes {@code day} what it is, if any (a holiday's or a make-up working day's name). */
    public java.util.Optional<CalendarEntry> entryOn(LocalDate day) {
        return entries.stream().filter(e -> e.contains(day)).findFirst();
    }

    static boolean weekend(LocalDate day) {
        return CalendarEntry.weekendDay(day.getDayOfWeek());
    }
}
