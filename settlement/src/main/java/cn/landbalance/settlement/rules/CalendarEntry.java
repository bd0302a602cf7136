package cn.landbalance.settlement.rules;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * One line of the State Council's yearly holiday arrangement as a county enters it: days off ({@code HOLIDAY}, e.g.
 * 国庆节 10-01 to 10-07) or a weekend day worked in their place ({@code WORKDAY}, 调休上班, e.g. 09-28).
 */
public record CalendarEntry(LocalDate from, LocalDate to, Kind kind, String name) {
    public enum Kind { HOLIDAY, WORKDAY }

    public static final int MAX_NAME = 40;
    public static final int MAX_DAYS = 15;

    /** The entry, checked: within {@code year}, at most 15 days, a name, and a make-up working day on a weekend. */
    public static CalendarEntry of(int year, LocalDate from, LocalDate to, Kind kind, String name, String field) {
        if (from == null) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, field + ".from", "请填写开始日期", "from is required");
        }
        LocalDate end = to == null ? from : to;
        if (from.getYear() != year || end.getYear() != year) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, field + ".from",
                    "日期须在 " + year + " 年内", "the dates must be in " + year);
        }
        if (end.isBefore(from)) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, field + ".to", "结束日期早于开始日期", "to is before from");
        }
        if (from.plusDays(MAX_DAYS).isBefore(end.plusDays(1))) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, field + ".to",
                    "一段不超过 " + MAX_DAYS + " 天", "an entry spans at most " + MAX_DAYS + " days");
        }
        if (kind == null) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, field + ".kind", "请选择放假或上班", "kind is required");
        }
        if (kind == Kind.WORKDAY) {
            for (LocalDate d = from; !d.isAfter(end); d = d.plusDays(1)) {
                if (!WorkingCalendar.weekend(d)) {
                    throw DomainException.field(ErrorCode.VALIDATION_FAILED, field + ".from",
                            d + " 本是工作日，无需调休上班", d + " is a weekday already");
                }
            }
        }
        if (name == null || name.isBlank()) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, field + ".name", "请填写名称（如 国庆节）", "name is required");
        }
        if (name.strip().length() > MAX_NAME) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, field + ".name",
                    "名称不超过 " + MAX_NAME + " 字", "name is longer than " + MAX_NAME);
        }
        return new CalendarEntry(from, end, kind, name.strip());
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    static boolean weekendDay(DayOfWeek d) {
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }
}
