package cn.landbalance.settlement.payment;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.settlement.rules.CalendarEntry;
import cn.landbalance.settlement.rules.WorkingCalendar;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaymentTermTest {
    @Test
    void workingDaysSkipWeekends() {
        LocalDate wednesday = LocalDate.of(2026, 12, 2);
        assertEquals(LocalDate.of(2026, 12, 16), PaymentTerm.dueOn(wednesday, 10), "two weeks of working days");
        assertEquals(LocalDate.of(2026, 12, 3), PaymentTerm.dueOn(wednesday, 1));
        LocalDate friday = LocalDate.of(2026, 12, 4);
        assertEquals(LocalDate.of(2026, 12, 7), PaymentTerm.dueOn(friday, 1), "Friday's next working day is Monday");
        LocalDate saturday = LocalDate.of(2026, 12, 5);
        assertEquals(LocalDate.of(2026, 12, 7), PaymentTerm.dueOn(saturday, 1));
    }

    /** A county's arrangement as it might enter it (example dates): 国庆 off 10-01 to 10-07, Saturday 10-10 worked. */
    private static final WorkingCalendar NATIONAL_DAY = new WorkingCalendar(List.of(
            CalendarEntry.of(2026, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7), CalendarEntry.Kind.HOLIDAY, "国庆节", "e"),
            CalendarEntry.of(2026, LocalDate.of(2026, 10, 10), null, CalendarEntry.Kind.WORKDAY, "国庆节调休上班", "e")));

    @Test
    void holidaysDoNotCountAndAMakeUpSaturdayDoes() {
        LocalDate wednesday = LocalDate.of(2026, 9, 30);
        assertEquals(LocalDate.of(2026, 10, 14), PaymentTerm.dueOn(wednesday, 10), "weekends only: the holiday is counted");
        // 10-08, 10-09, Saturday 10-10, 10-12 … 10-16, 10-19, 10-20
        assertEquals(LocalDate.of(2026, 10, 20), PaymentTerm.dueOn(wednesday, 10, NATIONAL_DAY));
        assertEquals(LocalDate.of(2026, 10, 8), PaymentTerm.dueOn(wednesday, 1, NATIONAL_DAY), "the first day after the holiday");
        assertEquals(LocalDate.of(2026, 10, 10), PaymentTerm.dueOn(LocalDate.of(2026, 10, 9), 1, NATIONAL_DAY),
                "the make-up Saturday is a working day");
        assertFalse(NATIONAL_DAY.isWorkingDay(LocalDate.of(2026, 10, 5)), "a Monday of the holiday");
        assertTrue(NATIONAL_DAY.isWorkingDay(LocalDate.of(2026, 10, 10)));
        assertFalse(NATIONAL_DAY.isWorkingDay(LocalDate.of(2026, 10, 11)), "the Sunday after is still a weekend");
    }

    @Test
    void anEntryIsRefusedNamingWhatIsWrongWithIt() {
        assertEquals("entries[0].from", assertThrows(DomainException.class, () -> CalendarEntry.of(2026,
                LocalDate.of(2027, 1, 1), null, CalendarEntry.Kind.HOLIDAY, "元旦", "entries[0]")).field(), "another year");
        assertEquals("entries[1].to", assertThrows(DomainException.class, () -> CalendarEntry.of(2026,
                LocalDate.of(2026, 10, 7), LocalDate.of(2026, 10, 1), CalendarEntry.Kind.HOLIDAY, "国庆", "entries[1]")).field());
        assertEquals("entries[2].from", assertThrows(DomainException.class, () -> CalendarEntry.of(2026,
                LocalDate.of(2026, 10, 9), null, CalendarEntry.Kind.WORKDAY, "调休", "entries[2]")).field(),
                "a Friday is a working day already");
        assertEquals("entries[3].name", assertThrows(DomainException.class, () -> CalendarEntry.of(2026,
                LocalDate.of(2026, 10, 1), null, CalendarEntry.Kind.HOLIDAY, " ", "entries[3]")).field());
        assertEquals("entries[4].to", assertThrows(DomainException.class, () -> CalendarEntry.of(2026,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1), CalendarEntry.Kind.HOLIDAY, "寒假", "entries[4]")).field(),
                "longer than any public holiday");
        assertEquals("entries", assertThrows(DomainException.class, () -> WorkingCalendar.checkedYear(List.of(
                CalendarEntry.of(2026, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7), CalendarEntry.Kind.HOLIDAY, "国庆", "e"),
                CalendarEntry.of(2026, LocalDate.of(2026, 10, 3), null, CalendarEntry.Kind.WORKDAY, "调休", "e")))).field(),
                "a day both off and worked");
    }

    @Test
    void aNoticeRunsToTheEndOfItsDueDateInTheCountysTime() {
        assertEquals(Instant.parse("2026-12-16T16:00:00Z"),
                PaymentTerm.endOf(LocalDate.of(2026, 12, 16), ZoneId.of("Asia/Shanghai")));
    }
}
