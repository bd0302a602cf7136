package cn.landbalance.infra.plan;

import cn.landbalance.infra.report.ZoneSql;
import cn.landbalance.settlement.plan.Inbox;
import cn.landbalance.settlement.plan.ReportingRounds;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Counts of what waits for a county, one query. */
@Singleton
public class JooqInbox implements Inbox {
    private final DSLContext db;
    private final ZoneSql zone;

    public JooqInbox(DSLContext db, Clock clock) {
        this.db = db;
        this.zone = new ZoneSql(clock);
    }

    @Override
    public Waiting waiting(long countyId) {
        Record r = db.fetchOne("""
                select (select count(*) from outflow_application where county_id = ? and status = 'DECLARED'),
                       (select count(*) from outflow_application where county_id = ? and status = 'TOWNSHIP_REVIEWED'),
                       (select count(*) from inflow_project where county_id = ? and status = 'SUBMITTED'),
                       (select count(*) from fund_expense where county_id = ? and status = 'PROPOSED')""",
                countyId, countyId, countyId, countyId);
        return new Waiting(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Long.class), r.get(3, Long.class));
    }

    @Override
    public TownshipWaiting waiting(long countyId, long townshipId) {
        Record r = db.fetchOne("""
                select (select count(*) from payment_notice where county_id = ? and township_id = ? and status = 'OPEN'),
                       (select count(*) from bank_line where township_id = ? and status = 'OPEN'),
                       (select count(*) from fund_expense where township_id = ? and status = 'APPROVED'),
                       (select count(*) from outflow_application where county_id = ? and township_id = ? and status = 'DECLARED'),
                       (select count(*) from inflow_project where county_id = ? and township_id = ? and status = 'DRAFT')""",
                countyId, townshipId, townshipId, townshipId, countyId, townshipId, countyId, townshipId);
        return new TownshipWaiting(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Long.class), r.get(3, Long.class),
                r.get(4, Long.class));
    }

    @Override
    public ApplicantWaiting waitingFor(long countyId, long orgId) {
        Record r = db.fetchOne("""
                select (select count(*) from payment_notice where payer_org_id = ? and county_id = ? and status = 'OPEN'),
                       (select count(*) from outflow_application where applicant_org_id = ? and county_id = ?
                          and status in ('DECLARED', 'TOWNSHIP_REVIEWED', 'APPROVED', 'IMPLEMENTED') and covered_m2 < required_m2),
                       (select count(*) from outflow_application where applicant_org_id = ? and county_id = ? and status = 'DRAFT')""",
                orgId, countyId, orgId, countyId, orgId, countyId);
        return new ApplicantWaiting(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Long.class));
    }

    @Override
    public List<ReportingRounds.Declared> declaredWaiting(long countyId, Long townshipId) {
        return db.fetch(zone.in("""
                        select a.id, a.township_id, (coalesce((select max(d.decided_at) from outflow_decision d
                          where d.application_id = a.id and d.action = 'DECLARE'), a.created_at) at time zone {zone})::date
                        from outflow_application a
                        where a.county_id = ? and a.status = 'DECLARED' and (?::bigint is null or a.township_id = ?::bigint)
                        order by a.id"""), countyId, townshipId, townshipId)
                .map(r -> new ReportingRounds.Declared(r.get(0, Long.class), r.get(1, Long.class), r.get(2, LocalDate.class)));
    }

    @Override
    public java.util.List<Integer> yearsInPlay(long countyId, int limit) {
        return db.fetch("""
                        select y from (select plan_year as y from outflow_application where county_id = ?
                                       union select plan_year from inflow_project where county_id = ?
                                       union select plan_year from annual_plan where county_id = ?) years
                        order by y desc limit ?""", countyId, countyId, countyId, limit)
                .map(r -> r.get(0, Integer.class));
    }
}
