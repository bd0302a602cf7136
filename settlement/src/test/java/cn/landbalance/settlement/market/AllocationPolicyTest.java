package cn.landbalance.settlement.market;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The order allocation policy, row by row: quality and paddy filter; own township, price, listing age order. */
class AllocationPolicyTest {
    private static final long HOME = 7;

    /** listing id, lot id, township, price fen/亩, remaining m², grade, paddy */
    private static Offer offer(long listingId, long lotId, long township, long price, long remainingM2, int grade, boolean paddy) {
        return new Offer(listingId * 10 + lotId, listingId, lotId, township, price, remainingM2, grade, paddy, 2022);
    }

    private static List<Long> listings(List<Offer> offers) {
        return offers.stream().map(Offer::listingId).toList();
    }

    @Test
    void ownTownshipFirstThenCheapestThenOldestListingThenOldestLot() {
        List<Offer> offers = List.of(
                offer(5, 1, 8, 4_000_000, 100, 9, false),
                offer(4, 1, 8, 5_000_000, 100, 9, false),
                offer(6, 1, HOME, 6_000_000, 100, 9, false),
                offer(3, 1, 9, 4_000_000, 100, 9, false),
                offer(3, 0, 9, 4_000_000, 100, 9, false));
        List<Offer> ordered = AllocationPolicy.preferred(HOME, 12, false, 2022, offers);
        assertEquals(List.of(6L, 3L, 3L, 5L, 4L), listings(ordered));
        assertEquals(0, ordered.get(1).lotId(), "within a listing, the older lot first");
    }

    @Test
    void onlyNoWorseQualityAndPaddyForPaddy() {
        List<Offer> offers = List.of(offer(1, 1, HOME, 5_000_000, 100, 13, false), offer(2, 1, HOME, 5_000_000, 100, 12, false),
                offer(3, 1, HOME, 5_000_000, 100, 12, true), offer(4, 1, HOME, 5_000_000, 100, 3, true));
        assertEquals(List.of(2L, 3L, 4L), listings(AllocationPolicy.preferred(HOME, 12, false, 2022, offers)));
        assertEquals(List.of(3L, 4L), listings(AllocationPolicy.preferred(HOME, 12, true, 2022, offers)));
        assertEquals(List.of(4L), listings(AllocationPolicy.preferred(HOME, 5, true, 2022, offers)));
    }

    @Test
    void onlyIndicatorsOfThePlanYearOrEarlier() {
        List<Offer> offers = List.of(new Offer(1, 1, 1, HOME, 5_000_000, 100, 9, false, 2023),
                new Offer(2, 2, 2, HOME, 5_000_000, 100, 9, false, 2022), new Offer(3, 3, 3, HOME, 5_000_000, 100, 9, false, 2021));
        assertEquals(List.of(2L, 3L), listings(AllocationPolicy.preferred(HOME, 12, false, 2022, offers)));
        assertEquals(List.of(1L, 2L, 3L), listings(AllocationPolicy.preferred(HOME, 12, false, 2023, offers)));
        assertEquals(List.of(), listings(AllocationPolicy.preferred(HOME, 12, false, 2020, offers)));
    }

    @Test
    void takesJustEnoughOffersOrNone() {
        List<Offer> offers = List.of(offer(1, 1, HOME, 5_000_000, 300, 9, false), offer(2, 1, HOME, 5_000_000, 300, 9, false),
                offer(3, 1, HOME, 5_000_000, 300, 9, false));
        assertEquals(List.of(1L), listings(AllocationPolicy.covering(offers, 300)));
        assertEquals(List.of(1L, 2L), listings(AllocationPolicy.covering(offers, 301)));
        assertEquals(List.of(1L, 2L, 3L), listings(AllocationPolicy.covering(offers, 900)));
        assertNull(AllocationPolicy.covering(offers, 901), "not all of it can be reserved: none is");
        assertEquals(List.of(), listings(AllocationPolicy.covering(List.of(), 0)));
    }
}
