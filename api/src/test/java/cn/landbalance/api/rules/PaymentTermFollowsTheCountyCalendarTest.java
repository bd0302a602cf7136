package cn.landbalance.api.rules;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The county enters its holidays: a payment notice issued afterwards counts its ten working days around them, one
 * issued before keeps its due date; only the county admin changes the calendar, and a bad entry is refused naming it.
 */
@MicronautTest(transactional = false)
class PaymentTermFollowsTheCountyCalendarTest extends ApiTest {
    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void holidaysLengthenTheTermOfNoticesIssuedAfterThemAndOnlyThose() {
        String admin = login("county_admin");
        long county = countyId();
        LocalDate today = LocalDate.now(COUNTY_ZONE);
        long township = api().get("/api/me", login("officer_shouyang")).number("regionId");
        Finance finance = new Finance(api(), this::login);
        String enterprise = login("enterprise_coop");

        Response before = finance.feeNotice(declaredOutflow(township, 1000), 1000, enterprise);
        assertEquals(201, before.status(), before.body());
        assertEquals(weekdaysAfter(today, 10, Set.of()), LocalDate.parse(before.string("dueOn")), "weekends only");

        // the next five weekdays are a holiday (entered year by year, as the arrangement is published)
        List<LocalDate> off = new ArrayList<>();
        for (LocalDate d = today.plusDays(1); off.size() < 5; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                off.add(d);
            }
        }
        Map<Integer, List<LocalDate>> byYear = off.stream().collect(Collectors.groupingBy(LocalDate::getYear, TreeMap::new,
                Collectors.toList()));
        byYear.forEach((year, days) -> {
            Json[] entries = days.stream().map(d -> Json.object("from", d, "kind", "HOLIDAY", "name", "测试假日"))
                    .toArray(Json[]::new);
            Response put = api().put("/api/counties/" + county + "/calendar/" + year, admin, entries(entries));
            assertEquals(200, put.status(), put.body());
            assertEquals(days.size(), put.number("holidays"));
        });
        LocalDate expected = weekdaysAfter(today, 10, Set.copyOf(off));
        JsonNode calendar = api().get("/api/counties/" + county + "/calendar/" + today.getYear(), enterprise).json();
        assertEquals(expected.toString(), calendar.get("dueOnIfIssuedToday").asText(), "every party may read it");

        Response after = finance.feeNotice(declaredOutflow(township, 1000), 1000, enterprise);
        assertEquals(201, after.status(), after.body());
        assertEquals(expected, LocalDate.parse(after.string("dueOn")));
        assertEquals(before.string("dueOn"), api().get("/api/payment-notices/" + before.number("id"), enterprise)
                .string("dueOn"), "a notice already issued keeps its date");

        // refusals change nothing
        String path = "/api/counties/" + county + "/calendar/" + today.getYear();
        String saved = api().get(path, admin).body();
        assertEquals(403, api().put(path, login("officer_shouyang"), entries()).status());
        assertEquals(403, api().put(path, login("county_viewer"), entries()).status());
        Response noKind = api().put(path, admin, entries(Json.object("from", today, "name", "x")));
        assertEquals(400, noKind.status(), noKind.body());
        assertEquals("entries[0].kind", noKind.string("field"));
        Response otherYear = api().put(path, admin, entries(Json.object("from", today.plusYears(1), "kind", "HOLIDAY",
                "name", "x")));
        assertEquals(400, otherYear.status(), otherYear.body());
        assertEquals("entries[0].from", otherYear.string("field"));
        Response badKind = api().put(path, admin, entries(Json.object("from", today, "kind", "NAP", "name", "x")));
        assertEquals(400, badKind.status(), badKind.body());
        assertEquals(saved, api().get(path, admin).body());

        // cleared: weekends only again
        byYear.keySet().forEach(year -> assertEquals(200, api().put("/api/counties/" + county + "/calendar/" + year, admin,
                entries()).status()));
        assertEquals(weekdaysAfter(today, 10, Set.of()).toString(),
                api().get(path, admin).string("dueOnIfIssuedToday"));
    }

    /** Counted by hand: the {@code n}th day after {@code from} that is neither a weekend nor in {@code off}. */
    private static LocalDate weekdaysAfter(LocalDate from, int n, Set<LocalDate> off) {
        LocalDate d = from;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !off.contains(d)) {
                left--;
            }
        }
        return d;
    }

    /** A year of the county's calendar: its entries (holidays, working weekends). */
    private static Json entries(Json... entries) {
        return Json.object("entries", Json.array((Object[]) entries));
    }
}
