package cn.landbalance.api.market;

import cn.landbalance.ledger.indicator.IndicatorLedger;
import cn.landbalance.ledger.indicator.IndicatorStore;
import cn.landbalance.ledger.money.MoneyLedger;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.market.ListedArea;
import cn.landbalance.settlement.market.Listings;
import cn.landbalance.settlement.market.Orders;
import cn.landbalance.settlement.market.MarketService;
import cn.landbalance.settlement.market.OrderSettlements;
import cn.landbalance.settlement.fund.PaymentReferences;
import cn.landbalance.settlement.payment.PaymentNotices;
import cn.landbalance.settlement.outflow.OutflowApplications;
import cn.landbalance.settlement.rules.CountyRulesStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

@Factory
public class MarketFactory {
    @Singleton
    MarketService marketService(Regions regions, CountyRulesStore rules, OutflowApplications applications,
                                IndicatorLedger ledger, IndicatorStore lotStore, Listings listings,
                                Orders orders, PaymentNotices notices, Clock clock) {
        return new MarketService(regions, rules, applications, ledger, lotStore, listings, orders, notices, clock);
    }

    @Singleton
    OrderSettlements orderSettlements(Orders orders, OutflowApplications applications, PaymentNotices notices,
                                      PaymentReferences references, IndicatorLedger ledger, MoneyLedger money, Clock clock) {
        return new OrderSettlements(orders, applications, notices, references, ledger, money, clock);
    }

    @Singleton
    cn.landbalance.settlement.payment.PaymentService paymentService(PaymentNotices notices,
                                                                    OrderSettlements market,
                                                                    cn.landbalance.settlement.outflow.OutflowService outflow,
                                                                    Regions regions, CountyRulesStore rules,
                                                                    cn.landbalance.settlement.fund.PaymentReferences references,
                                                                    Clock clock) {
        return new cn.landbalance.settlement.payment.PaymentService(notices, market, outflow, regions, rules, references,
                clock);
    }

    @Singleton
    ListedArea listedArea(Listings listings, IndicatorStore lots) {
        return new ListedArea(listings, lots);
    }
}
