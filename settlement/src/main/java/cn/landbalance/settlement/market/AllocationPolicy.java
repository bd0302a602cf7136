package cn.landbalance.settlement.market;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which listed offers an order takes: only those no worse in quality grade than the obligation (and paddy for a paddy
 * obligation), the buyer's own township first, then the cheapest, then the oldest listing, then the oldest lot; as
 * many as together hold the area asked.
 */
public final class AllocationPolicy {
    private AllocationPolicy() {
    }

    /** The offers that may serve the obligation, in the order they are taken. */
    public static List<Offer> preferred(long homeTownshipId, int qualityGrade, boolean paddy, int planYear,
                                        List<Offer> offers) {
        return offers.stream()
                .filter(o -> o.qualityGrade() <= qualityGrade && (!paddy || o.paddy()) && o.vintageYear() <= planYear)
                .sorted(Comparator.<Offer>comparingInt(o -> o.townshipId() == homeTownshipId ? 0 : 1)
                        .thenComparingLong(Offer::pricePerMuFen)
                        .thenComparingLong(Offer::listingId)
                        .thenComparingLong(Offer::lotId))
                .toList();
    }

    /** The first offers, in order, that together hold {@code areaM2}; null when all of them do not. */
    public static List<Offer> covering(List<Offer> offers, long areaM2) {
        List<Offer> chosen = new ArrayList<>();
        long left = areaM2;
        for (Offer offer : offers) {
            if (left == 0) {
                break;
            }
            chosen.add(offer);
            left -= Math.min(left, offer.remainingM2());
        }
        return left > 0 ? null : chosen;
    }
}
