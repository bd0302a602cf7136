package cn.landbalance.settlement.outflow;

import java.util.List;

/** Port: the county's balance view for a plan year, per township (DOMAIN.md §2, §10). */
public interface CountyBalances {
    /**
     * One township's year: converted area and the obligations it created, the inflow indicators issued to it
     * in that year, how the obligations are covered (own indicators, bought, fee), its open duty to deliver
     * inflow for fees received, and whether its own inflow balances its obligations.
     */
    record TownshipBalance(long townshipId, String name, long outflowM2, long obligationM2, long inflowM2,
                           long selfCoveredM2, long boughtM2, long feeCoveredM2, long uncoveredM2, long feeDutyM2,
                           long surplusM2, boolean selfBalanced) {
    }

    List<TownshipBalance> forYear(long countyId, int year);
}
