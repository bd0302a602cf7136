package cn.landbalance.settlement.outflow;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.indicator.Hold;
import cn.landbalance.ledger.indicator.IndicatorLedger;
import cn.landbalance.ledger.indicator.IndicatorLot;
import cn.landbalance.ledger.indicator.IndicatorStore;
import cn.landbalance.ledger.indicator.QualityGrades;
import cn.landbalance.ledger.money.MoneyLedger;
import cn.landbalance.ledger.money.Transfer;
import cn.landbalance.ledger.money.TransferKind;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.RegionLevel;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.fund.PaymentReferences;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Organization;
import cn.landbalance.settlement.identity.Organizations;
import cn.landbalance.settlement.identity.OrgKind;
import cn.landbalance.settlement.identity.Role;
import cn.landbalance.settlement.inflow.Ownership;
import cn.landbalance.settlement.inflow.SlopeAreas;
import cn.landbalance.settlement.market.ListedArea;
import cn.landbalance.settlement.payment.PaymentNotices;
import cn.landbalance.settlement.rules.CountyRules;
import cn.landbalance.settlement.rules.CountyRulesStore;
import cn.landbalance.settlement.rules.QualityRule;
import cn.landbalance.settlement.rules.Sequencing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Outflow applications (耕地转出) through their lifecycle, and the ways their obligation is covered:
 * the applicant's own indicators, or the fee into the home township's fund ("谁转出、谁承担").
 * Every change of an application's coverage happens under the application's row lock, so two
 * simultaneous coverings can never cover more than is required.
 */
public class OutflowService {
    /** What an applicant declares. */
    /**
     * What an applicant declares. {@code slopes} (the area by slope grade, adding up to {@code areaM2}) and
     * {@code ownership} are optional: without them the whole area counts as slope grade 1 and 集体 land.
     */
    public record Draft(long townshipId, Long applicantOrgId, OutflowCategory category, String landClassAfter,
                        long areaM2, int qualityGrade, boolean paddy, OutflowSite site, Integer planYear,
                        SlopeAreas slopes, Ownership ownership) {
    }

    private final Regions regions;
    private final Organizations organizations;
    private final CountyRulesStore rules;
    private final OutflowApplications applications;
    private final FeePayments fees;
    private final IndicatorLedger indicators;
    private final IndicatorStore lots;
    private final MoneyLedger money;
    private final Clock clock;

    private final ListedArea listed;

    private final PaymentReferences references;
    private final PaymentNotices notices;
    private final ApplicationEnding ending;
    private final SiteSurvey survey;

    public OutflowService(Regions regions, Organizations organizations, CountyRulesStore rules,
                          OutflowApplications applications, FeePayments fees, IndicatorLedger indicators, IndicatorStore lots,
                          MoneyLedger money, ListedArea listed, PaymentReferences references, PaymentNotices notices,
                          ApplicationEnding ending, SiteSurvey survey, Clock clock) {
        this.ending = ending;
        this.survey = survey;
        this.references = references;
        this.notices = notices;
        this.listed = listed;
        this.regions = regions;
        this.organizations = organizations;
        this.rules = rules;
        this.applications = applications;
        this.fees = fees;
        this.indicators = indicators;
        this.lots = lots;
        this.money = money;
        this.clock = clock;
    }

    public OutflowApplication create(Actor actor, Draft draft) {
        Region township = regions.findById(draft.townshipId())
                .filter(r -> r.level() == RegionLevel.TOWNSHIP && actor.inCounty(r.countyId()))
                .orElseThrow(() -> DomainException.field(ErrorCode.TOWNSHIP_NOT_FOUND, "townshipId",
                        "乡镇 " + draft.townshipId(), "township " + draft.townshipId()));
        long applicant = applicantFor(actor, draft.applicantOrgId());
        requireOwnTownship(organizations.findById(applicant).orElseThrow(), township);
        if (draft.areaM2() <= 0) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "areaM2",
                    "面积须为正的整数平方米", "area must be a positive whole number of m²");
        }
        QualityGrades.require(draft.qualityGrade());
        refuseBreaches(draft.category(), draft.landClassAfter(), draft.site());
        int year = draft.planYear() == null ? LocalDate.now(clock).getYear() : draft.planYear();
        SlopeAreas slopes = draft.slopes() == null ? SlopeAreas.single(1, draft.areaM2()) : draft.slopes();
        if (slopes.totalM2() != draft.areaM2()) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "slopes",
                    "各坡度级面积之和 " + slopes.totalM2() + " 平方米应等于面积 " + draft.areaM2() + " 平方米",
                    "the slope grades add up to " + slopes.totalM2() + " m², not the area of " + draft.areaM2()
                            + " m²");
        }
        // the obligation is fixed now, by the surplus factor of the rules governing its plan year, recorded with it
        java.util.Optional<cn.landbalance.settlement.rules.RulesVersion> version = rules.governing(township.countyId(), year);
        CountyRules county = version.map(cn.landbalance.settlement.rules.RulesVersion::rules).orElse(CountyRules.defaults());
        long required = Units.applyPermilleRoundingUp(slopes.totalM2(), county.surplusFactorPermille());
        String landClassAfter = draft.landClassAfter() == null ? "" : draft.landClassAfter().strip();
        return applications.insert(new OutflowApplication(0, township.countyId(), township.id(), applicant, draft.category(),
                landClassAfter, slopes, draft.qualityGrade(), draft.paddy(), draft.site(), year, OutflowStatus.DRAFT,
                required, null, 0, draft.ownership() == null ? Ownership.集体 : draft.ownership(),
                version.map(cn.landbalance.settlement.rules.RulesVersion::id).orElse(null)));
    }

    public OutflowApplication act(Actor actor, long id, OutflowStatus.Action action) {
        return act(actor, id, action, null, false).application();
    }

    /** An application after a decision, and what the decision undid (empty unless it was rejected or withdrawn). */
    public record Decided(OutflowApplication application, Reversal reversal) {
    }

    /**
     * A decision on an application, with its reason. Rejecting and withdrawing need a reason and undo what the
     * application started ({@link ApplicationEnding}): pending orders and fee notices cancelled, coverage reversed.
     * Closing needs the obligation fully covered, or a county override with a reason. Every decision is recorded.
     */
    public Decided act(Actor actor, long id, OutflowStatus.Action action, String reason, boolean override) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > OutflowDecision.MAX_REASON) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "reason",
                    "理由不超过 " + OutflowDecision.MAX_REASON + " 字",
                    "the reason has at most " + OutflowDecision.MAX_REASON + " characters");
        }
        if (action.endsWithoutImplementation() && why == null) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, "reason",
                    "驳回或撤回须说明理由", "a rejection or withdrawal needs a reason");
        }
        if (action == OutflowStatus.Action.APPROVE && why == null) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, "reason",
                    "批准须填写审批意见", "an approval needs its opinion (审批意见)");
        }
        // what awaits payment is locked before the application, as a confirmation locks it
        ApplicationEnding.Pending pending = action.endsWithoutImplementation() ? ending.lockPending(id) : null;
        OutflowApplication app = lockVisible(actor, id);
        requireMayAct(actor, app, action);
        OutflowStatus.Transition step = app.status().transition(action);
        OutflowStatus next = step.to();
        // decisions on the application follow the rules governing its plan year; declaring, today's windows
        CountyRules county = rules.forYear(app.countyId(), app.planYear());
        if (action == OutflowStatus.Action.DECLARE) {
            refuseBreaches(app.category(), app.landClassAfter(), app.site());
            CountyRules today = rules.find(app.countyId()).orElse(CountyRules.defaults());
            if (!today.declarationOpenOn(LocalDate.now(clock))) {
                throw new DomainException(ErrorCode.OUTFLOW_OUTSIDE_DECLARATION_WINDOW,
                        "本县的申报时段为 " + today.declarationWindows().stream().map(w -> w.fromText() + " 至 " + w.toText())
                                .collect(java.util.stream.Collectors.joining("、")),
                        "declarations are open " + today.declarationWindows().stream()
                                .map(w -> w.fromText() + "~" + w.toText()).toList());
            }
        }
        if (action == OutflowStatus.Action.APPROVE && county.sequencing() == Sequencing.INFLOW_FIRST) {
            Obligation obligation = obligation(app);
            if (!obligation.fullyCovered()) {
                throw new DomainException(ErrorCode.OBLIGATION_NOT_COVERED,
                        "先进后出：平衡责任 " + Units.areaZh(obligation.requiredM2()) + "，尚有 "
                                + Units.areaZh(obligation.remainingM2()) + " 未落实，落实后方可批准",
                        "inflow first: " + obligation.remainingM2() + " m² of " + obligation.requiredM2()
                                + " m² still uncovered");
            }
        }
        if (action == OutflowStatus.Action.DECLARE || action == OutflowStatus.Action.APPROVE) {
            survey.atDecision(actor, app, action);
        }
        boolean overridden = false;
        if (action == OutflowStatus.Action.CLOSE) {
            Obligation obligation = obligation(app);
            if (!obligation.fullyCovered()) {
                if (!override || why == null) {
                    throw DomainException.field(ErrorCode.OBLIGATION_NOT_FULLY_COVERED, override ? "reason" : "override",
                            "尚有 " + Units.m2ToHectares(obligation.remainingM2()) + " 公顷未落实；县级须注明理由方可强制办结",
                            obligation.remainingM2()
                                    + " m² are not covered: the county may close it only as an override with a reason");
                }
                overridden = true;
            }
        }
        Reversal reversal = pending == null ? Reversal.NONE : ending.undo(app, pending, county.feeOnReversal());
        applications.saveTransition(id, step);
        applications.recordDecision(new OutflowDecision(0, id, action, app.status(), next, why, overridden,
                actor.userId(), clock.instant()));
        return new Decided(app.withStatus(next), reversal);
    }

    /**
     * What rejecting or withdrawing the application now would do, as the county rules say today: what awaits payment
     * (cancelled) and what its coverage reversal undoes. Nothing is locked or changed.
     */
    public record EndingPreview(OutflowApplication application, ApplicationEnding.Pending pending, Reversal reversal,
                                cn.landbalance.settlement.rules.FeeOnReversal feeOnReversal) {
    }

    public EndingPreview endingPreview(Actor actor, long id) {
        OutflowApplication app = get(actor, id);
        cn.landbalance.settlement.rules.FeeOnReversal rule = rules.forYear(app.countyId(), app.planYear()).feeOnReversal();
        return new EndingPreview(app, ending.pending(app), ending.preview(app, rule), rule);
    }

    /** The decisions taken on the application, oldest first. */
    public List<OutflowDecision> decisions(Actor actor, long id) {
        return applications.decisions(get(actor, id).id());
    }

    /**
     * What a fee notice for {@code areaM2} of the application asks: the applicant (or the county for it) may ask for the
     * fee of area neither covered nor spoken for by a pending order or an open fee notice. Returns the application
     * (row-locked) and the fee's exact amount.
     */
    public FeeQuote quoteFee(Actor actor, long id, long areaM2) {
        OutflowApplication app = lockVisible(actor, id);
        requirePayer(actor, app);
        requireRoom(app, areaM2);
        CountyRules county = rules.forYear(app.countyId(), app.planYear());
        return new FeeQuote(app, Units.amountFen(areaM2, county.feePerMuFen()));
    }

    /** An application and the fee for an area of it. */
    public record FeeQuote(OutflowApplication application, long amountFen) {
    }

    /**
     * Covers the area of a confirmed fee notice: the money is booked into the home township's fund on the day the bank
     * credited it, and the fee's duty to restore that area is the township's. The notice's open area was kept free, so
     * this cannot over-cover; an application rejected or closed meanwhile takes nothing (the money is to be refunded).
     */
    public FeePayment settleFee(long applicationId, long areaM2, long amountFen, String bankSerial, java.time.LocalDate receivedOn,
                                String noticeCode) {
        OutflowApplication app = applications.lock(applicationId).orElseThrow();
        if (!app.status().coverable()) {
            throw notCoverable(app).exception();
        }
        references.claimOrRefuse(bankSerial, PaymentReferences.Kind.FEE, applicationId, "bankSerial");
        Transfer transfer = money.receive(app.countyId(), app.townshipId(), amountFen, TransferKind.FEE, bankSerial,
                "fee for outflow application " + applicationId + ", notice " + noticeCode, receivedOn);
        applications.cover(app, Coverage.fee(areaM2, bankSerial, app.townshipId(), amountFen));
        return fees.insertFeePayment(app, new FeePayment(0, applicationId, areaM2, amountFen, bankSerial, app.townshipId(),
                transfer.id(), app.townshipId(), null));
    }

    /** Why a fee for the application cannot be settled now (it takes no more coverage), if so. */
    public java.util.Optional<cn.landbalance.settlement.payment.Refusal> refusal(long applicationId) {
        return applications.find(applicationId).filter(a -> !a.status().coverable())
                .map(OutflowService::notCoverable);
    }

    private static cn.landbalance.settlement.payment.Refusal notCoverable(OutflowApplication app) {
        return new cn.landbalance.settlement.payment.Refusal(ErrorCode.APPLICATION_NOT_COVERABLE, null,
                "耕地转出申请" + app.status().label() + "，不能再落实平衡，须退款",
                "the application is " + app.status() + ", refund the money");
    }

    /**
     * Covers part of the obligation with the applicant's own indicators (a township's own lots, or the lots an
     * enterprise restored itself): reserved and consumed at once.
     */
    public Coverage selfRestore(Actor actor, long id, long lotId, long areaM2) {
        OutflowApplication app = lockVisible(actor, id);
        requirePayer(actor, app);
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
        Hold hold = indicators.reserve(lotId, areaM2, "outflow:" + id + ":self");
        indicators.consume(hold.id(), areaM2);
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

    public OutflowApplication get(Actor actor, long id) {
        return applications.find(id).filter(a -> visible(actor, a))
                .orElseThrow(() -> new DomainException(ErrorCode.OUTFLOW_APPLICATION_NOT_FOUND,
                        "耕地转出申请 " + id, "outflow application " + id));
    }

    public Obligation obligation(OutflowApplication app) {
        return Obligation.of(app.requiredM2(), applications.coverages(app.id()));
    }

    /** One page of the applications an actor may see (newest first) and how many there are in all. */
    public record ApplicationList(List<OutflowApplication> applications, long total) {
    }

    public ApplicationList list(Actor actor, Long townshipId, Long applicantOrgId, OutflowStatus status, int page, int size) {
        if (actor.role() == Role.TOWNSHIP_OFFICER && townshipId != null && townshipId != actor.regionId()) {
            return new ApplicationList(List.of(), 0);
        }
        OutflowApplications.Selection selection = switch (actor.role()) {
            case ENTERPRISE -> new OutflowApplications.Selection(actor.countyId(), townshipId, actor.orgId(), status);
            case TOWNSHIP_OFFICER -> new OutflowApplications.Selection(actor.countyId(), actor.regionId(), applicantOrgId, status);
            case COUNTY_ADMIN, COUNTY_VIEWER -> new OutflowApplications.Selection(actor.countyId(), townshipId, applicantOrgId, status);
        };
        return new ApplicationList(applications.list(selection, Math.multiplyExact(page, size), size),
                applications.count(selection));
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
        long open = obligation(app).remainingM2() - notices.pendingAreaFor(app.id());
        if (areaM2 > open) {
            throw DomainException.field(ErrorCode.OBLIGATION_OVER_COVERED, "areaM2",
                    "尚需落实且不在待缴订单或缴款通知书中的面积为 " + Math.max(0, open) + " 平方米",
                    Math.max(0, open) + " m² remain neither covered nor in a pending order or payment notice; " + areaM2
                            + " m² asked");
        }
    }

    static void refuseBreaches(OutflowCategory category, String landClassAfter, OutflowSite site) {
        DomainException refused = DomainException.firstOf(OutflowRules.refusals(category, landClassAfter, site));
        if (refused != null) {
            throw refused;
        }
    }

    /**
     * A township government converts land only in its own township: its outflow is balanced from its own lots and its
     * fee goes to its own fund, so declaring it elsewhere would move another township's obligation onto it. Enterprises
     * and other applicants may convert land anywhere in their county.
     */
    static void requireOwnTownship(Organization applicant, Region township) {
        if (applicant.kind() == OrgKind.TOWNSHIP && applicant.regionId() != township.id()) {
            throw DomainException.field(ErrorCode.OUTFLOW_OUTSIDE_OWN_TOWNSHIP, "townshipId",
                    "申请单位是行政区 " + applicant.regionId() + " 的政府，不能在乡镇 " + township.id() + " 申报",
                    "the applicant is the government of region " + applicant.regionId() + ", not of township "
                            + township.id());
        }
    }

    private long applicantFor(Actor actor, Long requested) {
        if (actor.role() == Role.COUNTY_ADMIN && requested != null) {
            return organizations.findById(requested).filter(o -> actor.inCounty(o.countyId())).map(Organization::id)
                    .orElseThrow(() -> DomainException.field(ErrorCode.ORGANIZATION_NOT_FOUND, "applicantOrgId",
                            "单位 " + requested, "organization " + requested));
        }
        if (requested != null && requested != actor.orgId()) {
            throw DomainException.field(ErrorCode.ORGANIZATION_NOT_FOUND, "applicantOrgId",
                    "单位 " + requested, "organization " + requested);
        }
        if (actor.role() == Role.COUNTY_VIEWER) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        return actor.orgId();
    }

    private void requireMayAct(Actor actor, OutflowApplication app, OutflowStatus.Action action) {
        boolean allowed = switch (action) {
            case DECLARE -> actor.orgId() == app.applicantOrgId() || actor.role() == Role.COUNTY_ADMIN;
            case REVIEW -> (actor.role() == Role.TOWNSHIP_OFFICER && actor.regionId() == app.townshipId())
                    || actor.role() == Role.COUNTY_ADMIN;
            case APPROVE, IMPLEMENT, CLOSE -> actor.role() == Role.COUNTY_ADMIN;
            case REJECT -> actor.role() == Role.COUNTY_ADMIN
                    || (actor.role() == Role.TOWNSHIP_OFFICER && actor.regionId() == app.townshipId()
                    && app.status() == OutflowStatus.DECLARED);
            // the applicant takes back its own application; the county may withdraw any
            case WITHDRAW -> actor.orgId() == app.applicantOrgId() || actor.role() == Role.COUNTY_ADMIN;
        };
        if (!allowed) {
            throw new DomainException(ErrorCode.FORBIDDEN,
                    "您的角色不能" + action.label() + "该申请", "your role may not " + action + " this application");
        }
    }

    private void requirePayer(Actor actor, OutflowApplication app) {
        if (actor.orgId() != app.applicantOrgId() && actor.role() != Role.COUNTY_ADMIN) {
            throw new DomainException(ErrorCode.FORBIDDEN,
                    "只有申请主体可以落实其平衡责任", "only the applicant covers its obligation");
        }
    }

    private OutflowApplication lockVisible(Actor actor, long id) {
        return applications.lock(id).filter(a -> visible(actor, a))
                .orElseThrow(() -> new DomainException(ErrorCode.OUTFLOW_APPLICATION_NOT_FOUND,
                        "耕地转出申请 " + id, "outflow application " + id));
    }

    private static boolean visible(Actor actor, OutflowApplication app) {
        return switch (actor.role()) {
            case ENTERPRISE -> actor.orgId() == app.applicantOrgId();
            case TOWNSHIP_OFFICER -> actor.regionId() == app.townshipId() || actor.orgId() == app.applicantOrgId();
            case COUNTY_ADMIN, COUNTY_VIEWER -> actor.inCounty(app.countyId());
        };
    }
}
