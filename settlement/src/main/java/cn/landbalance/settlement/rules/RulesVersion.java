package cn.landbalance.settlement.rules;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One version of a county's rules: it governs plan years from {@code fromYear} on, until a version for a later year
 * takes over; a newer version for the same year replaces it from then on. Versions are never edited, so a decision
 * records the version it was taken under and a later change never rewrites it.
 */
public record RulesVersion(long id, long countyId, int fromYear, CountyRules rules, Instant createdAt) {
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;

    /**
     * The version governing {@code year} among a county's versions: the newest of those for the latest year not after
     * it; a year before every version is governed by the first year's newest version. Empty when there are none.
     */
    public static Optional<RulesVersion> governing(List<RulesVersion> versions, int year) {
        Comparator<RulesVersion> order = Comparator.comparingInt(RulesVersion::fromYear).thenComparingLong(RulesVersion::id);
        Optional<RulesVersion> atOrBefore = versions.stream().filter(v -> v.fromYear() <= year).max(order);
        if (atOrBefore.isPresent()) {
            return atOrBefore;
        }
        int first = versions.stream().mapToInt(RulesVersion::fromYear).min().orElse(Integer.MAX_VALUE);
        return versions.stream().filter(v -> v.fromYear() == first).max(order);
    }
}
