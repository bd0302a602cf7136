package cn.landbalance.ledger.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The moment a report reads the books at. Reports count only what was recorded strictly before {@link #before()}: the
 * immutable movements, transfers, coverages and decisions as they stood then. As of a day (2026-06-30) is the end of
 * that day in the county's time; as of a date-time (2026-06-30T10:15:00+08:00) includes what was recorded at that
 * instant. {@link #LIVE} reads everything recorded so far.
 *
 * @param before  the exclusive bound, or null for the live books
 * @param text    what was asked for, as given back in the report (null when live)
 * @param year    the county's year the moment falls in (the report's default year), or 0 when live
 */
public record AsOf(Instant before, String text, int year) {
    public static final AsOf LIVE = new AsOf(null, null, 0);

    private static final int FIRST_YEAR = 2000;

    public boolean live() {
        return before == null;
    }

    /** The bound as PostgreSQL reads a {@code timestamptz}: {@code infinity} for the live books. */
    public String sql() {
        return before == null ? "infinity" : before.toString();
    }

    /** The year to report: the one asked for, else the year of the moment, else this year. */
    public int yearOr(Integer asked, LocalDate today) {
        if (asked != null) {
            return asked;
        }
        return live() ? today.getYear() : year;
    }

    /**
     * Reads {@code asOf} as a day or a date-time (with an offset, or in the county's zone without one); blank means the
     * live books. Refused, naming {@code field}: anything else, a moment before 2000, a moment still to come.
     */
    public static AsOf parse(String text, String field, ZoneId zone, Instant now) {
        if (text == null || text.isBlank()) {
            return LIVE;
        }
        // an unencoded '+' of an offset (…T10:30:00+08:00) reaches the server as a space
        String t = text.strip().replaceFirst(" (\\d\\d:?\\d\\d)$", "+$1");
        Instant before;
        LocalDate day;
        try {
            if (t.length() == 10) {
                day = LocalDate.parse(t);
                before = day.plusDays(1).atStartOfDay(zone).toInstant();
                if (day.isAfter(LocalDate.ofInstant(now, zone))) {
                    throw future(field);
                }
            } else {
                Instant at = t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")
                        ? OffsetDateTime.parse(t).toInstant() : LocalDateTime.parse(t).atZone(zone).toInstant();
                at = at.truncatedTo(ChronoUnit.MICROS);
                if (at.isAfter(now)) {
                    throw future(field);
                }
                day = LocalDate.ofInstant(at, zone);
                before = at.plus(1, ChronoUnit.MICROS);
            }
        } catch (DateTimeException e) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, field,
                    "须为日期（如 2026-06-30）或时刻（如 2026-06-30T10:15:00+08:00）",
                    field + " must be a date (2026-06-30) or a date-time (2026-06-30T10:15:00+08:00)");
        }
        if (day.getYear() < FIRST_YEAR) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, field,
                    "日期须在 2000 年以后", field + " must be in 2000 or later");
        }
        return new AsOf(before, t, day.getYear());
    }

    private static DomainException future(String field) {
        return DomainException.field(ErrorCode.VALIDATION_FAILED, field,
                "不能查询尚未到来的时刻", field + " cannot be in the future");
    }
}
