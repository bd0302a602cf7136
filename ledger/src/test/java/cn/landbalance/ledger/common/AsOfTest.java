package cn.landbalance.ledger.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The moment a report reads the books at: a day ends at the county's midnight; a date-time includes its instant. */
class AsOfTest {
    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z"); // 16:00 in the county

    @Test
    void aDayEndsAtTheCountysMidnight() {
        AsOf asOf = AsOf.parse("2026-06-30", "asOf", COUNTY, NOW);
        assertEquals(Instant.parse("2026-06-30T16:00:00Z"), asOf.before(), "2026-07-01 00:00 in Beijing time");
        assertEquals(2026, asOf.year());
        assertEquals("2026-06-30", asOf.text());
        assertEquals("2026-06-30T16:00:00Z", asOf.sql());
    }

    @Test
    void todayReadsEverythingRecordedSoFar() {
        AsOf asOf = AsOf.parse("2026-12-02", "asOf", COUNTY, NOW);
        assertTrue(asOf.before().isAfter(NOW));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2026-06-30T10:15:00+08:00, 2026-06-30T02:15:00.000001Z",
            "2026-06-30T02:15:00Z, 2026-06-30T02:15:00.000001Z",
            "2026-06-30T10:15:00, 2026-06-30T02:15:00.000001Z",
            "2026-06-30T10:15:00.123456789+08:00, 2026-06-30T02:15:00.123457Z",
            "'2026-06-30T10:15:00 08:00', 2026-06-30T02:15:00.000001Z",   // an unencoded '+' in a query string
    })
    void aDateTimeIncludesWhatWasRecordedAtThatInstant(String text, String before) {
        assertEquals(Instant.parse(before), AsOf.parse(text, "asOf", COUNTY, NOW).before());
    }

    @Test
    void blankIsTheLiveBooks() {
        assertTrue(AsOf.parse(null, "asOf", COUNTY, NOW).live());
        assertTrue(AsOf.parse("  ", "asOf", COUNTY, NOW).live());
        assertNull(AsOf.LIVE.before());
        assertEquals("infinity", AsOf.LIVE.sql());
    }

    @Test
    void theReportYearIsAskedOrTheMomentsOrThisYears() {
        LocalDate today = LocalDate.of(2026, 12, 2);
        assertEquals(2023, AsOf.parse("2024-01-15", "asOf", COUNTY, NOW).yearOr(2023, today));
        assertEquals(2024, AsOf.parse("2024-01-15", "asOf", COUNTY, NOW).yearOr(null, today));
        assertEquals(2026, AsOf.LIVE.yearOr(null, today));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2026-13-01", "yesterday", "2026/06/30", "2026-06-30T25:00:00", "1999-12-31", "2026-12-03",
            "2026-12-02T08:00:01Z", "2100-01-01",
    })
    void anythingElseIsRefusedNamingTheField(String text) {
        DomainException e = assertThrows(DomainException.class, () -> AsOf.parse(text, "asOf", COUNTY, NOW));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals("asOf", e.field());
    }
}
