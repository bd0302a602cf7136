package cn.landbalance.settlement.outflow;

import cn.landbalance.ledger.common.AreaM2;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.MoneyFen;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.indicator.Hold;
import cn.landbalance.ledger.indicator.IndicatorLedger;
import cn.landbalance.ledger.indicator.IndicatorLot;
import cn.landbalance.ledger.indicator.IndicatorStore;
import cn.landbalance.ledger.money.MoneyLedger;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.RegionLevel;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Role;
import cn.landbalance.settlement.market.ListedArea;

import java.time.Clock;
import java.util.List;

/**
 * The land a paid fee owes (缴费的补充耕地义务): the township holding the duty delivers restored land against it, or the
 * county moves the duty and its money to another township.
 */
public class FeeLand {
    private final Regions regions;
    private final OutflowApplications applications;
    private final FeePayments fees;
    private final IndicatorLedger indicators;
    private final IndicatorStore lots;
    private final MoneyLedger money;
    private final ListedArea listed;
    private final Clock clock;

    public FeeLand(Regions regions, OutflowApplications applications, FeePayments fees, IndicatorLedger indicators,
                   IndicatorStore lots, MoneyLedger money, ListedArea listed, Clock clock) {
        this.regions = regions;
        this.applications = applications;
        this.fees = fees;
        this.indicators = indicators;
        this.lots = lots;
        this.money = money;
        this.listed = listed;
        this.clock = clock;
    }

    /** The restored land delivered so far against a fee's duty. */
    public long deliveredM2(long feePaymentId) {
        return fees.deliveredM2(feePaymentId);
    }

    /** The fees paid for an application, oldest first. */
    public List<FeePayment> feePayments(long applicationId) {
        return fees.feePaymentsOf(applicationId);
    }

    /**
     * The county moves a fee's duty to deliver inflow, and its money, to another township of the county
     * (the home township cannot restore land: 资源禀赋不足). Refused if the current holder has spent the money.
     */
    public FeePayment reassign(Actor actor, long feePaymentId, long toTownshipId) {
        if (actor.role() != Role.COUNTY_ADMIN) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        FeePayment payment = fees.lockFeePayment(feePaymentId)
                .filter(p -> applications.find(p.applicationId()).filter(a -> actor.inCounty(a.countyId())).isPresent())
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND,
                        "缴费记录 " + feePaymentId, "fee payment " + feePaymentId));
        if (payment.reversal() == FeePayment.Outcome.REFUNDED) {
            throw new DomainException(ErrorCode.ILLEGAL_TRANSITION,
                    "这笔费用已退还缴款人，没有需要转移的义务", "fee payment " + feePaymentId + " was refunded: there is no duty to move");
        }
        Region target = regions.findById(toTownshipId)
                .filter(r -> r.level() == RegionLevel.TOWNSHIP && actor.inCounty(r.countyId()))
                .orElseThrow(() -> DomainException.field(ErrorCode.TOWNSHIP_NOT_FOUND, "townshipId",
                        "乡镇 " + toTownshipId, "township " + toTownshipId));
        if (target.id() == payment.dutyTownshipId()) {
            return payment;
        }
        money.reassign(target.countyId(), payment.dutyTownshipId(), target.id(), MoneyFen.of(payment.amountFen()),
                payment.paymentReference(), "fee duty of payment " + feePaymentId + " moved to " + target.name());
        fees.moveDuty(feePaymentId, target.id());
        return payment.withDuty(target.id());
    }

    /**
     * Fee-funded restoration delivered: {@code areaM2} of a lot of the township holding the fee's duty (restored with the
     * fee money) is consumed against that duty, so the township no longer owes that land. The township officer of that
     * township or the county admin delivers; the lot must be no worse in grade than the converted land, paddy for paddy;
     * never more than the duty still owed; not for a fee refunded to its payer. Locks: listings on the lot, the lot, then
     * the fee payment (the order ending an application takes too).
     */
    public long deliver(Actor actor, long applicationId, long feePaymentId, long lotId, long areaM2) {
        OutflowApplication app = applications.find(applicationId).filter(a -> actor.inCounty(a.countyId()))
                .orElseThrow(() -> new DomainException(ErrorCode.OUTFLOW_APPLICATION_NOT_FOUND,
                        "耕地转出申请 " + applicationId, "outflow application " + applicationId));
        FeePayment seen = fees.feePaymentsOf(applicationId).stream().filter(f -> f.id() == feePaymentId).findFirst()
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND,
                        "缴费记录 " + feePaymentId, "fee payment " + feePaymentId));
        if (!(actor.role() == Role.COUNTY_ADMIN
                || (actor.role() == Role.TOWNSHIP_OFFICER && actor.regionId() == seen.dutyTownshipId()))) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        listed.lockBefore(app.countyId(), List.of(lotId));
        IndicatorLot lot = lots.lockLot(lotId)
                .filter(l -> l.ownerRegionId() == seen.dutyTownshipId() && l.holderOrgId() == null)
                .orElseThrow(() -> DomainException.field(ErrorCode.LOT_NOT_OWN, "lotId",
                        "指标批次 " + lotId + " 不属于承担该补充耕地义务的乡镇",
                        "lot " + lotId + " is not a lot of the township that owes this land"));
        FeePayment payment = fees.lockFeePayment(feePaymentId).orElseThrow();
        if (payment.reversal() == FeePayment.Outcome.REFUNDED) {
            throw new DomainException(ErrorCode.ILLEGAL_TRANSITION,
                    "这笔费用已退还缴款人，没有需要补充的耕地", "fee payment " + feePaymentId + " was refunded: no land is owed");
        }
        if (payment.dutyTownshipId() != lot.ownerRegionId()) {
            throw new DomainException(ErrorCode.CONCURRENT_UPDATE, "处理期间该义务已被转移", "the duty moved meanwhile");
        }
        long owed = payment.areaM2() - fees.deliveredM2(feePaymentId);
        if (areaM2 > owed) {
            throw DomainException.field(ErrorCode.OBLIGATION_OVER_COVERED, "areaM2",
                    "本次补充 " + Units.areaZh(areaM2) + "，尚欠 " + Units.areaZh(owed),
                    areaM2 + " m² delivered, " + owed + " m² owed");
        }
        if (app.paddy() && !lot.paddy()) {
            throw DomainException.field(ErrorCode.LOT_NOT_PADDY, "lotId",
                    "转出的耕地是水田，须用水田指标", "the converted land is paddy");
        }
        if (lot.qualityGrade() > app.qualityGrade()) {
            throw DomainException.field(ErrorCode.LOT_QUALITY_TOO_LOW, "lotId",
                    "指标质量等别为 " + lot.qualityGrade() + " 等，低于转出耕地的 " + app.qualityGrade() + " 等",
                    "grade " + lot.qualityGrade() + " is worse than the converted land's grade " + app.qualityGrade());
        }
        Hold hold = indicators.reserve(lotId, AreaM2.of(areaM2), "fee-delivery:" + feePaymentId);
        indicators.consume(hold.id(), AreaM2.of(areaM2));
        listed.trim(List.of(lotId), ListedArea.Reason.SELF_RESTORED);
        fees.recordDelivery(app, payment, lotId, AreaM2.of(areaM2), AreaM2.of(owed - areaM2), actor.userId(), clock.instant());
        return owed - areaM2;
    }
}
