package cn.landbalance.settlement.payment;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void aNoticeRunsToTheEndOfItsDueDateInTheCountysTime() {
        assertEquals(Instant.parse("2026-12-16T16:00:00Z"),
                PaymentTerm.endOf(LocalDate.of(2026, 12, 16), ZoneId.of("Asia/Shanghai")));
    }
}
