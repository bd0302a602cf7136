package cn.landbalance.settlement.outflow;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.indicator.IndicatorLedger;
import cn.landbalance.ledger.indicator.IndicatorStore;
import cn.landbalance.ledger.indicator.QualityGrades;
import cn.landbalance.ledger.money.MoneyLedger;
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
    private final ApplicationEnding ending;
    private final Clock clock;

    private final ApplicationAccess access;
    private final ApplicationDecider decider;
    private final ApplicationCovering covering;

    public OutflowService(Regions regions, Organizations organizations, CountyRulesStore rules,
                          OutflowApplications applications, FeePayments fees, IndicatorLedger indicators, IndicatorStore lots,
                          MoneyLedger money, ListedArea listed, PaymentReferences references, PaymentNotices notices,
                          ApplicationEnding ending, SiteSurvey survey, Clock clock) {
        this.ending = ending;
        this.regions = regions;
        this.organizations = organizations;
        this.rules = rules;
        this.applications = applications;
        this.clock = clock;
        this.access = new ApplicationAccess(applications, organizations);
        this.decider = new ApplicationDecider(access, rules, applications, ending, survey, clock);
        this.covering = new ApplicationCovering(access, organizations, rules, applications, fees, indicators, lots, money,
                listed, references, notices);
    }

    public OutflowApplication create(Actor actor, Draft draft) {
        Region township = regions.findById(draft.townshipId())
                .filter(r -> r.level() == RegionLevel.TOWNSHIP && actor.inCounty(r.countyId()))
                .orElseThrow(() -> DomainException.field(ErrorCode.TOWNSHIP_NOT_FOUND, "townshipId",
                        "乡镇 " + draft.townshipId(), "township " + draft.townshipId()));
        long applicant = access.applicantFor(actor, draft.applicantOrgId());
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
        return decider.act(actor, id, action, reason, override);
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
        return covering.quoteFee(actor, id, areaM2);
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
        return covering.settleFee(applicationId, areaM2, amountFen, bankSerial, receivedOn, noticeCode);
    }

    /** Why a fee for the application cannot be settled now (it takes no more coverage), if so. */
    public java.util.Optional<cn.landbalance.settlement.payment.Refusal> refusal(long applicationId) {
        return covering.refusal(applicationId);
    }

    /**
     * Covers part of the obligation with the applicant's own indicators (a township's own lots, or the lots an
     * enterprise restored itself): reserved and consumed at once.
     */
    public Coverage selfRestore(Actor actor, long id, long lotId, long areaM2) {
        return covering.selfRestore(actor, id, lotId, areaM2);
    }

    public OutflowApplication get(Actor actor, long id) {
        return access.get(actor, id);
    }

    public Obligation obligation(OutflowApplication app) {
        return access.obligation(app);
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
}
