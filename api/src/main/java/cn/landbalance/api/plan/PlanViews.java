package cn.landbalance.api.plan;

import cn.landbalance.api.plan.AnnualPlanController.PlanView;
import cn.landbalance.api.plan.AnnualPlanController.TownshipLine;
import cn.landbalance.settlement.outflow.YearBalance;
import cn.landbalance.settlement.plan.AnnualPlan;
import cn.landbalance.settlement.plan.AnnualPlanService;

import java.util.List;

/** An annual plan as the screen shows it: its steps, its totals, each township's balance and what is past due. */
final class PlanViews {
    private PlanViews() {
    }

    /** The plan, its townships' balances summed, and its overdue items. */
    static PlanView view(AnnualPlanService.View v) {
        AnnualPlan p = v.plan();
        List<TownshipLine> lines = v.townships().stream().map(b -> new TownshipLine(b.townshipId(), b.name(), b.inflowM2(),
                b.obligationM2(), b.coveredM2(), b.remainingM2(), b.feeOwedM2(), b.shortfallM2(), b.balanced())).toList();
        return new PlanView(p.countyId(), p.year(), p.status(), AnnualPlan.label(p.status()), p.stored(), p.deadlines(),
                p.submittedOn(), p.approvedOn(), p.approvalDocNo(), p.filedOn(), p.filingNo(), p.implementedOn(),
                p.acceptedOn(), v.townships().stream().mapToLong(YearBalance::inflowM2).sum(),
                v.townships().stream().mapToLong(YearBalance::obligationM2).sum(),
                v.townships().stream().mapToLong(YearBalance::shortfallM2).sum(),
                (int) v.townships().stream().filter(YearBalance::balanced).count(), lines,
                v.overdue().stream().map(WorklistItems::item).toList());
    }
}
