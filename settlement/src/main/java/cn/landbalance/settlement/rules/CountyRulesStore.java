package cn.landbalance.settlement.rules;

import java.util.List;
import java.util.Optional;

/**
 * Port: the versions of each county's rules (see {@link RulesVersion}). A county without any uses
 * {@link CountyRules#defaults()}.
 */
public interface CountyRulesStore {
    /** The county's versions, oldest first. */
    List<RulesVersion> versions(long countyId);

    Optional<RulesVersion> version(long versionId);

    /** Adds a version governing plan years from {@code fromYear} on (a new row; earlier versions stay as they were). */
    RulesVersion save(long countyId, int fromYear, CountyRules rules, Long userId);

    /** The current calendar year in the county's time. */
    int currentYear();

    /** The version governing plan year {@code year}, if the county has any. */
    default Optional<RulesVersion> governing(long countyId, int year) {
        return RulesVersion.governing(versions(countyId), year);
    }

    /** The rules governing plan year {@code year}. */
    default CountyRules forYear(long countyId, int year) {
        return governing(countyId, year).map(RulesVersion::rules).orElse(CountyRules.defaults());
    }

    /** The rules governing the current year: the market's guide price, payment terms, declaration windows. */
    default Optional<CountyRules> find(long countyId) {
        return governing(countyId, currentYear()).map(RulesVersion::rules);
    }

    /** Adds a version for the current year on. */
    default void save(long countyId, CountyRules rules) {
        save(countyId, currentYear(), rules, null);
    }

    /** How many working days the county's payment notices run: one value, read on every notice issued. */
    default int paymentTermWorkingDays(long countyId) {
        return find(countyId).orElse(CountyRules.defaults()).paymentTermWorkingDays();
    }

    /** The county's holiday arrangement for the years {@code fromYear} to {@code toYear}, in date order. */
    List<CalendarEntry> calendar(long countyId, int fromYear, int toYear);

    /** Replaces the county's holiday arrangement of {@code year} (entries checked by the caller) and records who did it. */
    void saveCalendar(long countyId, int year, List<CalendarEntry> entries, long userId);

    /**
     * The due date of a payment notice of the county issued on {@code issuedOn}: its payment term in working days of its
     * calendar (the year of issue and the next, which any term of at most 60 working days ends within).
     */
    default java.time.LocalDate paymentDueOn(long countyId, java.time.LocalDate issuedOn) {
        return cn.landbalance.settlement.payment.PaymentTerm.dueOn(issuedOn, paymentTermWorkingDays(countyId),
                new WorkingCalendar(calendar(countyId, issuedOn.getYear(), issuedOn.getYear() + 1)));
    }
}
