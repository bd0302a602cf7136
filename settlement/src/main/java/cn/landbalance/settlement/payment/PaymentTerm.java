package cn.landbalance.settlement.payment;

import cn.landbalance.settlement.rules.WorkingCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * How long a payment notice runs: a number of working days after the day it is issued, by the county's working calendar
 * (weekends, the public holidays it entered and the weekend days worked in their place). The notice, and the order's
 * reservation with it, lasts to the end of its due date in the county's time.
 */
public final class PaymentTerm {
    private PaymentTerm() {
    }

    /** The due date of a notice issued on {@code issuedOn} with {@code workingDays} to pay, weekends only. */
    public static LocalDate dueOn(LocalDate issuedOn, int workingDays) {
        return dueOn(issuedOn, workingDays, WorkingCalendar.weekendsOnly());
    }

    /** The due date of a notice issued on {@code issuedOn} with {@code workingDays} working days of {@code calendar}. */
    public static LocalDate dueOn(LocalDate issuedOn, int workingDays, WorkingCalendar calendar) {
        LocalDate day = issuedOn;
        for (int left = workingDays; left > 0; ) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** The instant a notice due on {@code dueOn} runs out: the start of the next day in the county's time. */
    public static Instant endOf(LocalDate dueOn, ZoneId zone) {
        return dueOn.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
