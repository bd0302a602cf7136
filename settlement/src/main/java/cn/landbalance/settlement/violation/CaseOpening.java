package cn.landbalance.settlement.violation;

import cn.landbalance.ledger.common.AreaM2;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.indicator.Hold;
import cn.landbalance.ledger.indicator.IndicatorLedger;
import cn.landbalance.ledger.indicator.IndicatorLot;
import cn.landbalance.ledger.indicator.IndicatorQueries;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.RegionLevel;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.market.ListedArea;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Opening a violation case: the area is frozen on the township's available lots, then lent by the county reserve and
 * the city reserve (recorded as owed); the listings on the frozen lots are trimmed.
 */
final class CaseOpening {
    private final Regions regions;
    private final IndicatorLedger ledger;
    private final IndicatorQueries lots;
    private final Violations violations;
    private final ListedArea listed;

    CaseOpening(Regions regions, IndicatorLedger ledger, IndicatorQueries lots, Violations violations, ListedArea listed) {
        this.regions = regions;
        this.ledger = ledger;
        this.lots = lots;
        this.violations = violations;
        this.listed = listed;
    }

    ViolationCase open(Actor actor, long townshipId, long areaM2, String caseNo, String description,
                              Long outflowApplicationId) {
        Region township = regions.findById(townshipId)
                .filter(r -> r.level() == RegionLevel.TOWNSHIP && actor.inCounty(r.countyId()))
                .orElseThrow(() -> DomainException.field(ErrorCode.TOWNSHIP_NOT_FOUND, "townshipId",
                        "乡镇 " + townshipId, "township " + townshipId));
        if (areaM2 <= 0) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "areaM2",
                    "面积须为正的整数平方米", "area must be a positive whole number of m²");
        }
        if (violations.caseNoExists(township.countyId(), caseNo)) {
            throw DomainException.field(ErrorCode.CASE_NUMBER_EXISTS, "caseNo", "案件编号“" + caseNo + "”已存在", caseNo);
        }
        Region county = regions.findById(township.countyId()).orElseThrow();
        List<Long> lenders = county.parentId() == null ? List.of(township.id(), county.id())
                : List.of(township.id(), county.id(), county.parentId());
        // the lenders' lot ids, to lock their offers first; each lot's balance is read again once locked (freezeFrom)
        List<Long> candidates = lenders.stream().flatMap(r -> lots.lotsOwnedBy(r).stream()).map(IndicatorLot::id).toList();
        listed.lockBefore(township.countyId(), candidates);
        ViolationCase opened = violations.insert(township.countyId(), township.id(), caseNo, description, AreaM2.of(areaM2),
                outflowApplicationId);
        long left = areaM2;
        for (int i = 0; i < lenders.size() && left > 0; i++) {
            left = freezeFrom(opened.id(), lenders.get(i), i > 0, left);
        }
        violations.setUnsecured(opened.id(), AreaM2.of(left));
        ViolationCase frozen = violations.find(opened.id()).orElseThrow();
        listed.trim(frozen.freezes().stream().map(ViolationCase.Freeze::lotId).toList(), ListedArea.Reason.FROZEN);
        return frozen; // trimming listings changes nothing of the case
    }

    /** Freezes up to {@code areaM2} on the available lots of {@code regionId} (oldest first); returns what is left. */
    private long freezeFrom(long caseId, long regionId, boolean borrowed, long areaM2) {
        long left = areaM2;
        List<IndicatorLot> candidates = new ArrayList<>(lots.lotsOwnedBy(regionId));
        candidates.sort(Comparator.comparingLong(IndicatorLot::id));
        for (IndicatorLot lot : candidates) {
            long part = Math.min(left, lot.balances().availableM2());
            if (part <= 0 || lot.holderOrgId() != null) {
                continue;
            }
            Hold hold = ledger.freeze(lot.id(), AreaM2.of(part), "violation:" + caseId);
            violations.addFreeze(caseId, ViolationCase.Freeze.of(hold, regionId, borrowed));
            left -= part;
            if (left == 0) {
                break;
            }
        }
        return left;
    }
}
