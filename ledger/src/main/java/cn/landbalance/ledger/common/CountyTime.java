package cn.landbalance.ledger.common;

/**
 * The county's time zone: days, months and years (a plan's year, a declaration window, a statement's period, a
 * report's month) are the county's. One setting ({@code landbalance.time-zone}); Beijing time unless a deployment says
 * otherwise. Code takes the zone from the injected {@code java.time.Clock}, never from the machine.
 */
public final class CountyTime {
    public static final String DEFAULT_ZONE = "Asia/Shanghai";

    private CountyTime() {
    }
}
