package cn.landbalance.infra.report;

import cn.landbalance.infra.report.ReportsDatabase;
import cn.landbalance.infra.report.ZoneSql;
import cn.landbalance.ledger.common.AsOf;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Clock;
import java.util.List;

/**
 * The county's freeze/deduction report for a year, from the ledger movements of the cases' holds: per
 * township (cases opened, frozen, unfrozen, deducted in the year; owed at the end) and per month, now or as of a moment.
 */
@Singleton
@ReadOnly(transactionManager = ReportsDatabase.NAME)
public class JooqFreezeDeductionReport {
    public record TownshipRow(long townshipId, String name, long cases, long frozenM2, long unfrozenM2, long deductedM2,
                              long owedM2) {
    }

    public record MonthRow(int month, long frozenM2, long unfrozenM2, long deductedM2) {
    }

    private final DSLContext db;

    private final ZoneSql zone;

    public JooqFreezeDeductionReport(@Named(ReportsDatabase.NAME) DSLContext db, Clock clock) {
        this.db = db;
        this.zone = new ZoneSql(clock);
    }

    /** The townships' year as the movements, cases and repayments recorded before the moment have it. */
    public List<TownshipRow> townships(long countyId, int year, AsOf asOf) {
        return db.fetch(zone.in("""
                with moment as (select ?::timestamptz as t),
                moves as (
                  select c.township_id,
                    sum(case when m.kind = 'FREEZE' then m.area_m2 else 0 end) as frozen,
                    sum(case when m.kind = 'UNFREEZE' then m.area_m2 else 0 end) as unfrozen,
                    sum(case when m.kind = 'DEDUCT' then m.area_m2 else 0 end) as deducted
                  from violation_case c join violation_freeze f on f.case_id = c.id
                  join indicator_movement m on m.hold_id = f.hold_id, moment
                  where c.county_id = ? and extract(year from m.created_at at time zone {zone}) = ? and m.created_at < moment.t
                  group by c.township_id),
                cases as (
                  select township_id, count(*) as cases from violation_case, moment
                  where county_id = ? and extract(year from created_at at time zone {zone}) = ? and created_at < moment.t
                  group by township_id),
                borrowed as (
                  select f.case_id, f.area_m2 - case when moment.t = 'infinity' then f.unfrozen_m2 else
                    (select coalesce(sum(m.area_m2), 0) from indicator_movement m
                     where m.hold_id = f.hold_id and m.kind = 'UNFREEZE' and m.created_at < moment.t) end as owed
                  from violation_freeze f, moment
                  where f.borrowed and exists (select 1 from indicator_movement m
                    where m.hold_id = f.hold_id and m.kind = 'FREEZE' and m.created_at < moment.t)),
                owed as (
                  select c.township_id, sum((select coalesce(sum(b.owed), 0) from borrowed b where b.case_id = c.id)
                    - (select coalesce(sum(p.area_m2), 0) from violation_repayment p
                       where p.case_id = c.id and p.repaid_at < moment.t)) as owed
                  from violation_case c, moment where c.county_id = ? and c.created_at < moment.t group by c.township_id)
                select r.id, r.name, coalesce(cases.cases, 0), coalesce(moves.frozen, 0), coalesce(moves.unfrozen, 0),
                       coalesce(moves.deducted, 0), coalesce(owed.owed, 0)
                from region r left join moves on moves.township_id = r.id left join cases on cases.township_id = r.id
                left join owed on owed.township_id = r.id
                where r.parent_id = ? and r.level = 'TOWNSHIP' order by r.code"""),
                asOf.sql(), countyId, year, countyId, year, countyId, countyId)
                .map(r -> new TownshipRow(r.get(0, Long.class), r.get(1, String.class), r.get(2, Long.class),
                        r.get(3, Long.class), r.get(4, Long.class), r.get(5, Long.class), r.get(6, Long.class)));
    }

    public List<MonthRow> byMonth(long countyId, int year, AsOf asOf) {
        return db.fetch(zone.in("""
                select extract(month from m.created_at at time zone {zone})::int as month,
                  sum(case when m.kind = 'FREEZE' then m.area_m2 else 0 end),
                  sum(case when m.kind = 'UNFREEZE' then m.area_m2 else 0 end),
                  sum(case when m.kind = 'DEDUCT' then m.area_m2 else 0 end)
                from violation_case c join violation_freeze f on f.case_id = c.id
                join indicator_movement m on m.hold_id = f.hold_id
                where c.county_id = ? and extract(year from m.created_at at time zone {zone}) = ?
                  and m.created_at < ?::timestamptz
                group by 1 order by 1"""), countyId, year, asOf.sql())
                .map((Record r) -> new MonthRow(r.get(0, Integer.class), r.get(1, Long.class), r.get(2, Long.class),
                        r.get(3, Long.class)));
    }
}
