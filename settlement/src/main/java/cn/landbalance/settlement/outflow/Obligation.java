package cn.landbalance.settlement.outflow;

import java.util.List;

/** What an application must cover, what is covered and how, and what remains. */
public record Obligation(long requiredM2, long coveredM2, long remainingM2, List<Coverage> coverages) {
    public static Obligation of(long requiredM2, List<Coverage> coverages) {
        long covered = coverages.stream().mapToLong(Coverage::areaM2).sum();
        return new Obligation(requiredM2, covered, Math.max(0, requiredM2 - covered), List.copyOf(coverages));
    }

    public boolean fullyCovered() {
        return remainingM2 == 0;
    }
}
