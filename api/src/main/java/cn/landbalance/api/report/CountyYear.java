package cn.landbalance.api.report;

import cn.landbalance.ledger.common.AsOf;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.settlement.outflow.CountyBalances;
import cn.landbalance.settlement.outflow.YearBalance;

import java.time.LocalDate;
import java.time.Clock;
import java.util.List;

/**
 * What the county reports share: the moment asked for ({@code asOf}, else the live books), the year asked for (else the
 * moment's year, else this year on the county's clock) and the county's balances.
 */
public final class CountyYear {
    private CountyYear() {
    }

    /** The moment asked for ({@code asOf}: a day or a date-time), or the live books. */
    public static AsOf asOf(String text, Clock clock) {
        return AsOf.parse(text, "asOf", clock.getZone(), clock.instant());
    }

    /** The year asked for, else the year of the moment asked for, else this year on the county's clock. */
    public static int year(Integer year, AsOf asOf, Clock clock) {
        return asOf.yearOr(year, LocalDate.now(clock));
    }

    /** The year asked for, or this year on the county's clock. */
    public static int orThisYear(Integer year, Clock clock) {
        return year == null ? LocalDate.now(clock).getYear() : year;
    }

    /** The county's balance per township for the year; a county with no townships is no county (404). */
    public static List<YearBalance> balances(CountyBalances balances, long countyId, int year) {
        return balances(balances, countyId, year, AsOf.LIVE);
    }

    /** The same as the books stood at the moment. */
    public static List<YearBalance> balances(CountyBalances balances, long countyId, int year, AsOf asOf) {
        List<YearBalance> rows = balances.forYear(countyId, year, asOf);
        if (rows.isEmpty()) {
            throw new DomainException(ErrorCode.COUNTY_NOT_FOUND, "县 " + countyId, "county " + countyId);
        }
        return rows;
    }

    /** What a workbook's name adds for a report as of a moment ("-截至2024-01-15"); nothing for the live books. */
    public static String fileSuffix(String asOf) {
        return asOf == null ? "" : "-截至" + asOf.replaceAll("[^0-9A-Za-z+\\-]", "");
    }
}
