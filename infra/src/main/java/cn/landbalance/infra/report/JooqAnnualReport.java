package cn.landbalance.infra.report;

import cn.landbalance.ledger.common.AsOf;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.util.List;

/** Read models of the annual balance report: indicators sold per township and the plan's appendix tables. */
@Singleton
@ReadOnly(transactionManager = ReportsDatabase.NAME)
public class JooqAnnualReport {
    /** 附表1: one accepted inflow project of the year, areas in m² per slope grade 1-4 and in total. */
    public record InflowRow(String township, String village, String landClassBefore, String targetClass, String ownership,
                            String restorationAttr, long slope1M2, long slope2M2, long slope3M2, long slope4M2, long areaM2) {
    }

    /**
     * 附表2: one outflow application of the year (not rejected or withdrawn), areas in m² per slope grade 1-5 and in
     * total, and its ownership (权属性质).
     */
    public record OutflowRow(String township, String landClassAfter, long slope1M2, long slope2M2, long slope3M2,
                             long slope4M2, long slope5M2, long areaM2, String ownership) {
    }

    private final DSLContext db;

    public JooqAnnualReport(@Named(ReportsDatabase.NAME) DSLContext db) {
        this.db = db;
    }

    /** 附表1 as of the moment: projects whose lot was issued before it and not revoked by then (live: accepted now). */
    public List<InflowRow> appendixInflow(long countyId, int year, AsOf asOf) {
        return db.fetch("""
                with moment as (select ?::timestamptz as t)
                select r.name, p.village, p.land_class_before, p.target_class, p.ownership, p.restoration_attr,
                       p.slope_1_m2, p.slope_2_m2, p.slope_3_m2, p.slope_4_m2, p.area_m2
                from inflow_project p join region r on r.id = p.township_id
                  left join indicator_lot l on l.source_project_id = p.id, moment
                where p.county_id = ? and p.plan_year = ?
                  and case when moment.t = 'infinity' then p.status = 'ACCEPTED'
                      else l.created_at < moment.t and not exists (select 1 from indicator_movement m
                        where m.lot_id = l.id and m.kind = 'REVOKE' and m.created_at < moment.t) end
                order by r.code, p.id""", asOf.sql(), countyId, year)
                .map(r -> new InflowRow(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class),
                        r.get(3, String.class), r.get(4, String.class), r.get(5, String.class), r.get(6, Long.class),
                        r.get(7, Long.class), r.get(8, Long.class), r.get(9, Long.class), r.get(10, Long.class)));
    }

    /** 附表2 as of the moment: applications recorded before it that were not rejected or withdrawn by then. */
    public List<OutflowRow> appendixOutflow(long countyId, int year, AsOf asOf) {
        return db.fetch("""
                with moment as (select ?::timestamptz as t)
                select r.name, a.land_class_after, a.slope_1_m2, a.slope_2_m2, a.slope_3_m2, a.slope_4_m2, a.slope_5_m2,
                       a.area_m2, a.ownership
                from outflow_application a join region r on r.id = a.township_id, moment
                where a.county_id = ? and a.plan_year = ? and a.created_at < moment.t
                  and outflow_status_at(a.id, a.status, moment.t) not in ('REJECTED', 'WITHDRAWN')
                order by r.code, a.id""", asOf.sql(), countyId, year)
                .map(r -> new OutflowRow(r.get(0, String.class), r.get(1, String.class), r.get(2, Long.class),
                        r.get(3, Long.class), r.get(4, Long.class), r.get(5, Long.class), r.get(6, Long.class),
                        r.get(7, Long.class), r.get(8, String.class)));
    }
}
