package cn.landbalance.settlement.outflow;

import java.util.List;

/** Port: what the books say of each township's plan year; {@link YearBalance} applies the one definition to it. */
public interface CountyBalances {
    /** The facts of every township of the county for the plan year, in region-code order. */
    List<YearBalance.Facts> factsOf(long countyId, int year);

    /** Every township's balance for the year (DOMAIN: a year's balance), in region-code order. */
    default List<YearBalance> forYear(long countyId, int year) {
        return factsOf(countyId, year).stream().map(YearBalance::of).toList();
    }
}
