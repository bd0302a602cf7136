package cn.landbalance.settlement.outflow;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.rules.CountyRules;
import cn.landbalance.settlement.rules.CountyRulesStore;
import cn.landbalance.settlement.rules.Sequencing;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The decisions on an outflow application (declaring, reviewing, approving, implementing, closing, rejecting,
 * withdrawing): each checked against the actor's role and the county rules, and recorded with its reason.
 */
final class ApplicationDecider {
    private final ApplicationAccess access;
    private final CountyRulesStore rules;
    private final OutflowApplications applications;
    private final ApplicationEnding ending;
    private final SiteSurvey survey;
    private final Clock clock;

    ApplicationDecider(ApplicationAccess access, CountyRulesStore rules, OutflowApplications applications,
                       ApplicationEnding ending, SiteSurvey survey, Clock clock) {
        this.access = access;
        this.rules = rules;
        this.applications = applications;
        this.ending = ending;
        this.survey = survey;
        this.clock = clock;
    }

    OutflowService.Decided act(Actor actor, long id, OutflowStatus.Action action, String reason, boolean override) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        requireReason(action, why);
        // what awaits payment is locked before the application, as a confirmation locks it
        ApplicationEnding.Pending pending = action.endsWithoutImplementation() ? ending.lockPending(id) : null;
        OutflowApplication app = access.lockVisible(actor, id);
        ApplicationAccess.requireMayAct(actor, app, action);
        OutflowStatus.Transition step = app.status().transition(action);
        OutflowStatus next = step.to();
        // decisions on the application follow the rules governing its plan year; declaring, today's windows
        CountyRules county = rules.forYear(app.countyId(), app.planYear());
        if (action == OutflowStatus.Action.DECLARE) {
            requireDeclarable(app);
        }
        if (action == OutflowStatus.Action.APPROVE && county.sequencing() == Sequencing.INFLOW_FIRST) {
            requireCoveredFirst(app);
        }
        if (action == OutflowStatus.Action.DECLARE || action == OutflowStatus.Action.APPROVE) {
            survey.atDecision(actor, app, action);
        }
        boolean overridden = action == OutflowStatus.Action.CLOSE && closesUncovered(app, override, why);
        Reversal reversal = pending == null ? Reversal.NONE : ending.undo(app, pending, county.feeOnReversal());
        applications.saveTransition(id, step);
        applications.recordDecision(new OutflowDecision(0, id, action, app.status(), next, why, overridden,
                actor.userId(), clock.instant()));
        return new OutflowService.Decided(app.withStatus(next), reversal);
    }

    private static void requireReason(OutflowStatus.Action action, String why) {
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
    }

    private void requireDeclarable(OutflowApplication app) {
        OutflowService.refuseBreaches(app.category(), app.landClassAfter(), app.site());
        CountyRules today = rules.find(app.countyId()).orElse(CountyRules.defaults());
        if (!today.declarationOpenOn(LocalDate.now(clock))) {
            throw new DomainException(ErrorCode.OUTFLOW_OUTSIDE_DECLARATION_WINDOW,
                    "本县的申报时段为 " + today.declarationWindows().stream().map(w -> w.fromText() + " 至 " + w.toText())
                            .collect(java.util.stream.Collectors.joining("、")),
                    "declarations are open " + today.declarationWindows().stream()
                            .map(w -> w.fromText() + "~" + w.toText()).toList());
        }
    }

    private void requireCoveredFirst(OutflowApplication app) {
        Obligation obligation = access.obligation(app);
        if (!obligation.fullyCovered()) {
            throw new DomainException(ErrorCode.OBLIGATION_NOT_COVERED,
                    "先进后出：平衡责任 " + Units.areaZh(obligation.requiredM2()) + "，尚有 "
                            + Units.areaZh(obligation.remainingM2()) + " 未落实，落实后方可批准",
                    "inflow first: " + obligation.remainingM2() + " m² of " + obligation.requiredM2()
                            + " m² still uncovered");
        }
    }

    /** Whether closing the application overrides an obligation not fully covered (refused without a county reason). */
    private boolean closesUncovered(OutflowApplication app, boolean override, String why) {
        Obligation obligation = access.obligation(app);
        if (obligation.fullyCovered()) {
            return false;
        }
        if (!override || why == null) {
            throw DomainException.field(ErrorCode.OBLIGATION_NOT_FULLY_COVERED, override ? "reason" : "override",
                    "尚有 " + Units.m2ToHectares(obligation.remainingM2()) + " 公顷未落实；县级须注明理由方可强制办结",
                    obligation.remainingM2()
                            + " m² are not covered: the county may close it only as an override with a reason");
        }
        return true;
    }
}
