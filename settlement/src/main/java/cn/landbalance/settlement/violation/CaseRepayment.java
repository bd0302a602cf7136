package cn.landbalance.settlement.violation;

import cn.landbalance.ledger.common.AreaM2;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.MoneyFen;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.indicator.IndicatorLedger;
import cn.landbalance.ledger.indicator.IndicatorLot;
import cn.landbalance.ledger.indicator.IndicatorQueries;
import cn.landbalance.ledger.indicator.IndicatorStore;
import cn.landbalance.ledger.money.MoneyLedger;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.market.ListedArea;
import cn.landbalance.settlement.rules.CountyRules;
import cn.landbalance.settlement.rules.CountyRulesStore;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * A township repaying the reserves it borrowed from for a case and cannot return: with equal indicators of its own,
 * or with money at the guide price. The lender still owed is repaid first (the county's reserve before the city's).
 */
final class CaseRepayment {
    private final IndicatorLedger ledger;
    private final IndicatorQueries lots;
    private final IndicatorStore lotStore;
    private final Violations violations;
    private final MoneyLedger money;
    private final CountyRulesStore rules;
    private final ListedArea listed;
    private final Clock clock;

    CaseRepayment(IndicatorLedger ledger, IndicatorQueries lots, IndicatorStore lotStore, Violations violations,
                  MoneyLedger money, CountyRulesStore rules, ListedArea listed, Clock clock) {
        this.ledger = ledger;
        this.lots = lots;
        this.lotStore = lotStore;
        this.violations = violations;
        this.money = money;
        this.rules = rules;
        this.listed = listed;
        this.clock = clock;
    }

    /** Consumes {@code areaM2} of the township's own lot and gives the lender a new lot of that area and grade. */
    ViolationCase withIndicators(Actor actor, long caseId, long lotId, long areaM2) {
        ViolationCase c = lockRepayable(actor, caseId, areaM2);
        ViolationCase.Freeze borrowed = firstOwed(c);
        listed.lockBefore(c.countyId(), List.of(lotId));
        IndicatorLot own = lotStore.lockLot(lotId)
                .filter(l -> l.ownerRegionId() == c.townshipId() && l.holderOrgId() == null)
                .orElseThrow(() -> DomainException.field(ErrorCode.LOT_NOT_OWN, "lotId",
                        "指标批次 " + lotId + " 不是本乡镇的指标", "lot " + lotId + " is not the township's"));
        IndicatorLot lent = lots.lotsOwnedBy(borrowed.regionId()).stream().filter(l -> l.id() == borrowed.lotId()).findFirst()
                .orElseThrow();
        if (own.qualityGrade() > lent.qualityGrade() || (lent.paddy() && !own.paddy())) {
            throw DomainException.field(ErrorCode.LOT_QUALITY_TOO_LOW, "lotId",
                    "借用的指标质量等别为 " + lent.qualityGrade() + " 等" + (lent.paddy() ? "，且为水田" : "") + "，归还的指标不能低于此",
                    "the borrowed indicators were grade " + lent.qualityGrade() + (lent.paddy() ? ", paddy" : ""));
        }
        String reference = "violation:" + caseId + ":repay";
        ledger.moveArea(own, borrowed.regionId(), LocalDate.now(clock).getYear(), AreaM2.of(areaM2), reference);
        listed.trim(List.of(lotId), ListedArea.Reason.REPAID);
        violations.recordRepaid(caseId, AreaM2.of(areaM2));
        return violations.find(caseId).orElseThrow();
    }

    /** Pays the lender the guide price for the area. */
    ViolationCase withMoney(Actor actor, long caseId, long areaM2) {
        ViolationCase c = lockRepayable(actor, caseId, areaM2);
        ViolationCase.Freeze borrowed = firstOwed(c);
        long guide = rules.find(c.countyId()).orElse(CountyRules.defaults()).guidePricePerMuFen();
        long amount = Units.amountFen(areaM2, guide);
        money.repay(c.countyId(), c.townshipId(), borrowed.regionId(), MoneyFen.of(amount), "violation:" + caseId + ":repay",
                "case " + c.caseNo() + ": " + areaM2 + " m² at the guide price");
        violations.recordRepaid(caseId, AreaM2.of(areaM2));
        return violations.find(caseId).orElseThrow();
    }

    private ViolationCase lockRepayable(Actor actor, long caseId, long areaM2) {
        ViolationCase c = violations.lock(caseId).filter(v -> ViolationService.visible(actor, v))
                .orElseThrow(() -> new DomainException(ErrorCode.VIOLATION_NOT_FOUND,
                        "违法用地案件 " + caseId, "case " + caseId));
        if (areaM2 <= 0 || areaM2 > c.owedM2()) {
            throw DomainException.field(ErrorCode.REPAYMENT_EXCEEDS_OWED, "areaM2",
                    "该案件乡镇尚欠 " + Units.areaZh(c.owedM2()) + "，归还 " + Units.areaZh(Math.max(0, areaM2)),
                    "the township owes " + c.owedM2() + " m² for this case, " + areaM2 + " m² offered");
        }
        return c;
    }

    /** The lender still owed for this case (the county's reserve before the city's). */
    private static ViolationCase.Freeze firstOwed(ViolationCase c) {
        return c.freezes().stream().filter(f -> f.owedM2() > 0).findFirst().orElseThrow();
    }
}
