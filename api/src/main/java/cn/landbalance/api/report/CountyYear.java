package cn.landbalance.api.report;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.settlement.outflow.CountyBalances;
import cn.landbalance.settlement.outflow.YearBalance;

import java.time.LocalDate;
import java.time.Clock;
import java.util.List;

/** What the county reports share: the year asked for (this year on the county's clock when none) and the county's balances. */
public final class CountyYear {
    private CountyYear() {
    }

    /** The year asked for, or this year on the county's clock. */
    public static int orThisYear(Integer year, Clock clock) {
        return year == null ? LocalDate.now(clock).getYear() : year;
    }

    /** The county's balance per township for the year; a county with no townships is no county (404). */
    public static List<YearBalance> balances(CountyBalances balances, long countyId, int year) {
        List<YearBalance> rows = balances.forYear(countyId, year);
        if (rows.isEmpty()) {
            throw new DomainException(ErrorCode.COUNTY_NOT_FOUND, "county " + countyId);
        }
        return rows;
    }
}
