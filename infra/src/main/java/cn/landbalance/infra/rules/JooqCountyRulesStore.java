package cn.landbalance.infra.rules;

import cn.landbalance.infra.audit.AuditTrail;
import cn.landbalance.infra.jooq.tables.records.CountyRulesRecord;
import cn.landbalance.settlement.rules.CalendarEntry;
import cn.landbalance.settlement.rules.CountyRules;
import cn.landbalance.settlement.rules.FeeOnReversal;
import cn.landbalance.settlement.rules.CountyRulesStore;
import cn.landbalance.settlement.rules.DeclarationWindow;
import cn.landbalance.settlement.rules.QualityRule;
import cn.landbalance.settlement.rules.Sequencing;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static cn.landbalance.infra.jooq.Tables.COUNTY_DECLARATION_WINDOW;
import static cn.landbalance.infra.jooq.Tables.COUNTY_RULES;
import static cn.landbalance.infra.jooq.Tables.COUNTY_CALENDAR_ENTRY;

@Singleton
public class JooqCountyRulesStore implements CountyRulesStore {
    private final DSLContext db;
    private final AuditTrail audit;

    public JooqCountyRulesStore(DSLContext db, AuditTrail audit) {
        this.audit = audit;
        this.db = db;
    }

    @Override
    public int paymentTermWorkingDays(long countyId) {
        Integer days = db.select(COUNTY_RULES.PAYMENT_TERM_WORKING_DAYS).from(COUNTY_RULES)
                .where(COUNTY_RULES.COUNTY_ID.eq(countyId)).fetchOne(COUNTY_RULES.PAYMENT_TERM_WORKING_DAYS);
        return days != null ? days : CountyRules.defaults().paymentTermWorkingDays();
    }

    @Override
    public Optional<CountyRules> find(long countyId) {
        CountyRulesRecord row = db.selectFrom(COUNTY_RULES).where(COUNTY_RULES.COUNTY_ID.eq(countyId)).fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        List<DeclarationWindow> windows = db.selectFrom(COUNTY_DECLARATION_WINDOW)
                .where(COUNTY_DECLARATION_WINDOW.COUNTY_ID.eq(countyId))
                .orderBy(COUNTY_DECLARATION_WINDOW.POSITION)
                .fetch(w -> DeclarationWindow.parse(w.getFromMmdd(), w.getToMmdd(), "declarationWindows"));
        return Optional.of(new CountyRules(row.getFeePerMuFen(), row.getGuidePricePerMuFen(),
                row.getSurplusFactorPermille(), Sequencing.valueOf(row.getSequencing()),
                QualityRule.valueOf(row.getQualityRule()), row.getPaymentTermWorkingDays(), windows,
                FeeOnReversal.valueOf(row.getFeeOnReversal())));
    }

    @Override
    public void save(long countyId, CountyRules rules) {
        db.insertInto(COUNTY_RULES)
                .set(COUNTY_RULES.COUNTY_ID, countyId)
                .set(COUNTY_RULES.FEE_PER_MU_FEN, rules.feePerMuFen())
                .set(COUNTY_RULES.GUIDE_PRICE_PER_MU_FEN, rules.guidePricePerMuFen())
                .set(COUNTY_RULES.SURPLUS_FACTOR_PERMILLE, rules.surplusFactorPermille())
                .set(COUNTY_RULES.SEQUENCING, rules.sequencing().name())
                .set(COUNTY_RULES.QUALITY_RULE, rules.qualityRule().name())
                .set(COUNTY_RULES.PAYMENT_TERM_WORKING_DAYS, rules.paymentTermWorkingDays())
                .set(COUNTY_RULES.FEE_ON_REVERSAL, rules.feeOnReversal().name())
                .set(COUNTY_RULES.UPDATED_AT, OffsetDateTime.now())
                .onConflict(COUNTY_RULES.COUNTY_ID).doUpdate()
                .set(COUNTY_RULES.FEE_PER_MU_FEN, rules.feePerMuFen())
                .set(COUNTY_RULES.GUIDE_PRICE_PER_MU_FEN, rules.guidePricePerMuFen())
                .set(COUNTY_RULES.SURPLUS_FACTOR_PERMILLE, rules.surplusFactorPermille())
                .set(COUNTY_RULES.SEQUENCING, rules.sequencing().name())
                .set(COUNTY_RULES.QUALITY_RULE, rules.qualityRule().name())
                .set(COUNTY_RULES.PAYMENT_TERM_WORKING_DAYS, rules.paymentTermWorkingDays())
                .set(COUNTY_RULES.FEE_ON_REVERSAL, rules.feeOnReversal().name())
                .set(COUNTY_RULES.UPDATED_AT, OffsetDateTime.now())
                .execute();
        audit.record("county_rules.saved", "county", countyId, countyId, "feePerMuFen", rules.feePerMuFen(),
                "guidePricePerMuFen", rules.guidePricePerMuFen(), "surplusFactorPermille", rules.surplusFactorPermille(),
                "sequencing", rules.sequencing().name(), "qualityRule", rules.qualityRule().name(),
                "paymentTermWorkingDays", rules.paymentTermWorkingDays(), "feeOnReversal", rules.feeOnReversal().name(),
                "declarationWindows",
                rules.declarationWindows().stream().map(w -> w.fromText() + "~" + w.toText()).toList());
        db.deleteFrom(COUNTY_DECLARATION_WINDOW).where(COUNTY_DECLARATION_WINDOW.COUNTY_ID.eq(countyId)).execute();
        int position = 0;
        for (DeclarationWindow window : rules.declarationWindows()) {
            db.insertInto(COUNTY_DECLARATION_WINDOW)
                    .set(COUNTY_DECLARATION_WINDOW.COUNTY_ID, countyId)
                    .set(COUNTY_DECLARATION_WINDOW.POSITION, position++)
                    .set(COUNTY_DECLARATION_WINDOW.FROM_MMDD, window.fromText())
                    .set(COUNTY_DECLARATION_WINDOW.TO_MMDD, window.toText())
                    .execute();
        }
    }

    @Override
    public List<CalendarEntry> calendar(long countyId, int fromYear, int toYear) {
        return db.selectFrom(COUNTY_CALENDAR_ENTRY)
                .where(COUNTY_CALENDAR_ENTRY.COUNTY_ID.eq(countyId)
                        .and(COUNTY_CALENDAR_ENTRY.YEAR.between((short) fromYear, (short) toYear)))
                .orderBy(COUNTY_CALENDAR_ENTRY.FROM_DATE)
                .fetch(r -> new CalendarEntry(r.getFromDate(), r.getToDate(), CalendarEntry.Kind.valueOf(r.getKind()), r.getName()));
    }

    /** Replaces the year's entries; two saves of one county take turns (a transaction-scoped advisory lock). */
    @Override
    public void saveCalendar(long countyId, int year, List<CalendarEntry> entries, long userId) {
        db.execute("select pg_advisory_xact_lock(?, ?)", 7_301, (int) countyId);
        db.deleteFrom(COUNTY_CALENDAR_ENTRY).where(COUNTY_CALENDAR_ENTRY.COUNTY_ID.eq(countyId)
                .and(COUNTY_CALENDAR_ENTRY.YEAR.eq((short) year))).execute();
        OffsetDateTime now = OffsetDateTime.now();
        for (CalendarEntry e : entries) {
            db.insertInto(COUNTY_CALENDAR_ENTRY)
                    .set(COUNTY_CALENDAR_ENTRY.COUNTY_ID, countyId)
                    .set(COUNTY_CALENDAR_ENTRY.YEAR, (short) year)
                    .set(COUNTY_CALENDAR_ENTRY.FROM_DATE, e.from())
                    .set(COUNTY_CALENDAR_ENTRY.TO_DATE, e.to())
                    .set(COUNTY_CALENDAR_ENTRY.KIND, e.kind().name())
                    .set(COUNTY_CALENDAR_ENTRY.NAME, e.name())
                    .set(COUNTY_CALENDAR_ENTRY.UPDATED_BY, userId)
                    .set(COUNTY_CALENDAR_ENTRY.UPDATED_AT, now)
                    .execute();
        }
        audit.record("county_calendar.saved", "county", countyId, countyId, "year", year, "entries",
                entries.stream().map(e -> e.kind() + " " + e.from() + "~" + e.to() + " " + e.name()).toList());
    }
}
