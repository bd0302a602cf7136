package cn.landbalance.settlement.violation;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.outflow.OutflowApplication;
import cn.landbalance.settlement.outflow.OutflowService;
import cn.landbalance.settlement.outflow.OutflowStatus;

/**
 * The county records that an approved outflow was carried out. Converting more than was approved is itself a
 * violation (擅自超出方案, seed 001 五3): a case for the excess opens by itself.
 */
public class OutflowImplementation {
    /** The application after implementation, and the case opened for the excess (or null). */
    public record Result(OutflowApplication application, ViolationCase excessCase) {
    }

    private final OutflowService outflow;
    private final ViolationService violations;

    public OutflowImplementation(OutflowService outflow, ViolationService violations) {
        this.outflow = outflow;
        this.violations = violations;
    }

    public Result implement(Actor actor, long applicationId, Long implementedAreaM2) {
        OutflowApplication app = outflow.act(actor, applicationId, OutflowStatus.Action.IMPLEMENT);
        if (implementedAreaM2 == null || implementedAreaM2 <= app.areaM2()) {
            if (implementedAreaM2 != null && implementedAreaM2 <= 0) {
                throw DomainException.field(ErrorCode.VALIDATION_FAILED, "implementedAreaM2",
                        "实施面积须为正数", "must be positive");
            }
            return new Result(app, null);
        }
        long excess = implementedAreaM2 - app.areaM2();
        ViolationCase opened = violations.open(actor, app.townshipId(), excess, "超方案-" + app.id(),
                "耕地转出申请 " + app.id() + " 实施面积 " + implementedAreaM2 + " 平方米，超出批准面积 " + app.areaM2() + " 平方米",
                app.id());
        return new Result(app, opened);
    }
}
