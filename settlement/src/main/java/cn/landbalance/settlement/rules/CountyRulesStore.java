package cn.landbalance.settlement.rules;

import java.util.Optional;

/** Port: the stored rules of each county. A county without stored rules uses {@link CountyRules#defaults()}. */
public interface CountyRulesStore {
    Optional<CountyRules> find(long countyId);

    /** How long an unpaid order of the county holds its reservation: one value, read on every order placed. */
    default int orderTtlMinutes(long countyId) {
        return find(countyId).orElse(CountyRules.defaults()).orderTtlMinutes();
    }

    void save(long countyId, CountyRules rules);
}
