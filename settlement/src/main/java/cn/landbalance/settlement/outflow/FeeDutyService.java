package cn.landbalance.settlement.outflow;

import cn.landbalance.settlement.plan.AnnualPlan;
import cn.landbalance.settlement.plan.AnnualPlans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The fee duties of a county or township, each with the fee-land deadline of its plan year. */
public class FeeDutyService {
    private final FeeDuties duties;
    private final AnnualPlans plans;
    private final Clock clock;

    public FeeDutyService(FeeDuties duties, AnnualPlans plans, Clock clock) {
        this.duties = duties;
        this.plans = plans;
        this.clock = clock;
    }

    /** The duties, each due by its plan year's fee-land deadline (the plan's, or the policy calendar's default). */
    public List<FeeDuty> of(long countyId, Long townshipId) {
        Map<Integer, LocalDate> due = new HashMap<>();
        return duties.of(countyId, townshipId).stream().map(h -> new FeeDuty(h.feePaymentId(), h.applicationId(),
                h.planYear(), h.dutyTownshipId(), h.paymentReference(), h.amountFen(), h.areaM2(), h.deliveredM2(),
                h.refunded(), due.computeIfAbsent(h.planYear(), y -> plans.find(countyId, y).map(AnnualPlan::deadlines)
                        .orElse(AnnualPlan.Deadlines.defaults(y)).feeDeliveryDue()),
                h.lastDeliveredAt() == null ? null : LocalDate.ofInstant(h.lastDeliveredAt(), clock.getZone()))).toList();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
