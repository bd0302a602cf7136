package cn.landbalance.infra.report;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

/** Whether a county has done anything yet, for its dashboard (an empty county is told where to start). */
@Singleton
@ReadOnly(transactionManager = ReportsDatabase.NAME)
public class JooqCountyActivity {
    private final DSLContext db;

    public JooqCountyActivity(@Named(ReportsDatabase.NAME) DSLContext db) {
        this.db = db;
    }

    /** Whether anything was recorded yet: an inflow project, an indicator lot or an outflow application. */
    public boolean hasBusiness(long countyId) {
        return db.fetchValue("""
                select exists (select 1 from indicator_lot where county_id = ?)
                    or exists (select 1 from inflow_project where county_id = ?)
                    or exists (select 1 from outflow_application where county_id = ?)""", countyId, countyId, countyId)
                instanceof Boolean b && b;
    }
}
