package cn.landbalance.settlement.payment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * How long a payment notice runs: a number of working days after the day it is issued, Saturdays and Sundays not
 * counted (public holidays and the weekends worked in their place are not known to the system: a county that issues
 * notices just before 春节 or 国庆 sets a longer term). The notice, and the order's reservation with it, lasts to the
 * end of its due date in the county's time.
 */
public final class PaymentTerm {
    private PaymentTerm() {
    }

    /** The due date of a notice issued on {@code issuedOn} with {@code workingDays} to pay. */
    public static LocalDate dueOn(LocalDate issuedOn, int workingDays) {
        LocalDate day = issuedOn;
        for (int left = workingDays; left > 0; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
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
