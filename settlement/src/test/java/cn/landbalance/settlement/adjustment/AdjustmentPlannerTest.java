package cn.landbalance.settlement.adjustment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 调剂 optimizer (OR-Tools min-cost flow, loaded natively) on small counties whose best answer is known by hand. */
class AdjustmentPlannerTest {
    private static final long COUNTY = 1;
    private static final long A = 11;
    private static final long B = 12;
    private static final long C = 13;
    private static final long PRICE = 5_000_000; // 5万元/亩: 7 500 fen/m²

    @Test
    void eachTownshipUsesItsOwnLotsFirstAndNothingIsPaidForThem() {
        Proposal p = AdjustmentPlanner.propose(Scope.COUNTY, Compensation.FUND,
                List.of(new Need(100, A, 10, false, 3_000)),
                List.of(new Supply(1, A, false, 10, false, 5_000), new Supply(2, B, false, 10, false, 5_000)), Map.of(), PRICE);
        assertEquals(List.of(new Line(1, A, 100, A, 3_000, 0)), p.lines());
        assertEquals(0, p.shortM2());
    }

    @Test
    void selfBalanceNeverTakesAnotherTownshipsLots() {
        Proposal p = AdjustmentPlanner.propose(Scope.OWN, Compensation.FUND,
                List.of(new Need(100, A, 10, false, 3_000), new Need(200, B, 10, false, 1_000)),
                List.of(new Supply(1, A, false, 10, false, 1_000), new Supply(2, B, false, 10, false, 9_000)), Map.of(), PRICE);
        assertEquals(List.of(new Line(1, A, 100, A, 1_000, 0), new Line(2, B, 200, B, 1_000, 0)), p.lines());
        assertEquals(2_000, p.shortM2(), "A lacks 2 000 m² that only the county's 调剂 may bring");
    }

    @Test
    void deficitsAreFilledFromSurplusTownshipsAtTheGuidePriceBeforeTheReserve() {
        Proposal p = AdjustmentPlanner.propose(Scope.COUNTY, Compensation.FUND,
                List.of(new Need(100, A, 10, false, 3_000)),
                List.of(new Supply(1, A, false, 10, false, 1_000), new Supply(2, COUNTY, true, 10, false, 5_000),
                        new Supply(3, B, false, 10, false, 1_500)), Map.of(), PRICE);
        assertEquals(List.of(new Line(1, A, 100, A, 1_000, 0), new Line(2, COUNTY, 100, A, 500, 3_750_000),
                new Line(3, B, 100, A, 1_500, 11_250_000)), p.lines());
        assertEquals(15_000_000, p.amountFen(), "2 000 m² × 5万元/亩 = 150 000.00 元");
        Proposal.RegionOutcome a = p.regions().stream().filter(r -> r.regionId() == A).findFirst().orElseThrow();
        assertEquals(new Proposal.RegionOutcome(A, 3_000, 1_000, 2_000, 0, 0, 0), a);
    }

    @Test
    void aNeighboursIndicatorsAreTakenBeforeADistantTownshipsOnceNeighboursAreKnown() {
        List<Need> needs = List.of(new Need(100, A, 10, false, 1_000));
        List<Supply> supplies = List.of(new Supply(1, B, false, 10, false, 1_000), new Supply(2, C, false, 10, false, 1_000));
        Proposal nearest = AdjustmentPlanner.propose(Scope.COUNTY, Compensation.FUND, needs, supplies, Map.of(), PRICE,
                new Neighbours(java.util.Set.of(Neighbours.Pair.of(C, A))));
        assertEquals(List.of(new Line(2, C, 100, A, 1_000, 7_500_000)), nearest.lines(), "C borders A; B does not");
        Proposal neighboursFirst = AdjustmentPlanner.propose(Scope.COUNTY, Compensation.FUND, needs,
                List.of(new Supply(1, B, false, 6, false, 1_000), new Supply(2, C, false, 10, false, 600)), Map.of(), PRICE,
                new Neighbours(java.util.Set.of(Neighbours.Pair.of(A, C))));
        assertEquals(List.of(new Line(1, B, 100, A, 400, 3_000_000), new Line(2, C, 100, A, 600, 4_500_000)),
                neighboursFirst.lines(), "all the neighbour has, then the distant township for the rest");
        Proposal reserveLast = AdjustmentPlanner.propose(Scope.COUNTY, Compensation.FUND, needs,
                List.of(new Supply(1, B, false, 10, false, 1_000), new Supply(3, COUNTY, true, 10, false, 1_000)), Map.of(),
                PRICE, new Neighbours(java.util.Set.of(Neighbours.Pair.of(A, C))));
        assertEquals(B, reserveLast.lines().get(0).fromRegionId(), "a distant township still before the county reserve");
    }

    @Test
    void theBestLandIsKeptForTheNeedOnlyItCanServe() {
        // A's paddy need can only take B's paddy grade-3 lot; C's ordinary need must take B's grade-9 lot, not the paddy
        Proposal p = AdjustmentPlanner.propose(Scope.COUNTY, Compensation.NONE,
                List.of(new Need(100, C, 9, false, 1_000), new Need(200, A, 5, true, 1_000)),
                List.of(new Supply(1, B, false, 3, true, 1_000), new Supply(2, B, false, 9, false, 1_000)), Map.of(), PRICE);
        assertEquals(List.of(new Line(1, B, 200, A, 1_000, 0), new Line(2, B, 100, C, 1_000, 0)), p.lines());
        assertEquals(0, p.shortM2());
        assertEquals(0, p.amountFen(), "the county moves them without payment");
    }

    @Test
    void aTownshipKeepsItsFloorAndWhatCannotBeCoveredStaysShort() {
        Proposal p = AdjustmentPlanner.propose(Scope.COUNTY, Compensation.FUND,
                List.of(new Need(100, A, 10, false, 3_000)),
                List.of(new Supply(2, B, false, 10, false, 2_500), new Supply(3, C, false, 12, false, 9_000)),
                Map.of(B, 1_000L), PRICE);
        assertEquals(List.of(new Line(2, B, 100, A, 1_500, 11_250_000)), p.lines(), "C's grade-12 land is too poor");
        assertEquals(1_500, p.shortM2());
        assertTrue(p.regions().stream().anyMatch(r -> r.regionId() == B && r.keptM2() == 1_000 && r.givenM2() == 1_500));
    }

    @Test
    void linesSplitOverLotsAndApplicationsOldestFirstAndAddUpExactly() {
        Proposal p = AdjustmentPlanner.propose(Scope.COUNTY, Compensation.FUND,
                List.of(new Need(101, A, 10, false, 700), new Need(100, A, 10, false, 500)),
                List.of(new Supply(7, B, false, 10, false, 400), new Supply(5, B, false, 10, false, 1_000)), Map.of(), PRICE);
        assertEquals(List.of(new Line(5, B, 100, A, 500, 3_750_000), new Line(5, B, 101, A, 500, 3_750_000),
                new Line(7, B, 101, A, 200, 1_500_000)), p.lines());
    }

    @Test
    void nothingToDoIsAnEmptyProposal() {
        Proposal p = AdjustmentPlanner.propose(Scope.COUNTY, Compensation.FUND, List.of(),
                List.of(new Supply(1, A, false, 10, false, 5_000)), Map.of(), PRICE);
        assertEquals(List.of(), p.lines());
        assertEquals(0, p.shortM2());
    }
}
