package cn.landbalance.settlement.adjustment;

import java.util.List;

/**
 * A proposed self-balance or 调剂 of a county's year: the lines (lot → application), and for each region what it
 * needed, covered from its own lots, received from others, gave to others, and still lacks.
 *
 * @param costFen the solver's objective (the compensation at the guide price plus the small preference terms), for
 *                comparing proposals only
 */
public record Proposal(Scope scope, Compensation compensation, long pricePerMuFen, List<Line> lines,
                       List<RegionOutcome> regions, long costFen) {

    public record RegionOutcome(long regionId, long needM2, long ownM2, long receivedM2, long givenM2, long shortM2,
                                long keptM2) {
    }

    public long areaM2() {
        return lines.stream().mapToLong(Line::areaM2).sum();
    }

    public long amountFen() {
        return lines.stream().mapToLong(Line::amountFen).sum();
    }

    /** Area still uncovered after the proposal, over all townships. */
    public long shortM2() {
        return regions.stream().mapToLong(RegionOutcome::shortM2).sum();
    }
}
