package cn.landbalance.api.indicator;

import io.micronaut.context.annotation.Value;
import cn.landbalance.ledger.common.CountyTime;
import cn.landbalance.ledger.indicator.IndicatorLedger;
import cn.landbalance.ledger.money.MoneyLedger;
import cn.landbalance.ledger.money.MoneyQueries;
import cn.landbalance.ledger.money.MoneyStore;
import cn.landbalance.settlement.fund.BankLines;
import cn.landbalance.settlement.fund.BankReconciliations;
import cn.landbalance.settlement.fund.PaymentReferences;
import cn.landbalance.settlement.identity.Organizations;
import cn.landbalance.settlement.outflow.OutflowApplications;
import cn.landbalance.settlement.outflow.OutflowImport;
import cn.landbalance.settlement.market.ListedArea;
import cn.landbalance.settlement.outflow.OutflowService;
import cn.landbalance.settlement.rules.CountyRulesStore;
import cn.landbalance.ledger.indicator.IndicatorStore;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.imports.PlanImportService;
import cn.landbalance.settlement.imports.PlanImports;
import cn.landbalance.settlement.inflow.InflowImport;
import cn.landbalance.settlement.places.PlaceNameService;
import cn.landbalance.settlement.places.PlaceNames;
import cn.landbalance.settlement.inflow.InflowProjects;
import cn.landbalance.settlement.inflow.InflowService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/** Wires the indicator and money ledgers and the inflow and outflow use cases to their adapters. */
@Factory
public class LedgerFactory {
    /**
     * The one clock: the system's time in the county's zone ({@code landbalance.time-zone}, {@code LANDBALANCE_TIME_ZONE};
     * Beijing time by default), so "today", a plan's year and a declaration window are the county's, whatever zone the
     * machine or container runs in.
     */
    @Singleton
    Clock clock(@Value("${landbalance.time-zone:" + CountyTime.DEFAULT_ZONE + "}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }

    @Singleton
    IndicatorLedger indicatorLedger(IndicatorStore store) {
        return new IndicatorLedger(store);
    }

    @Singleton
    InflowService inflowService(Regions regions, Organizations organizations, InflowProjects projects,
                                IndicatorLedger ledger, IndicatorStore lots,
                                cn.landbalance.settlement.spatial.ParcelService parcels, Clock clock) {
        return new InflowService(regions, organizations, projects, ledger, lots,
                (actor, project, action) -> parcels.atDecision(actor, project.countyId(),
                        cn.landbalance.settlement.spatial.SpatialStore.Subject.inflow(project.id()), action.name(),
                        project.slopes().totalM2(), cn.landbalance.settlement.spatial.ParcelCheck.Purpose.INFLOW, false),
                clock);
    }

    @Singleton
    MoneyLedger moneyLedger(MoneyStore store) {
        return new MoneyLedger(store);
    }

    @Singleton
    OutflowService outflowService(Regions regions, Organizations organizations, CountyRulesStore rules,
                                  OutflowApplications applications, cn.landbalance.settlement.outflow.FeePayments fees,
                                  IndicatorLedger ledger, IndicatorStore lots,
                                  MoneyLedger money, ListedArea listed, PaymentReferences references,
                                  cn.landbalance.settlement.payment.PaymentNotices notices,
                                  cn.landbalance.settlement.market.MarketService market,
                                  cn.landbalance.settlement.spatial.ParcelService parcels, Clock clock) {
        return new OutflowService(regions, organizations, rules, applications, fees, ledger, lots, money, listed, references,
                notices, new cn.landbalance.settlement.outflow.ApplicationEnding(market, notices, applications, fees, ledger, money),
                (actor, app, action) -> parcels.atDecision(actor, app.countyId(),
                        cn.landbalance.settlement.spatial.SpatialStore.Subject.outflow(app.id()), action.name(), app.areaM2(),
                        cn.landbalance.settlement.spatial.ParcelCheck.Purpose.OUTFLOW, app.site().supplementPlan()),
                clock);
    }

    @Singleton
    cn.landbalance.settlement.outflow.FeeLand feeLand(Regions regions, OutflowApplications applications,
                                                      cn.landbalance.settlement.outflow.FeePayments fees, IndicatorLedger ledger,
                                                      IndicatorStore lots, MoneyLedger money, ListedArea listed, Clock clock) {
        return new cn.landbalance.settlement.outflow.FeeLand(regions, applications, fees, ledger, lots, money, listed, clock);
    }

    @Singleton
    cn.landbalance.settlement.outflow.OwnIndicators ownIndicators(OutflowService outflow, Organizations organizations,
            cn.landbalance.ledger.indicator.IndicatorQueries queries, CountyRulesStore rules,
            OutflowApplications applications, cn.landbalance.settlement.payment.PaymentNotices notices) {
        return new cn.landbalance.settlement.outflow.OwnIndicators(outflow, organizations, queries, rules, applications,
                notices);
    }

    @Singleton
    cn.landbalance.settlement.spatial.ParcelService parcelService(cn.landbalance.settlement.spatial.SpatialStore store,
                                                                  Clock clock) {
        return new cn.landbalance.settlement.spatial.ParcelService(store, clock);
    }

    @Singleton
    cn.landbalance.settlement.spatial.ParcelTargets parcelTargets(OutflowService outflow,
                                                                  cn.landbalance.settlement.inflow.InflowService inflow) {
        return new cn.landbalance.settlement.spatial.ParcelTargets(outflow, inflow);
    }

    @Singleton
    OutflowImport outflowImport(Organizations organizations, CountyRulesStore rules, OutflowApplications applications) {
        return new OutflowImport(organizations, rules, applications);
    }

    @Singleton
    InflowImport inflowImport(InflowProjects projects, IndicatorLedger ledger) {
        return new InflowImport(projects, ledger);
    }

    @Singleton
    PlanImportService planImportService(Regions regions, PlaceNames placeNames, PlanImports imports, InflowImport inflow,
                                        OutflowImport outflow) {
        return new PlanImportService(regions, placeNames, imports, java.util.List.of(inflow, outflow));
    }

    @Singleton
    BankReconciliations bankReconciliations(MoneyQueries money, MoneyLedger ledger, BankLines lines,
                                            PaymentReferences references,
                                            cn.landbalance.settlement.payment.PaymentService payments, Clock clock) {
        return new BankReconciliations(money, ledger, lines, references, payments, clock);
    }

    @Singleton
    PlaceNameService placeNameService(Regions regions, PlaceNames placeNames) {
        return new PlaceNameService(regions, placeNames);
    }
}
