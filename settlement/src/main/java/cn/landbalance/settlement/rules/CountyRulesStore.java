package cn.landbalance.settlement.rules;

import java.util.Optional;

/** Port: the stored rules of each county. A county without stored rules uses {@link CountyRules#defaults()}. */
public interface CountyRulesStore {
    Optional<CountyRules> find(long countyId);

    /** How many working days the county's payment notices run: one value, read on every notice issued. */
    default int paymentTermWorkingDays(long countyId) {
        return find(countyId).orElse(CountyRules.defaults()).paymentTermWorkingDays();
    }

    void save(long countyId, CountyRules rules);

    /** The county's holiday arrangement for the years {@code fromYear} to {@code toYear}, in date order. */
    java.util.List<CalendarEntry> calendar(long countyId, int fromYear, int toYear);

    /** Replaces the county's holiday arrangement of {@code year} (entries checked by the caller) and records who did it. */
    void saveCalendar(long countyId, int year, java.util.List<CalendarEntry> entries, long userId);

    /**
     * The due date of a payment notice of the county issued on {@code issuedOn}: its payment term in working days of its
     * calendar (the year of issue and the next, which any term of at most 60 working days ends within).
     */
    default java.time.LocalDate paymentDueOn(long countyId, java.time.LocalDate issuedOn) {
        return cn.landbalance.settlement.payment.PaymentTerm.dueOn(issuedOn, paymentTermWorkingDays(countyId),
                new WorkingCalendar(calendar(countyId, issuedOn.getYear(), issuedOn.getYear() + 1)));
    }
}
