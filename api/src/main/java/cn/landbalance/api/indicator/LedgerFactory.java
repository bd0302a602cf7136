package cn.landbalance.api.indicator;

import cn.landbalance.ledger.indicator.IndicatorLedger;
import cn.landbalance.ledger.indicator.IndicatorStore;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.inflow.InflowImport;
import cn.landbalance.settlement.inflow.InflowProjects;
import cn.landbalance.settlement.inflow.InflowService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Wires the indicator ledger and the inflow use cases to their adapters. */
@Factory
public class LedgerFactory {
    @Singleton
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Singleton
    IndicatorLedger indicatorLedger(IndicatorStore store) {
        return new IndicatorLedger(store);
    }

    @Singleton
    InflowService inflowService(Regions regions, InflowProjects projects, IndicatorLedger ledger, Clock clock) {
        return new InflowService(regions, projects, ledger, clock);
    }

    @Singleton
    InflowImport inflowImport(Regions regions, InflowProjects projects, InflowService service) {
        return new InflowImport(regions, projects, service);
    }
}
