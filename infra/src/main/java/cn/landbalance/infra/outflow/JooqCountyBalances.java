package cn.landbalance.infra.outflow;

import cn.landbalance.settlement.outflow.CountyBalances;
import cn.landbalance.infra.report.ReportsDatabase;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.util.List;

/** The county balance view in one SQL statement over applications, coverages and lots. */
@Singleton
@ReadOnly(transactionManager = ReportsDatabase.NAME)
public class JooqCountyBalances implements CountyBalances {
    private final DSLContext db;

    public JooqCountyBalances(@Named(ReportsDatabase.NAME) DSLContext db) {
        this.db = db;
    }

    @Override
    public List<TownshipBalance> forYear(long countyId, int year) {
        return db.fetch("""
                with apps as (
                  select township_id, sum(area_m2) as outflow, sum(required_m2) as obligation
                  from outflow_application where county_id = ? and plan_year = ? and status not in ('REJECTED', 'WITHDRAWN')
                  group by township_id),
                cov as (
                  select a.township_id,
                    sum(case when c.kind = 'SELF' then c.area_m2 else 0 end) as self_covered,
                    sum(case when c.kind = 'PURCHASE' then c.area_m2 else 0 end) as bought,
                    sum(case when c.kind = 'FEE' then c.area_m2 else 0 end) as fee_covered
                  from outflow_coverage c join outflow_application a on a.id = c.application_id
                  where a.county_id = ? and a.plan_year = ? and a.status not in ('REJECTED', 'WITHDRAWN') group by a.township_id),
                duty as (
                  select f.duty_township_id as township_id, sum(f.area_m2) as fee_duty
                  from fee_payment f join outflow_application a on a.id = f.application_id
                  where a.county_id = ? and a.plan_year = ?
                    and not exists (select 1 from fee_reversal r where r.fee_payment_id = f.id and r.outcome = 'REFUNDED')
                  group by f.duty_township_id),
                inflow as (
                  select owner_region_id as township_id, sum(issued_m2 - revoked_m2) as inflow
                  from indicator_lot where county_id = ? and vintage_year = ? group by owner_region_id)
                select r.id, r.name, coalesce(apps.outflow, 0), coalesce(apps.obligation, 0), coalesce(inflow.inflow, 0),
                       coalesce(cov.self_covered, 0), coalesce(cov.bought, 0), coalesce(cov.fee_covered, 0),
                       coalesce(duty.fee_duty, 0)
                from region r
                left join apps on apps.township_id = r.id
                left join cov on cov.township_id = r.id
                left join duty on duty.township_id = r.id
                left join inflow on inflow.township_id = r.id
                where r.parent_id = ? and r.level = 'TOWNSHIP'
                order by r.code""", countyId, year, countyId, year, countyId, year, countyId, year, countyId)
                .map(r -> {
                    long outflow = r.get(2, Long.class);
                    long obligation = r.get(3, Long.class);
                    long inflow = r.get(4, Long.class);
                    long self = r.get(5, Long.class);
                    long bought = r.get(6, Long.class);
                    long fee = r.get(7, Long.class);
                    return new TownshipBalance(r.get(0, Long.class), r.get(1, String.class), outflow, obligation, inflow,
                            self, bought, fee, Math.max(0, obligation - self - bought - fee), r.get(8, Long.class),
                            inflow - obligation, inflow >= obligation);
                });
    }
}
