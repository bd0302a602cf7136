package cn.landbalance.api.outflow;

import cn.landbalance.api.identity.Names;
import cn.landbalance.api.outflow.OutflowController.DecisionView;
import cn.landbalance.api.outflow.OutflowController.GiveBackView;
import cn.landbalance.api.outflow.OutflowController.KeptFeeView;
import cn.landbalance.api.outflow.OutflowController.ObligationView;
import cn.landbalance.api.outflow.OutflowController.OutflowView;
import cn.landbalance.api.outflow.OutflowController.PendingNoticeView;
import cn.landbalance.api.outflow.OutflowController.PendingOrderView;
import cn.landbalance.api.outflow.OutflowController.RefundView;
import cn.landbalance.api.outflow.OutflowController.ReversalView;
import cn.landbalance.api.outflow.OutflowController.Slopes;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.settlement.outflow.ApplicationEnding;
import cn.landbalance.settlement.outflow.Coverage;
import cn.landbalance.settlement.outflow.OutflowApplication;
import cn.landbalance.settlement.outflow.OutflowDecision;
import cn.landbalance.settlement.outflow.OutflowService;
import cn.landbalance.settlement.outflow.OutflowStatus;
import cn.landbalance.settlement.outflow.Reversal;
import cn.landbalance.settlement.rules.FeeOnReversal;

import java.time.Clock;

/**
 * The outflow endpoints' answers: an application with its obligation, a decision with who took it, and what ending an
 * application would undo, with the townships named.
 */
final class OutflowViews {
    private final OutflowService outflow;
    private final Names names;
    private final Clock clock;

    OutflowViews(OutflowService outflow, Names names, Clock clock) {
        this.outflow = outflow;
        this.names = names;
        this.clock = clock;
    }

    OutflowView view(OutflowApplication a) {
        return new OutflowView(a.id(), a.countyId(), a.townshipId(), a.applicantOrgId(), a.category(), a.landClassAfter(),
                a.areaM2(), Units.m2ToHectares(a.areaM2()), a.qualityGrade(), a.paddy(), a.planYear(), a.status(),
                ObligationView.of(outflow.obligation(a)), Slopes.of(a.slopes()), a.ownership());
    }

    DecisionView decision(OutflowDecision d) {
        return new DecisionView(d.id(), d.action(), d.from(), d.to(), d.reason(), d.override(),
                d.userId() == null ? null : names.username(d.userId()),
                d.decidedAt().atZone(clock.getZone()).toOffsetDateTime());
    }

    /** The action a path names ({@code /{id}/declare} ...); NOT_FOUND for any other. */
    static OutflowStatus.Action action(String action) {
        return switch (action) {
            case "declare" -> OutflowStatus.Action.DECLARE;
            case "review" -> OutflowStatus.Action.REVIEW;
            case "approve" -> OutflowStatus.Action.APPROVE;
            case "implement" -> OutflowStatus.Action.IMPLEMENT;
            case "close" -> OutflowStatus.Action.CLOSE;
            case "reject" -> OutflowStatus.Action.REJECT;
            case "withdraw" -> OutflowStatus.Action.WITHDRAW;
            default -> throw new DomainException(ErrorCode.NOT_FOUND, "没有“" + action + "”这一操作", "no action " + action);
        };
    }

    ReversalView reversal(OutflowService.EndingPreview preview) {
        OutflowApplication app = preview.application();
        Reversal r = preview.reversal();
        ApplicationEnding.Pending pending = preview.pending();
        FeeOnReversal rule = preview.feeOnReversal();
        return new ReversalView(app.id(), app.status(), app.status().allowed().contains(OutflowStatus.Action.REJECT)
                || app.status().allowed().contains(OutflowStatus.Action.WITHDRAW), rule,
                pending.orders().stream().map(o -> new PendingOrderView(o.id(), o.areaM2(), Units.m2ToHectares(o.areaM2()),
                        o.amountFen(), Units.fenToYuan(o.amountFen()))).toList(),
                pending.feeNotices().stream().map(n -> new PendingNoticeView(n.id(), n.remittanceCode(), n.areaM2(),
                        n.amountFen(), Units.fenToYuan(n.amountFen()))).toList(),
                r.coverages().stream().mapToLong(Coverage::areaM2).sum(),
                Units.m2ToHectares(r.coverages().stream().mapToLong(Coverage::areaM2).sum()),
                r.giveBacks().stream().map(g -> new GiveBackView(g.lotId(), g.townshipId(), names.regionName(g.townshipId()),
                        g.areaM2(), Units.m2ToHectares(g.areaM2()))).toList(),
                r.refunds().stream().map(f -> new RefundView(f.feePaymentId() != null ? "FEE" : "PURCHASE", f.townshipId(),
                        names.regionName(f.townshipId()), f.amountFen(), Units.fenToYuan(f.amountFen()),
                        f.paymentReference())).toList(),
                r.refundedFen(), Units.fenToYuan(r.refundedFen()),
                r.feesKept().stream().map(f -> new KeptFeeView(f.id(), f.dutyTownshipId(), names.regionName(f.dutyTownshipId()),
                        f.amountFen(), Units.fenToYuan(f.amountFen()), f.areaM2())).toList(),
                r.keptFen(), Units.fenToYuan(r.keptFen()));
    }
}
