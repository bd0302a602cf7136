package cn.landbalance.settlement.spatial;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Role;
import cn.landbalance.settlement.inflow.InflowProject;
import cn.landbalance.settlement.inflow.InflowService;
import cn.landbalance.settlement.inflow.InflowStatus;
import cn.landbalance.settlement.outflow.OutflowApplication;
import cn.landbalance.settlement.outflow.OutflowService;
import cn.landbalance.settlement.outflow.OutflowStatus;

/**
 * Whose parcels these are and who may change them: an outflow application's belong to its applicant (or the county)
 * until it is approved; an inflow project's to its township (or the county) until it is accepted. Reading follows who
 * may see the application or project.
 */
public class ParcelTargets {
    private final OutflowService outflow;
    private final InflowService inflow;

    public ParcelTargets(OutflowService outflow, InflowService inflow) {
        this.outflow = outflow;
        this.inflow = inflow;
    }

    /** What parcels belong to and are checked as: the county, the subject, the declared area, the rules that apply. */
    public record Target(long countyId, SpatialStore.Subject subject, long declaredAreaM2, ParcelCheck.Purpose purpose,
                         boolean supplementPlan) {
    }

    /** An outflow application's parcels, to read ({@code write} false) or to put. */
    public Target outflow(Actor actor, long id, boolean write) {
        OutflowApplication app = outflow.get(actor, id);
        if (write && actor.orgId() != app.applicantOrgId() && actor.role() != Role.COUNTY_ADMIN) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        if (write && app.status() != OutflowStatus.DRAFT && app.status() != OutflowStatus.DECLARED
                && app.status() != OutflowStatus.TOWNSHIP_REVIEWED) {
            throw new DomainException(ErrorCode.ILLEGAL_TRANSITION, "耕地转出申请" + app.status().label() + "，地块不能再修改",
                    "the application is " + app.status() + ": its parcels can no longer change");
        }
        return new Target(app.countyId(), SpatialStore.Subject.outflow(id), app.areaM2(), ParcelCheck.Purpose.OUTFLOW,
                app.site().supplementPlan());
    }

    /** An inflow project's parcels, to read ({@code write} false) or to put. */
    public Target inflow(Actor actor, long id, boolean write) {
        InflowProject project = inflow.get(actor, id);
        if (write && actor.role() != Role.TOWNSHIP_OFFICER && actor.role() != Role.COUNTY_ADMIN) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        if (write && project.status() != InflowStatus.DRAFT && project.status() != InflowStatus.SUBMITTED) {
            throw new DomainException(ErrorCode.ILLEGAL_TRANSITION, "耕地转进项目" + project.status().label() + "，地块不能再修改",
                    "the project is " + project.status() + ": its parcels can no longer change");
        }
        return new Target(project.countyId(), SpatialStore.Subject.inflow(id), project.slopes().totalM2(),
                ParcelCheck.Purpose.INFLOW, false);
    }
}
