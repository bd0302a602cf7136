package cn.landbalance.api.market;

import cn.landbalance.ledger.indicator.IndicatorLedger;
import cn.landbalance.ledger.indicator.IndicatorQueries;
import cn.landbalance.ledger.indicator.IndicatorStore;
import cn.landbalance.ledger.money.MoneyLedger;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.market.ListedArea;
import cn.landbalance.settlement.market.Market;
import cn.landbalance.settlement.market.MarketService;
import cn.landbalance.settlement.outflow.OutflowApplications;
import cn.landbalance.settlement.rules.CountyRulesStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

@Factory
public class MarketFactory {
    @Singleton
    MarketService marketService(Regions regions, CountyRulesStore rules, OutflowApplications applications,
                                IndicatorLedger ledger, IndicatorQueries lots, IndicatorStore lotStore, MoneyLedger money,
                                Market market, cn.landbalance.settlement.fund.PaymentReferences references,
                                cn.landbalance.settlement.payment.PaymentNotices notices, Clock clock) {
        return new MarketService(regions, rules, applications, ledger, lots, lotStore, money, market, references, notices, clock);
    }

    @Singleton
    cn.landbalance.settlement.payment.PaymentService paymentService(cn.landbalance.settlement.payment.PaymentNotices notices,
                                                                    MarketService market,
                                                                    cn.landbalance.settlement.outflow.OutflowService outflow,
                                                                    Regions regions, CountyRulesStore rules,
                                                                    cn.landbalance.settlement.fund.PaymentReferences references,
                                                                    Clock clock) {
        return new cn.landbalance.settlement.payment.PaymentService(notices, market, outflow, regions, rules, references,
                clock);
    }

    @Singleton
    ListedArea listedArea(Market market, IndicatorStore lots) {
        return new ListedArea(market, lots);
    }
}
