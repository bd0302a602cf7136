package cn.landbalance.infra.outflow;

import cn.landbalance.infra.report.ReportsDatabase;
import cn.landbalance.ledger.common.AsOf;
import cn.landbalance.settlement.outflow.CountyBalances;
import cn.landbalance.settlement.outflow.YearBalance;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.util.List;

/**
 * What the books say of each township's plan year, now or as of a moment, in one SQL statement over applications,
 * coverages (reversals are negative rows, so sums are net), fee duties and lots. Applications rejected or withdrawn
 * count for nothing.
 */
@Singleton
@ReadOnly(transactionManager = ReportsDatabase.NAME)
public class JooqCountyBalances implements CountyBalances {
    private final DSLContext db;

    public JooqCountyBalances(@Named(ReportsDatabase.NAME) DSLContext db) {
        this.db = db;
    }

    /**
     * The facts as recorded before the moment: an application counts from its creation with the status its decisions
     * had given it by then, a coverage, fee, refund, delivery or duty move from when it was recorded, a lot's areas are
     * the sums of its movements by then (live: the lot's own columns, which the conservation audit keeps equal to them).
     * A fee's duty counts unless the fee was refunded, also when its application ended and the county kept the fee.
     */
    @Override
    public List<YearBalance.Facts> factsOf(long countyId, int year, AsOf asOf) {
        return db.fetch(FACTS.replace("{lots}", asOf.live() ? LOTS_NOW : LOTS_AS_OF),
                        asOf.sql(), countyId, year, year, countyId, year, countyId)
                .map(r -> new YearBalance.Facts(r.get(0, Long.class), r.get(1, String.class), r.get(2, Long.class),
                        r.get(3, Long.class), r.get(4, Long.class), r.get(5, Long.class), r.get(6, Long.class),
                        r.get(7, Long.class), r.get(8, Long.class), r.get(9, Long.class), r.get(10, Long.class),
                        r.get(11, Long.class), r.get(12, Long.class), r.get(13, Long.class)));
    }

    private static final String FACTS = """
            with moment as (select ?::timestamptz as t),
            of_year as (
              select a.id, a.township_id, a.area_m2, a.required_m2, a.status from outflow_application a, moment
              where a.county_id = ? and a.plan_year = ? and a.created_at < moment.t),
            active as (
              select a.* from of_year a, moment where outflow_status_at(a.id, a.status, moment.t) not in ('REJECTED', 'WITHDRAWN')),
            apps as (
              select township_id, sum(area_m2) as outflow, sum(required_m2) as obligation from active group by township_id),
            coverage as (
              select c.* from outflow_coverage c join active a on a.id = c.application_id, moment where c.created_at < moment.t),
            cov as (
              select a.township_id,
                sum(case when c.kind = 'SELF' then c.area_m2 else 0 end) as self_covered,
                sum(case when c.kind = 'PURCHASE' then c.area_m2 else 0 end) as bought,
                sum(case when c.kind = 'ADJUSTMENT' then c.area_m2 else 0 end) as adjusted_in,
                sum(case when c.kind = 'FEE' then c.area_m2 else 0 end) as fee_covered
              from coverage c join active a on a.id = c.application_id group by a.township_id),
            given as (
              select c.township_id,
                sum(case when c.kind = 'PURCHASE' then c.area_m2 else 0 end) as sold,
                sum(case when c.kind = 'ADJUSTMENT' then c.area_m2 else 0 end) as adjusted_out
              from coverage c group by c.township_id),
            fees as (
              select f.id, f.area_m2,
                fee_duty_township_at(f.id, f.duty_township_id, moment.t) as township_id,
                (select coalesce(sum(d.area_m2), 0) from fee_delivery d
                 where d.fee_payment_id = f.id and d.delivered_at < moment.t) as delivered
              from fee_payment f join of_year a on a.id = f.application_id, moment
              where f.created_at < moment.t and not exists (select 1 from fee_reversal r
                where r.fee_payment_id = f.id and r.outcome = 'REFUNDED' and r.created_at < moment.t)),
            duty as (
              select township_id, sum(area_m2) as fee_duty, sum(delivered) as delivered from fees group by township_id),
            lots as ({lots})
            select r.id, r.name, coalesce(apps.outflow, 0), coalesce(apps.obligation, 0), coalesce(lots.inflow, 0),
                   coalesce(cov.self_covered, 0), coalesce(cov.bought, 0), coalesce(cov.adjusted_in, 0),
                   coalesce(cov.fee_covered, 0), coalesce(given.sold, 0), coalesce(given.adjusted_out, 0),
                   coalesce(lots.spare, 0), coalesce(duty.fee_duty, 0), coalesce(duty.delivered, 0)
            from region r
            left join apps on apps.township_id = r.id
            left join cov on cov.township_id = r.id
            left join given on given.township_id = r.id
            left join duty on duty.township_id = r.id
            left join lots on lots.township_id = r.id
            where r.parent_id = ? and r.level = 'TOWNSHIP'
            order by r.code""";

    /** Issued less revoked of the year's vintage, and the township's own spare area, from the lots' columns. */
    private static final String LOTS_NOW = """
            select owner_region_id as township_id,
              sum(case when vintage_year = ? then issued_m2 - revoked_m2 else 0 end) as inflow,
              sum(case when holder_org_id is null then available_m2 else 0 end) as spare
            from indicator_lot where county_id = ? and vintage_year <= ? group by owner_region_id""";

    /** The same from the movements recorded before the moment. */
    private static final String LOTS_AS_OF = """
            select l.owner_region_id as township_id,
              sum(case when l.vintage_year = ? then b.issued - b.revoked else 0 end) as inflow,
              sum(case when l.holder_org_id is null then b.available else 0 end) as spare
            from indicator_lot l join lot_buckets_before(?, (select t from moment)) b on b.lot_id = l.id
            where l.vintage_year <= ? group by l.owner_region_id""";
}
