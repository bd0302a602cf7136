package cn.landbalance.api.rules;

import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Tenancy;
import cn.landbalance.settlement.rules.CalendarEntry;
import cn.landbalance.settlement.rules.CountyRulesStore;
import cn.landbalance.settlement.rules.WorkingCalendar;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The county's working calendar by year: the public holidays and the weekend days worked in their place, as the State
 * Council's arrangement gives them. Payment notices count their term in these working days.
 */
@Tag(name = "county rules")
@Controller("/api/counties/{countyId}/calendar/{year}")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class CountyCalendarController {
    private final CountyRulesStore store;
    private final Regions regions;
    private final Clock clock;

    public CountyCalendarController(CountyRulesStore store, Regions regions, Clock clock) {
        this.store = store;
        this.regions = regions;
        this.clock = clock;
    }

    @Serdeable
    public record Entry(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable CalendarEntry.Kind kind,
                        @Nullable @Size(max = 200) String name) {
    }

    @Serdeable
    public record CalendarBody(@NotNull @Size(max = WorkingCalendar.MAX_ENTRIES) List<@Valid @NotNull Entry> entries) {
    }

    /**
     * The year's entries; {@code holidays} and {@code makeUpWorkdays} count the days they change; {@code dueOnIfIssuedToday}:
     * the due date of a payment notice issued today by the county's rules and calendar.
     */
    @Serdeable
    public record CalendarView(long countyId, int year, List<Entry> entries, int holidays, int makeUpWorkdays,
                               int paymentTermWorkingDays, LocalDate dueOnIfIssuedToday) {
    }

    @Get
    @ReadOnly
    public CalendarView get(Actor actor, @PathVariable long countyId, @PathVariable @Min(2000) @Max(2100) int year) {
        requireCounty(actor, countyId);
        return view(countyId, year, store.calendar(countyId, year, year));
    }

    /** Replaces the year's entries (an empty list: weekends only). */
    @Put
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<CalendarView> put(Actor actor, @PathVariable long countyId,
                                          @PathVariable @Min(2000) @Max(2100) int year, @Valid @Body CalendarBody body) {
        requireCounty(actor, countyId);
        List<CalendarEntry> entries = new ArrayList<>();
        for (int i = 0; i < body.entries().size(); i++) {
            Entry e = body.entries().get(i);
            entries.add(CalendarEntry.of(year, e.from(), e.to(), e.kind(), e.name(), "entries[" + i + "]"));
        }
        List<CalendarEntry> checked = WorkingCalendar.checkedYear(entries);
        store.saveCalendar(countyId, year, checked, actor.userId());
        return HttpResponse.ok(view(countyId, year, checked));
    }

    private CalendarView view(long countyId, int year, List<CalendarEntry> entries) {
        WorkingCalendar calendar = new WorkingCalendar(entries);
        int holidays = 0;
        int workdays = 0;
        for (CalendarEntry e : entries) {
            for (LocalDate d = e.from(); !d.isAfter(e.to()); d = d.plusDays(1)) {
                boolean weekend = d.getDayOfWeek().getValue() >= 6;
                if (e.kind() == CalendarEntry.Kind.HOLIDAY && !weekend) {
                    holidays++;
                } else if (e.kind() == CalendarEntry.Kind.WORKDAY && calendar.isWorkingDay(d)) {
                    workdays++;
                }
            }
        }
        LocalDate today = LocalDate.now(clock);
        return new CalendarView(countyId, year, entries.stream().map(e -> new Entry(e.from(), e.to(), e.kind(), e.name())).toList(),
                holidays, workdays, store.paymentTermWorkingDays(countyId), store.paymentDueOn(countyId, today));
    }

    private void requireCounty(Actor actor, long countyId) {
        Tenancy.requireMemberOfCounty(actor, countyId);
        regions.requireCounty(countyId);
    }
}
