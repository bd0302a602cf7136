package cn.landbalance.settlement.market;

import cn.landbalance.ledger.common.AreaM2;
import cn.landbalance.ledger.indicator.IndicatorLot;
import cn.landbalance.ledger.indicator.IndicatorStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The market's law: on every lot, what open listings still offer is backed by what the lot has available. An order
 * keeps it (it takes the same area off both); anything else that takes available area off a lot (a violation's freeze,
 * a self-restore, a repayment with indicators) must take the excess off the lot's offers in the same transaction.
 * <p>
 * Lock order, shared with order placement (offers, then lots) and listing (the county, then lots): such a use case
 * calls {@link #lockBefore} first, then changes its lots, then {@link #trim}.
 */
public class ListedArea {
    /** Why an offer shrank, as told in the {@code indicator.listing_reduced} event. */
    public enum Reason { FROZEN, SELF_RESTORED, REPAID, ADJUSTED, RESERVED_BY_COUNTY }

    /** Area taken off one offer. */
    public record Trim(Offer offer, long areaM2) {
    }

    private final Listings market;
    private final IndicatorStore lots;

    public ListedArea(Listings market, IndicatorStore lots) {
        this.market = market;
        this.lots = lots;
    }

    /** Locks the county's listing and the offers on these lots, before the lots themselves are locked. */
    public void lockBefore(long countyId, Collection<Long> lotIds) {
        market.lockCounty(countyId);
        market.lockOffersOn(new TreeSet<>(lotIds));
    }

    /** Takes off the offers on these (locked) lots what their available area no longer backs; returns the trims. */
    public List<Trim> trim(Collection<Long> lotIds, Reason reason) {
        TreeSet<Long> ids = new TreeSet<>(lotIds);
        List<Offer> offers = market.lockOffersOn(ids);
        Map<Long, Long> available = new LinkedHashMap<>();
        for (long id : ids) {
            lots.lockLot(id).ifPresent(lot -> available.put(id, backing(lot)));
        }
        List<Trim> trims = trims(offers, available);
        for (Trim t : trims) {
            market.reduceOffer(t.offer(), AreaM2.of(t.areaM2()), reason.name());
        }
        return trims;
    }

    /** What a lot can back: its available area, none while an enterprise holds it (it is not for sale). */
    public static long backing(IndicatorLot lot) {
        return lot.holderOrgId() != null ? 0 : lot.balances().availableM2();
    }

    /**
     * The rule, on its own: for each lot whose offers exceed what it has available, the excess comes off the newest
     * offers first (the oldest listings keep what buyers have seen longest). Lots not in {@code availableByLot} are
     * left alone.
     */
    public static List<Trim> trims(List<Offer> offers, Map<Long, Long> availableByLot) {
        Map<Long, List<Offer>> byLot = new LinkedHashMap<>();
        offers.stream().sorted(Comparator.comparingLong(Offer::listingLotId).reversed())
                .forEach(o -> byLot.computeIfAbsent(o.lotId(), k -> new ArrayList<>()).add(o));
        List<Trim> trims = new ArrayList<>();
        byLot.forEach((lotId, newestFirst) -> {
            Long available = availableByLot.get(lotId);
            if (available == null) {
                return;
            }
            long excess = newestFirst.stream().mapToLong(Offer::remainingM2).sum() - Math.max(0, available);
            for (Offer o : newestFirst) {
                if (excess <= 0) {
                    break;
                }
                long cut = Math.min(excess, o.remainingM2());
                if (cut > 0) {
                    trims.add(new Trim(o, cut));
                    excess -= cut;
                }
            }
        });
        trims.sort(Comparator.comparingLong(t -> t.offer().listingLotId()));
        return trims;
    }
}
