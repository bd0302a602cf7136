package cn.landbalance.infra.report;

import cn.landbalance.ledger.common.AsOf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.Clock;
import java.util.List;

/** The county's fund report (per township fund over a year) and market report (settled sales per month). */
@Singleton
@ReadOnly(transactionManager = ReportsDatabase.NAME)
public class JooqFundAndMarketReport {
    /**
     * A township fund's year: opening, receipts by source (fees, sales, fees moved in, other receipts booked from the
     * bank statement), payments by purpose (fees moved out, expenses, refunds to payers, repayments to a reserve),
     * closing (carried over). opening + receipts − payments = closing.
     */
    public record FundRow(long townshipId, String name, long openingFen, long feesFen, long salesFen, long reassignedInFen,
                          long otherReceiptsFen, long reassignedOutFen, long expensesFen, long refundsFen, long repaidFen,
                          long closingFen) {
        public long receivedFen() {
            return feesFen + salesFen + reassignedInFen + otherReceiptsFen;
        }

        public long paidOutFen() {
            return reassignedOutFen + expensesFen + refundsFen + repaidFen;
        }
    }

    /** Settled market sales of one month: orders, area, amount and the area-weighted average price per 亩. */
    public record MarketMonth(int month, long orders, long areaM2, long amountFen,
                              @Nullable Long averagePricePerMuFen) {
    }

    private final DSLContext db;

    private final ZoneSql zone;

    public JooqFundAndMarketReport(@Named(ReportsDatabase.NAME) DSLContext db, Clock clock) {
        this.db = db;
        this.zone = new ZoneSql(clock);
    }

    /** The funds' year as the transfers recorded before the moment have it. */
    public List<FundRow> funds(long countyId, int year, AsOf asOf) {
        return db.fetch(zone.in("""
                with moment as (select ?::timestamptz as t),
                t as (
                  select a.owner_region_id as township_id, x.amount_fen, x.kind,
                         case when x.credit_account_id = a.id then 1 else -1 end as sign,
                         extract(year from x.created_at at time zone {zone}) as y
                  from fund_account a join money_transfer x on x.credit_account_id = a.id or x.debit_account_id = a.id, moment
                  where a.kind = 'TOWNSHIP_FUND' and a.county_id = ? and x.created_at < moment.t)
                select r.id, r.name,
                  coalesce(sum(case when t.y < ? then t.sign * t.amount_fen end), 0) as opening,
                  coalesce(sum(case when t.y = ? and t.sign = 1 and t.kind = 'FEE' then t.amount_fen end), 0) as fees,
                  coalesce(sum(case when t.y = ? and t.sign = 1 and t.kind = 'SALE' then t.amount_fen end), 0) as sales,
                  coalesce(sum(case when t.y = ? and t.sign = 1 and t.kind = 'FEE_REASSIGNMENT' then t.amount_fen end), 0) as moved_in,
                  coalesce(sum(case when t.y = ? and t.sign = 1 and t.kind not in ('FEE', 'SALE', 'FEE_REASSIGNMENT') then t.amount_fen end), 0) as other_in,
                  coalesce(sum(case when t.y = ? and t.sign = -1 and t.kind = 'FEE_REASSIGNMENT' then t.amount_fen end), 0) as moved_out,
                  coalesce(sum(case when t.y = ? and t.sign = -1 and t.kind = 'EXPENSE' then t.amount_fen end), 0) as expenses,
                  coalesce(sum(case when t.y = ? and t.sign = -1 and t.kind = 'REFUND' then t.amount_fen end), 0) as refunds,
                  coalesce(sum(case when t.y = ? and t.sign = -1 and t.kind not in ('FEE_REASSIGNMENT', 'EXPENSE', 'REFUND') then t.amount_fen end), 0) as repaid,
                  coalesce(sum(case when t.y <= ? then t.sign * t.amount_fen end), 0) as closing
                from region r left join t on t.township_id = r.id
                where r.parent_id = ? and r.level = 'TOWNSHIP'
                group by r.id, r.name, r.code order by r.code"""),
                asOf.sql(), countyId, year, year, year, year, year, year, year, year, year, year, countyId)
                .map(r -> new FundRow(r.get(0, Long.class), r.get(1, String.class), r.get(2, Long.class), r.get(3, Long.class),
                        r.get(4, Long.class), r.get(5, Long.class), r.get(6, Long.class), r.get(7, Long.class),
                        r.get(8, Long.class), r.get(9, Long.class), r.get(10, Long.class), r.get(11, Long.class)));
    }

    /** Sales settled before the moment (a settled order stays settled). */
    public List<MarketMonth> market(long countyId, int year, AsOf asOf) {
        return db.fetch(zone.in("""
                select extract(month from o.settled_at at time zone {zone})::int as month,
                       count(distinct o.id), sum(a.area_m2), sum(a.amount_fen)
                from market_order o join order_allocation a on a.order_id = o.id
                where o.county_id = ? and o.status = 'SETTLED'
                  and o.settled_at >= make_timestamptz(?, 1, 1, 0, 0, 0, {zone})
                  and o.settled_at < make_timestamptz(? + 1, 1, 1, 0, 0, 0, {zone})
                  and o.settled_at < ?::timestamptz
                group by 1 order by 1"""), countyId, year, year, asOf.sql())
                .map(r -> {
                    long area = r.get(2, Long.class);
                    long amount = r.get(3, Long.class);
                    Long average = area == 0 ? null
                            : java.math.BigDecimal.valueOf(amount).multiply(java.math.BigDecimal.valueOf(10_000))
                            .divide(java.math.BigDecimal.valueOf(area * 15), 0, java.math.RoundingMode.HALF_UP).longValueExact();
                    return new MarketMonth(r.get(0, Integer.class), r.get(1, Long.class), area, amount, average);
                });
    }
}
