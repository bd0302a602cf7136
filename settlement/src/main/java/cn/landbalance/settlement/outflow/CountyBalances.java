package cn.landbalance.settlement.outflow;

import cn.landbalance.ledger.common.AsOf;

import java.util.List;

/** Port: what the books say of each township's plan year; {@link YearBalance} applies the one definition to it. */
public interface CountyBalances {
    /** The facts of every township of the county for the plan year as recorded before the moment, in region-code order. */
    List<YearBalance.Facts> factsOf(long countyId, int year, AsOf asOf);

    /** Every township's balance for the year (DOMAIN: a year's balance), in region-code order. */
    default List<YearBalance> forYear(long countyId, int year) {
        return forYear(countyId, year, AsOf.LIVE);
    }

    /** Every township's balance for the year as the books stood at the moment. */
    default List<YearBalance> forYear(long countyId, int year, AsOf asOf) {
        return factsOf(countyId, year, asOf).stream().map(YearBalance::of).toList();
    }
}
