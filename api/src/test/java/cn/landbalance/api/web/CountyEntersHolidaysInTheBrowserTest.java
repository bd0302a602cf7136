package cn.landbalance.api.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The county admin enters a holiday on 县级规则 → 节假日安排 and sees at once the later due date of a payment notice
 * issued today; the server's calendar says the same. Then a rules version from 2023, and a pair of neighbouring
 * townships for the 调剂.
 */
@MicronautTest(transactional = false)
class CountyEntersHolidaysInTheBrowserTest extends BrowserTest {

    @Test
    void aHolidayPushesTodaysDueDate() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate start = today.plusDays(1);
        while (start.getDayOfWeek() == DayOfWeek.SATURDAY || start.getDayOfWeek() == DayOfWeek.SUNDAY) {
            start = start.plusDays(1);
        }
        LocalDate end = start.plusDays(4).getYear() == start.getYear() ? start.plusDays(4) : start.withDayOfYear(start.lengthOfYear());
        long county = countyId();
        String path = "/api/counties/" + county + "/calendar/" + start.getYear();
        String before = api().get(path, login("county_admin")).string("dueOnIfIssuedToday");

        signIn("county_admin");
        clickTestId("menu-rules");
        waitText(By.cssSelector("[data-testid=calendar-due]"), before);
        if (start.getYear() != today.getYear()) {
            type(By.cssSelector("[data-testid=calendar-year]"), String.valueOf(start.getYear()));
            find(By.cssSelector("[data-testid=calendar-year] input")).sendKeys(Keys.TAB);
        }
        clickTestId("calendar-add-holiday");
        typeDate("calendar-from-0", start);
        typeDate("calendar-to-0", end);
        type(By.cssSelector("[data-testid=calendar-name-0]"), "测试假期");
        clickTestId("calendar-save");
        wait.until(d -> !testId("calendar-due").getText().equals(before));
        String after = api().get(path, login("county_admin")).string("dueOnIfIssuedToday");
        assertEquals(after, testId("calendar-due").getText(), "the screen shows the server's due date");
        assertNotEquals(before, after, "the holiday lengthens the term");
        assertEquals(1, api().get(path, login("county_admin")).json().get("entries").size());
        screenshot("county-calendar");

        // the rules as a new version from 2023 on: listed under 规则版本, governing 2023, not the years before it
        type(By.cssSelector("[data-testid=rules-from-year]"), "2023");
        find(By.cssSelector("[data-testid=rules-from-year] input")).sendKeys(Keys.TAB);
        clickTestId("rules-save");
        waitText(By.cssSelector("[data-testid=rules-versions]"), "2023");
        String rules = "/api/counties/" + county + "/rules";
        assertEquals(2023, api().get(rules + "?year=2024", login("county_viewer")).number("fromYear"));
        assertEquals(2, api().get(rules + "/versions", login("county_viewer")).json().size());

        // 相邻乡镇: 文峰镇 borders 巩昌镇; saved as one pair, shown from both sides
        choose(By.cssSelector("[data-testid=neighbours-巩昌镇]"), "文峰镇");
        clickTestId("neighbours-save");
        wait.until(d -> api().get("/api/counties/" + county + "/neighbours", login("county_viewer")).json().get("pairs").size() == 1);
        waitText(By.cssSelector("[data-testid=neighbours-文峰镇]"), "巩昌镇");
        screenshot("county-neighbours");
    }

    private void typeDate(String testId, LocalDate date) {
        var input = find(By.cssSelector("[data-testid='" + testId + "'] input, input[data-testid='" + testId + "']"));
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(date.toString(), Keys.ENTER);
    }
}
