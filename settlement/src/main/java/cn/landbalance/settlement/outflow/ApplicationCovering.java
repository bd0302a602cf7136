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
import cn.landbalance.ledger.money.Transfer;
import cn.landbalance.ledger.money.TransferKind;
import cn.landbalance.settlement.fund.PaymentReferences;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Organization;
import cn.landbalance.settlement.identity.Organizations;
import cn.landbalance.settlement.identity.OrgKind;
import cn.landbalance.settlement.market.ListedArea;
import cn.landbalance.settlement.payment.PaymentNotices;
import cn.landbalance.settlement.payment.Refusal;
import cn.landbalance.settlement.rules.CountyRules;
import cn.landbalance.settlement.rules.CountyRulesStore;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Covering an application's obligation: by a fee into the home township's fund, or by the applicant's own
 * indicators. Every covering happens under the application's row lock and only within the area still open.
 */
final class ApplicationCovering {
    private final ApplicationAccess access;
    private final Organizations organizations;
    private final CountyRulesStore rules;
    private final OutflowApplications applications;
    private final FeePayments fees;
    private final IndicatorLedger indicators;
    private final IndicatorStore lots;
    private final MoneyLedger money;
    private final ListedArea listed;
    private final PaymentReferences references;
    private final PaymentNotices notices;

    ApplicationCovering(ApplicationAccess access, Organizations organizations, CountyRulesStore rules,
                        OutflowApplications applications, FeePayments fees, IndicatorLedger indicators,
                        IndicatorStore lots, MoneyLedger money, ListedArea listed, PaymentReferences references,
                        PaymentNotices notices) {
        this.access = access;
        this.organizations = organizations;
        this.rules = rules;
        this.applications = applications;
        this.fees = fees;
        this.indicators = indicators;
        this.lots = lots;
        this.money = money;
        this.listed = listed;
        this.references = references;
        this.notices = notices;
    }

    OutflowService.FeeQuote quoteFee(Actor actor, long id, long areaM2) {
        OutflowApplication app = access.lockVisible(actor, id);
        ApplicationAccess.requirePayer(actor, app);
        requireRoom(app, areaM2);
        CountyRules county = rules.forYear(app.countyId(), app.planYear());
        return new OutflowService.FeeQuote(app, Units.amountFen(areaM2, county.feePerMuFen()));
    }

    FeePayment settleFee(long applicationId, long areaM2, long amountFen, String bankSerial, LocalDate receivedOn,
                         String noticeCode) {
        OutflowApplication app = applications.lock(applicationId).orElseThrow();
        if (!app.status().coverable()) {
            throw notCoverable(app).exception();
        }
        references.claimOrRefuse(bankSerial, PaymentReferences.Kind.FEE, applicationId, "bankSerial");
        Transfer transfer = money.receive(app.countyId(), app.townshipId(), MoneyFen.of(amountFen), TransferKind.FEE, bankSerial,
                "fee for outflow application " + applicationId + ", notice " + noticeCode, receivedOn);
        applications.cover(app, Coverage.fee(areaM2, bankSerial, app.townshipId(), amountFen));
        return fees.insertFeePayment(app, new FeePayment(0, applicationId, areaM2, amountFen, bankSerial, app.townshipId(),
                transfer.id(), app.townshipId(), null));
    }

    Optional<Refusal> refusal(long applicationId) {
        return applications.find(applicationId).filter(a -> !a.status().coverable())
                .map(ApplicationCovering::notCoverable);
    }

    private static Refusal notCoverable(OutflowApplication app) {
        return new Refusal(ErrorCode.APPLICATION_NOT_COVERABLE, null,
                "耕地转出申请" + app.status().label() + "，不能再落实平衡，须退款",
                "the application is " + app.status() + ", refund the money");
    }

    Coverage selfRestore(Actor actor, long id, long lotId, long areaM2) {
        OutflowApplication app = access.lockVisible(actor, id);
        ApplicationAccess.requirePayer(actor, app);
        Organization applicant = organizations.findById(app.applicantOrgId()).orElseThrow();
        listed.lockBefore(app.countyId(), List.of(lotId));
        IndicatorLot lot = lots.lockLot(lotId)
                .filter(l -> ownedBy(l, applicant))
                .orElseThrow(() -> DomainException.field(ErrorCode.LOT_NOT_OWN, "lotId",
                        "指标批次 " + lotId + " 不是申请主体自有的指标", "lot " + lotId));
        requireRoom(app, areaM2);
        CoverageRules.requireVintage(app, lot);
        CoverageRules.requireQuality(app, rules.forYear(app.countyId(), app.planYear()).qualityRule(),
                applications.coverages(app.id()), lot.qualityGrade(), lot.paddy(), areaM2);
        Hold hold = indicators.reserve(lotId, AreaM2.of(areaM2), "outflow:" + id + ":self");
        indicators.consume(hold.id(), AreaM2.of(areaM2));
        listed.trim(List.of(lotId), ListedArea.Reason.SELF_RESTORED);
        return applications.cover(app, Coverage.self(areaM2, lotId, lot.ownerRegionId(), lot.qualityGrade()));
    }

    /** A township's own lots (not held by an enterprise), or the lots an enterprise restored itself. */
    static boolean ownedBy(IndicatorLot lot, Organization applicant) {
        if (lot.holderOrgId() != null) {
            return lot.holderOrgId() == applicant.id();
        }
        return applicant.kind() == OrgKind.TOWNSHIP && lot.ownerRegionId() == applicant.regionId();
    }

    private void requireRoom(OutflowApplication app, long areaM2) {
        if (!app.status().coverable()) {
            throw new DomainException(ErrorCode.APPLICATION_NOT_COVERABLE,
                    "耕地转出申请" + app.status().label(), "application is " + app.status());
        }
        if (areaM2 <= 0) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "areaM2",
                    "面积须为正的整数平方米", "area must be a positive whole number of m²");
        }
        long open = access.obligation(app).remainingM2() - notices.pendingAreaFor(app.id());
        if (areaM2 > open) {
            throw DomainException.field(ErrorCode.OBLIGATION_OVER_COVERED, "areaM2",
                    "尚需落实且不在待缴订单或缴款通知书中的面积为 " + Math.max(0, open) + " 平方米",
                    Math.max(0, open) + " m² remain neither covered nor in a pending order or payment notice; " + areaM2
                            + " m² asked");
        }
    }
}
