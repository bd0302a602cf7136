package cn.landbalance.api.indicator;

import cn.landbalance.api.support.ApiTest;
import cn.landbalance.ledger.common.CountyTime;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The application's one clock counts days in the county's zone, not the machine's: in a UTC container, 07:30 Beijing
 * time on 2 December is still 1 December on the machine's clock, but the county's day is the 2nd. The zone is a setting.
 */
@MicronautTest(transactional = false)
class CountyClockTest extends ApiTest {
    @Value("${landbalance.time-zone:" + CountyTime.DEFAULT_ZONE + "}")
    String configured;

    @Test
    void theClockIsInBeijingTimeByDefaultAndTheSettingChangesIt() {
        System.out.println("[clock] the machine's zone: " + ZoneId.systemDefault());
        assertEquals("Asia/Shanghai", configured);
        Clock county = new LedgerFactory().clock(configured);
        assertEquals(ZoneId.of("Asia/Shanghai"), county.getZone());
        assertEquals(ZoneId.of("Asia/Urumqi"), new LedgerFactory().clock("Asia/Urumqi").getZone());

        var morning = ZonedDateTime.of(2026, 12, 2, 7, 30, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant();
        assertEquals(LocalDate.of(2026, 12, 1), LocalDate.ofInstant(morning, ZoneId.of("UTC")), "the machine's day");
        assertEquals(LocalDate.of(2026, 12, 2), LocalDate.now(Clock.fixed(morning, county.getZone())), "the county's day");
        assertEquals(county.getZone(), server.getApplicationContext().getBean(Clock.class).getZone(),
                "the application's clock (the tests' movable one here) is in the county's zone");
    }
}
