package cn.landbalance.settlement.rules;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.regex.Pattern;

/** A yearly window "MM-DD" to "MM-DD" (inclusive) in which outflow needs may be declared; may wrap the year end. */
public record DeclarationWindow(MonthDay from, MonthDay to) {
    private static final Pattern MM_DD = Pattern.compile("\\d{2}-\\d{2}");

    public static DeclarationWindow parse(String from, String to, String fieldPrefix) {
        return new DeclarationWindow(monthDay(from, fieldPrefix + ".from"), monthDay(to, fieldPrefix + ".to"));
    }

    private static MonthDay monthDay(String text, String field) {
        if (text == null || !MM_DD.matcher(text).matches()) {
            throw DomainException.field(ErrorCode.DECLARATION_WINDOW_INVALID, field,
                    "应为“月-日”格式（MM-DD），收到 " + text, "expected MM-DD, got " + text);
        }
        try {
            return MonthDay.of(Integer.parseInt(text.substring(0, 2)), Integer.parseInt(text.substring(3)));
        } catch (DateTimeException e) {
            throw DomainException.field(ErrorCode.DECLARATION_WINDOW_INVALID, field,
                    "没有这一天：" + text, "no such day: " + text);
        }
    }

    public boolean contains(LocalDate date) {
        MonthDay day = MonthDay.from(date);
        if (!from.isAfter(to)) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
        return !day.isBefore(from) || !day.isAfter(to);
    }

    public String fromText() {
        return format(from);
    }

    public String toText() {
        return format(to);
    }

    private static String format(MonthDay day) {
        return String.format("%02d-%02d", day.getMonthValue(), day.getDayOfMonth());
    }
}
