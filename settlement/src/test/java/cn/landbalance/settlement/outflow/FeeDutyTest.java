package cn.landbalance.settlement.outflow;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a fee's duty to restore land stands on a day: one row per case, the deadline 2024-10-31 (plan year 2023). */
class FeeDutyTest {
    private static final LocalDate DUE = LocalDate.of(2024, 10, 31);

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            "nothing delivered before the deadline,   1100, 0,    false, -,          2024-10-31, OWED,            1100",
            "nothing delivered after it,              1100, 0,    false, -,          2024-11-01, OVERDUE,         1100",
            "part delivered in time; the rest late,   1100, 600,  false, 2024-06-01, 2025-01-01, OVERDUE,         500",
            "all delivered on the deadline,           1100, 1100, false, 2024-10-31, 2026-12-02, DISCHARGED,      0",
            "the last of it delivered after it,       1100, 1100, false, 2026-12-02, 2026-12-02, DISCHARGED_LATE, 0",
            "refunded to its payer: nothing owed,     1100, 0,    true,  -,          2026-12-02, REFUNDED,        0",
    })
    void standsAsTheDeadlineAndTheDeliveriesSay(String story, long areaM2, long deliveredM2, boolean refunded,
                                                LocalDate lastDeliveredOn, LocalDate today, FeeDuty.Standing standing,
                                                long owedM2) {
        FeeDuty duty = new FeeDuty(1, 2, 2023, 3, "BANK-1", 8_250_000, areaM2, deliveredM2, refunded, DUE, lastDeliveredOn);
        assertEquals(standing, duty.on(today), story);
        assertEquals(owedM2, duty.owedM2(), story);
    }
}
