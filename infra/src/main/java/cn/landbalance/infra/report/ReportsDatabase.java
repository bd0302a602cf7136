package cn.landbalance.infra.report;

/**
 * The datasource reports read from ({@code datasources.reports}): a streaming replica of the primary in production
 * ({@code REPORTS_DATABASE_URL}), otherwise the primary itself. Report read models inject its jOOQ context by this
 * name and run in read-only transactions of its own transaction manager, so a report never writes and never holds a
 * connection of the primary's pool.
 */
public final class ReportsDatabase {
    public static final String NAME = "reports";

    private ReportsDatabase() {
    }
}
