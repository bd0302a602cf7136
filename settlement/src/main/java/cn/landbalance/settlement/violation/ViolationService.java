package cn.landbalance.settlement.violation;

import cn.landbalance.ledger.common.AreaM2;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.indicator.IndicatorLedger;
import cn.landbalance.ledger.indicator.IndicatorQueries;
import cn.landbalance.ledger.indicator.IndicatorStore;
import cn.landbalance.ledger.money.MoneyLedger;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Role;
import cn.landbalance.settlement.market.ListedArea;
import cn.landbalance.settlement.rules.CountyRulesStore;

import java.time.Clock;
import java.util.List;

/**
 * Violation cases (DOMAIN.md §8; seeds 001 六, 004 三(五)): the county freezes the township's available
 * indicators for the area; when the township is short, the county reserve and then the city reserve lend the
 * shortfall (recorded as owed). Restoring the land (拆除复垦) unfreezes, borrowed area first; legalising
 * (补办用地手续) deducts what is still frozen. Every step is a two-phase ledger movement.
 */
public class ViolationService {
    private final IndicatorLedger ledger;
    private final Violations violations;
    private final Clock clock;
    private final CaseRepayment repayment;
    private final CaseOpening opening;

    public ViolationService(Regions regions, IndicatorLedger ledger, IndicatorQueries lots, IndicatorStore lotStore,
                            Violations violations, MoneyLedger money, CountyRulesStore rules, ListedArea listed,
                            Clock clock) {
        this.ledger = ledger;
        this.violations = violations;
        this.clock = clock;
        this.repayment = new CaseRepayment(ledger, lots, lotStore, violations, money, rules, listed, clock);
        this.opening = new CaseOpening(regions, ledger, lots, violations, listed);
    }

    /**
     * The township gives the lender equal indicators for area it borrowed and cannot return: {@code areaM2} of its own
     * lot (no worse than what was borrowed) is consumed, and the lender receives a new lot of that area and grade.
     */
    public ViolationCase repayWithIndicators(Actor actor, long caseId, long lotId, long areaM2) {
        requireAdmin(actor);
        return repayment.withIndicators(actor, caseId, lotId, areaM2);
    }

    /** The township pays the lender the guide price for {@code areaM2} it borrowed and cannot return. */
    public ViolationCase repayWithMoney(Actor actor, long caseId, long areaM2) {
        requireAdmin(actor);
        return repayment.withMoney(actor, caseId, areaM2);
    }

    /**
     * Opens a case: the township's available indicators for the area are frozen, then the county reserve's and the
     * city reserve's (borrowed); what none of them has is left unsecured.
     */
    public ViolationCase open(Actor actor, long townshipId, long areaM2, String caseNo, String description,
                              Long outflowApplicationId) {
        requireAdmin(actor);
        return opening.open(actor, townshipId, areaM2, caseNo, description, outflowApplicationId);
    }

    /**
     * 拆除复垦 of {@code areaM2} ({@link ViolationCase#restorePlan}): unfrozen borrowed-first, the reason recorded; the
     * case ends when nothing is left frozen or unsecured.
     */
    public ViolationCase restore(Actor actor, long caseId, long areaM2, String reason) {
        requireAdmin(actor);
        ViolationCase c = lockOpen(actor, caseId);
        String why = reason(reason, false);
        List<ViolationCase.Part> parts = c.restorePlan(areaM2);
        for (ViolationCase.Part part : parts) {
            ledger.unfreeze(part.freeze().holdId(), AreaM2.of(part.areaM2()));
            violations.recordUnfreeze(part.freeze().id(), AreaM2.of(part.areaM2()));
        }
        violations.recordDecision(c, ViolationDecision.Kind.RESTORE, AreaM2.of(areaM2), why, actor.userId(), clock.instant());
        ViolationCase after = violations.find(caseId).orElseThrow();
        if (c.resolvedBy(parts)) {
            ViolationCase resolved = after.after(ViolationCase.Action.RESOLVE);
            violations.saveTransition(resolved, ViolationCase.Action.RESOLVE);
            return resolved;
        }
        return after;
    }

    /**
     * 补办用地手续 ({@link ViolationCase#legalizePlan}): what is still frozen is deducted for good, with the reason it is
     * given (required: the deduction cannot be undone); borrowed area stays owed to the lender.
     */
    public ViolationCase legalize(Actor actor, long caseId, String reason) {
        requireAdmin(actor);
        ViolationCase c = lockOpen(actor, caseId);
        String why = reason(reason, true);
        List<ViolationCase.Part> parts = c.legalizePlan();
        for (ViolationCase.Part part : parts) {
            ledger.deduct(part.freeze().holdId(), AreaM2.of(part.areaM2()));
            violations.recordDeduct(part.freeze().id(), AreaM2.of(part.areaM2()));
        }
        violations.recordDecision(c, ViolationDecision.Kind.LEGALIZE, AreaM2.of(parts.stream().mapToLong(ViolationCase.Part::areaM2).sum()),
                why, actor.userId(), clock.instant());
        ViolationCase resolved = violations.find(caseId).orElseThrow().after(ViolationCase.Action.RESOLVE);
        violations.saveTransition(resolved, ViolationCase.Action.RESOLVE);
        return resolved;
    }

    /** What restoring {@code areaM2} would unfreeze, lot by lot, and whether it would end the case; nothing is changed. */
    public Preview previewRestore(Actor actor, long caseId, long areaM2) {
        ViolationCase c = get(actor, caseId);
        List<ViolationCase.Part> parts = c.restorePlan(areaM2);
        return new Preview(c, parts, c.resolvedBy(parts), true);
    }

    /** What legalising would deduct, lot by lot (the case then ends); nothing is changed. */
    public Preview previewLegalize(Actor actor, long caseId) {
        ViolationCase c = get(actor, caseId);
        return new Preview(c, c.legalizePlan(), true, false);
    }

    /** A step's effect before it is taken: the parts it would unfreeze or deduct and whether the case would end. */
    public record Preview(ViolationCase violation, List<ViolationCase.Part> parts, boolean resolves, boolean restores) {
        public long areaM2() {
            return parts.stream().mapToLong(ViolationCase.Part::areaM2).sum();
        }

        /** What stays frozen after the step. */
        public long stillFrozenAfterM2() {
            return violation.frozenM2() - areaM2();
        }

        /** What the township still owes the reserves after the step: restoring gives borrowed area back, deducting does not. */
        public long owedAfterM2() {
            long givenBack = restores
                    ? parts.stream().filter(p -> p.freeze().borrowed()).mapToLong(ViolationCase.Part::areaM2).sum() : 0;
            return Math.max(0, violation.owedM2() - givenBack);
        }
    }

    public List<ViolationDecision> decisions(Actor actor, long caseId) {
        return violations.decisions(get(actor, caseId).id());
    }

    /** A decision's reason: required for both (restoring unfreezes, legalising deducts for good), at most the limit. */
    private static String reason(String reason, boolean legalising) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why == null && legalising) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, "reason",
                    "补办手续将扣减冻结的指标且不可撤销，须说明理由（如批准文号）",
                    "legalising deducts the frozen indicators for good: give the reason (e.g. the approval's number)");
        }
        if (why == null) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, "reason",
                    "拆除复垦解冻指标须说明依据（如整改验收文号）",
                    "restoring unfreezes indicators: give the reason (e.g. the number of the rectification's acceptance)");
        }
        if (why != null && why.length() > ViolationDecision.MAX_REASON) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "reason",
                    "理由不超过 " + ViolationDecision.MAX_REASON + " 字",
                    "the reason has at most " + ViolationDecision.MAX_REASON + " characters");
        }
        return why;
    }

    public ViolationCase get(Actor actor, long caseId) {
        return violations.find(caseId).filter(c -> visible(actor, c))
                .orElseThrow(() -> new DomainException(ErrorCode.VIOLATION_NOT_FOUND,
                        "违法用地案件 " + caseId, "case " + caseId));
    }

    /** One page of the cases an actor may see (newest first) and how many there are in all. */
    public record CaseList(List<ViolationCase> cases, long total) {
    }

    /** A township officer sees its township's cases, county roles the county's (narrowed by township, status, number). */
    public CaseList list(Actor actor, Long townshipId, ViolationCase.Status status, String caseNo, int page, int size) {
        Violations.Selection selection;
        if (actor.role() == Role.TOWNSHIP_OFFICER) {
            if (townshipId != null && townshipId != actor.regionId()) {
                return new CaseList(List.of(), 0);
            }
            selection = new Violations.Selection(actor.countyId(), actor.regionId(), status, caseNo);
        } else if (actor.isCountyRole()) {
            selection = new Violations.Selection(actor.countyId(), townshipId, status, caseNo);
        } else {
            return new CaseList(List.of(), 0);
        }
        return new CaseList(violations.list(selection, Math.multiplyExact((long) page, size), size), violations.count(selection));
    }

    private ViolationCase lockOpen(Actor actor, long caseId) {
        ViolationCase c = violations.lock(caseId).filter(v -> visible(actor, v))
                .orElseThrow(() -> new DomainException(ErrorCode.VIOLATION_NOT_FOUND,
                        "违法用地案件 " + caseId, "case " + caseId));
        if (c.status() != ViolationCase.Status.OPEN) {
            throw new DomainException(ErrorCode.CASE_CLOSED,
                    "案件 " + c.caseNo() + " 已办结", "case " + c.caseNo() + " is " + c.status());
        }
        return c;
    }

    static boolean visible(Actor actor, ViolationCase c) {
        if (actor.role() == Role.TOWNSHIP_OFFICER) {
            return actor.regionId() == c.townshipId();
        }
        return actor.isCountyRole() && actor.inCounty(c.countyId());
    }

    private static void requireAdmin(Actor actor) {
        if (actor.role() != Role.COUNTY_ADMIN) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
    }
}
