package cn.landbalance.infra.violation;

import cn.landbalance.infra.report.ReportsDatabase;
import cn.landbalance.infra.report.ZoneSql;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Clock;
import java.util.List;

/**
 * The county's freeze/deduction report for a year, from the ledger movements of the cases' holds: per
 * township (cases opened, frozen, unfrozen, deducted in the year; owed now) and per month.
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

    public List<TownshipRow> townships(long countyId, int year) {
        return db.fetch(zone.in("""
                with moves as (
                  select c.township_id,
                    sum(case when m.kind = 'FREEZE' then m.area_m2 else 0 end) as frozen,
                    sum(case when m.kind = 'UNFREEZE' then m.area_m2 else 0 end) as unfrozen,
                    sum(case when m.kind = 'DEDUCT' then m.area_m2 else 0 end) as deducted
                  from violation_case c join violation_freeze f on f.case_id = c.id
                  join indicator_movement m on m.hold_id = f.hold_id
                  where c.county_id = ? and extract(year from m.created_at at time zone {zone}) = ?
                  group by c.township_id),
                cases as (
                  select township_id, count(*) as cases from violation_case
                  where county_id = ? and extract(year from created_at at time zone {zone}) = ? group by township_id),
                owed as (
                  select c.township_id, sum((select coalesce(sum(case when f.borrowed then f.area_m2 - f.unfrozen_m2 else 0 end), 0)
                                             from violation_freeze f where f.case_id = c.id) - c.repaid_m2) as owed
                  from violation_case c where c.county_id = ? group by c.township_id)
                select r.id, r.name, coalesce(cases.cases, 0), coalesce(moves.frozen, 0), coalesce(moves.unfrozen, 0),
                       coalesce(moves.deducted, 0), coalesce(owed.owed, 0)
                from region r left join moves on moves.township_id = r.id left join cases on cases.township_id = r.id
                left join owed on owed.township_id = r.id
                where r.parent_id = ? and r.level = 'TOWNSHIP' order by r.code"""),
                countyId, year, countyId, year, countyId, countyId)
                .map(r -> new TownshipRow(r.get(0, Long.class), r.get(1, String.class), r.get(2, Long.class),
                        r.get(3, Long.class), r.get(4, Long.class), r.get(5, Long.class), r.get(6, Long.class)));
    }

    public List<MonthRow> byMonth(long countyId, int year) {
        return db.fetch(zone.in("""
                select extract(month from m.created_at at time zone {zone})::int as month,
                  sum(case when m.kind = 'FREEZE' then m.area_m2 else 0 end),
                  sum(case when m.kind = 'UNFREEZE' then m.area_m2 else 0 end),
                  sum(case when m.kind = 'DEDUCT' then m.area_m2 else 0 end)
                from violation_case c join violation_freeze f on f.case_id = c.id
                join indicator_movement m on m.hold_id = f.hold_id
                where c.county_id = ? and extract(year from m.created_at at time zone {zone}) = ?
                group by 1 order by 1"""), countyId, year)
                .map((Record r) -> new MonthRow(r.get(0, Integer.class), r.get(1, Long.class), r.get(2, Long.class),
                        r.get(3, Long.class)));
    }
}
