package cn.landbalance.settlement.rules;

import java.util.Optional;

/** Port: the stored rules of each county. A county without stored rules uses {@link CountyRules#defaults()}. */
public interface CountyRulesStore {
    Optional<CountyRules> find(long countyId);

    void save(long countyId, CountyRules rules);
}
