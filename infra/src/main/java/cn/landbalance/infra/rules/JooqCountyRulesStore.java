package cn.landbalance.infra.rules;

import cn.landbalance.infra.audit.AuditTrail;
import cn.landbalance.infra.jooq.tables.records.CountyRulesVersionRecord;
import cn.landbalance.settlement.rules.CalendarEntry;
import cn.landbalance.settlement.rules.CountyRules;
import cn.landbalance.settlement.rules.CountyRulesStore;
import cn.landbalance.settlement.rules.DeclarationWindow;
import cn.landbalance.settlement.rules.RulesVersion;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static cn.landbalance.infra.jooq.Tables.COUNTY_RULES_VERSION;
import static cn.landbalance.infra.jooq.Tables.COUNTY_CALENDAR_ENTRY;

@Singleton
public class JooqCountyRulesStore implements CountyRulesStore {
    private final DSLContext db;
    private final AuditTrail audit;
    private final java.time.Clock clock;

    public JooqCountyRulesStore(DSLContext db, AuditTrail audit, java.time.Clock clock) {
        this.audit = audit;
        this.db = db;
        this.clock = clock;
    }

    @Override
    public List<RulesVersion> versions(long countyId) {
        return db.selectFrom(COUNTY_RULES_VERSION).where(COUNTY_RULES_VERSION.COUNTY_ID.eq(countyId))
                .orderBy(COUNTY_RULES_VERSION.FROM_YEAR, COUNTY_RULES_VERSION.ID).fetch(JooqCountyRulesStore::version);
    }

    @Override
    public Optional<RulesVersion> version(long versionId) {
        return db.selectFrom(COUNTY_RULES_VERSION).where(COUNTY_RULES_VERSION.ID.eq(versionId)).fetchOptional()
                .map(JooqCountyRulesStore::version);
    }

    @Override
    public int currentYear() {
        return java.time.LocalDate.now(clock).getYear();
    }

    @Override
    public RulesVersion save(long countyId, int fromYear, CountyRules rules, Long userId) {
        long id = db.insertInto(COUNTY_RULES_VERSION)
                .set(COUNTY_RULES_VERSION.COUNTY_ID, countyId)
                .set(COUNTY_RULES_VERSION.FROM_YEAR, (short) fromYear)
                .set(COUNTY_RULES_VERSION.FEE_PER_MU_FEN, rules.feePerMuFen())
                .set(COUNTY_RULES_VERSION.GUIDE_PRICE_PER_MU_FEN, rules.guidePricePerMuFen())
                .set(COUNTY_RULES_VERSION.SURPLUS_FACTOR_PERMILLE, rules.surplusFactorPermille())
                .set(COUNTY_RULES_VERSION.SEQUENCING, rules.sequencing())
                .set(COUNTY_RULES_VERSION.QUALITY_RULE, rules.qualityRule())
                .set(COUNTY_RULES_VERSION.PAYMENT_TERM_WORKING_DAYS, rules.paymentTermWorkingDays())
                .set(COUNTY_RULES_VERSION.FEE_ON_REVERSAL, rules.feeOnReversal())
                .set(COUNTY_RULES_VERSION.DECLARATION_WINDOWS, windows(rules.declarationWindows()))
                .set(COUNTY_RULES_VERSION.CREATED_BY, userId)
                .set(COUNTY_RULES_VERSION.CREATED_AT, OffsetDateTime.now())
                .returning(COUNTY_RULES_VERSION.ID).fetchOne().getId();
        audit.record("county_rules.saved", "county", countyId, countyId, "versionId", id, "fromYear", fromYear,
                "feePerMuFen", rules.feePerMuFen(), "guidePricePerMuFen", rules.guidePricePerMuFen(),
                "surplusFactorPermille", rules.surplusFactorPermille(), "sequencing", rules.sequencing().name(),
                "qualityRule", rules.qualityRule().name(), "paymentTermWorkingDays", rules.paymentTermWorkingDays(),
                "feeOnReversal", rules.feeOnReversal().name(), "declarationWindows", windows(rules.declarationWindows()));
        return version(id).orElseThrow();
    }

    private static String windows(List<DeclarationWindow> windows) {
        return String.join(";", windows.stream().map(w -> w.fromText() + "~" + w.toText()).toList());
    }

    private static RulesVersion version(CountyRulesVersionRecord r) {
        List<DeclarationWindow> windows = new java.util.ArrayList<>();
        for (String w : r.getDeclarationWindows().split(";")) {
            String[] ends = w.split("~");
            windows.add(DeclarationWindow.parse(ends[0], ends[1], "declarationWindows"));
        }
        return new RulesVersion(r.getId(), r.getCountyId(), r.getFromYear(), new CountyRules(r.getFeePerMuFen(),
                r.getGuidePricePerMuFen(), r.getSurplusFactorPermille(), r.getSequencing(),
                r.getQualityRule(), r.getPaymentTermWorkingDays(), windows,
                r.getFeeOnReversal()), r.getCreatedAt().toInstant());
    }

    @Override
    public List<CalendarEntry> calendar(long countyId, int fromYear, int toYear) {
        return db.selectFrom(COUNTY_CALENDAR_ENTRY)
                .where(COUNTY_CALENDAR_ENTRY.COUNTY_ID.eq(countyId)
                        .and(COUNTY_CALENDAR_ENTRY.YEAR.between((short) fromYear, (short) toYear)))
                .orderBy(COUNTY_CALENDAR_ENTRY.FROM_DATE)
                .fetch(r -> new CalendarEntry(r.getFromDate(), r.getToDate(), r.getKind(), r.getName()));
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
                    .set(COUNTY_CALENDAR_ENTRY.KIND, e.kind())
                    .set(COUNTY_CALENDAR_ENTRY.NAME, e.name())
                    .set(COUNTY_CALENDAR_ENTRY.UPDATED_BY, userId)
                    .set(COUNTY_CALENDAR_ENTRY.UPDATED_AT, now)
                    .execute();
        }
        audit.record("county_calendar.saved", "county", countyId, countyId, "year", year, "entries",
                entries.stream().map(e -> e.kind() + " " + e.from() + "~" + e.to() + " " + e.name()).toList());
    }
}
