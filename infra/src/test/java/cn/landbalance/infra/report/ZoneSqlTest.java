package cn.landbalance.infra.report;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Report SQL counts in the zone of the application's clock, quoted; nothing but a zone id can get in. */
class ZoneSqlTest {
    @Test
    void theClocksZoneGoesWhereTheQueryNamesIt() {
        ZoneSql beijing = new ZoneSql(Clock.system(ZoneId.of("Asia/Shanghai")));
        assertEquals("extract(year from t at time zone 'Asia/Shanghai') = ? and 'Asia/Shanghai' is not null",
                beijing.in("extract(year from t at time zone {zone}) = ? and {zone} is not null"));
        assertEquals("at time zone 'Asia/Urumqi'", new ZoneSql(Clock.system(ZoneId.of("Asia/Urumqi"))).in("at time zone {zone}"));
        assertEquals("at time zone 'Z'", new ZoneSql(Clock.system(ZoneOffset.UTC)).in("at time zone {zone}"));
    }
}
