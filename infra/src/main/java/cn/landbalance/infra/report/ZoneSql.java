package cn.landbalance.infra.report;

import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Report SQL counts days, months and years in the county's zone (the zone of the application's clock): each query
 * writes {@code {zone}} where PostgreSQL expects the zone's name, and this puts the quoted name there. The name is a
 * {@link java.time.ZoneId}'s id, checked against the characters such ids are made of, so nothing else can be inserted.
 */
public final class ZoneSql {
    private static final Pattern ZONE_ID = Pattern.compile("[A-Za-z0-9/_+\\-]{1,64}");
    private final String literal;

    public ZoneSql(Clock clock) {
        String id = clock.getZone().getId();
        if (!ZONE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a time zone id: " + id);
        }
        this.literal = "'" + id + "'";
    }

    public String in(String sql) {
        return sql.replace("{zone}", literal);
    }
}
