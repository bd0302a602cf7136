package cn.landbalance.settlement.market;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The listing law's rule on its own: what a lot no longer backs comes off its newest offers first. */
class ListedAreaTest {
    private static Offer offer(long listingLotId, long lotId, long remainingM2) {
        return new Offer(listingLotId, 100 + listingLotId, lotId, 7, 5_000_000, remainingM2, 9, false, 2022);
    }

    private static List<String> trims(List<Offer> offers, Map<Long, Long> available) {
        return ListedArea.trims(offers, available).stream()
                .map(t -> t.offer().listingLotId() + ":" + t.areaM2()).toList();
    }

    @Test
    void aBackedLotKeepsItsOffers() {
        assertEquals(List.of(), trims(List.of(offer(1, 10, 600), offer(2, 10, 400)), Map.of(10L, 1_000L)));
        assertEquals(List.of(), trims(List.of(offer(1, 10, 600)), Map.of(10L, 5_000L)));
    }

    @Test
    void theExcessComesOffTheNewestOfferFirst() {
        assertEquals(List.of("2:300"), trims(List.of(offer(1, 10, 600), offer(2, 10, 400)), Map.of(10L, 700L)));
        assertEquals(List.of("1:100", "2:400"), trims(List.of(offer(1, 10, 600), offer(2, 10, 400)), Map.of(10L, 500L)));
    }

    @Test
    void aLotWithNothingAvailableOffersNothing() {
        assertEquals(List.of("1:600", "2:400"), trims(List.of(offer(1, 10, 600), offer(2, 10, 400)), Map.of(10L, 0L)));
        assertEquals(List.of("1:600"), trims(List.of(offer(1, 10, 600)), Map.of(10L, -5L)));
    }

    @Test
    void eachLotIsTrimmedOnItsOwnAndUnnamedLotsAreLeftAlone() {
        List<Offer> offers = List.of(offer(1, 10, 600), offer(2, 11, 400), offer(3, 12, 900), offer(4, 10, 50));
        assertEquals(List.of("1:150", "2:400", "4:50"), trims(offers, Map.of(10L, 450L, 11L, 0L)));
    }
}
