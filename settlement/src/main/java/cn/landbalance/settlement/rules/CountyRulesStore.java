package cn.landbalance.settlement.rules;

import java.util.Optional;

/** Port: the stored rules of each county. A county without stored rules uses {@link CountyRules#defaults()}. */
public interface CountyRulesStore {
    Optional<CountyRules> find(long countyId);

    /** How many working days the county's payment notices run: one value, read on every notice issued. */
    default int paymentTermWorkingDays(long countyId) {
        return find(countyId).orElse(CountyRules.defaults()).paymentTermWorkingDays();
    }

    void save(long countyId, CountyRules rules);
}
