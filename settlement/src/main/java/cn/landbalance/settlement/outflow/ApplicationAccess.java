package cn.landbalance.settlement.outflow;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Organization;
import cn.landbalance.settlement.identity.Organizations;
import cn.landbalance.settlement.identity.Role;

/**
 * Who sees an outflow application and who may act on it: the applicant, its township's officers and its county. An
 * application the actor may not see is reported as not found.
 */
final class ApplicationAccess {
    private final OutflowApplications applications;
    private final Organizations organizations;

    ApplicationAccess(OutflowApplications applications, Organizations organizations) {
        this.applications = applications;
        this.organizations = organizations;
    }

    OutflowApplication get(Actor actor, long id) {
        return applications.find(id).filter(a -> visible(actor, a))
                .orElseThrow(() -> new DomainException(ErrorCode.OUTFLOW_APPLICATION_NOT_FOUND,
                        "耕地转出申请 " + id, "outflow application " + id));
    }

    OutflowApplication lockVisible(Actor actor, long id) {
        return applications.lock(id).filter(a -> visible(actor, a))
                .orElseThrow(() -> new DomainException(ErrorCode.OUTFLOW_APPLICATION_NOT_FOUND,
                        "耕地转出申请 " + id, "outflow application " + id));
    }

    Obligation obligation(OutflowApplication app) {
        return Obligation.of(app.requiredM2(), applications.coverages(app.id()));
    }

    long applicantFor(Actor actor, Long requested) {
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

    static void requireMayAct(Actor actor, OutflowApplication app, OutflowStatus.Action action) {
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

    static void requirePayer(Actor actor, OutflowApplication app) {
        if (actor.orgId() != app.applicantOrgId() && actor.role() != Role.COUNTY_ADMIN) {
            throw new DomainException(ErrorCode.FORBIDDEN,
                    "只有申请主体可以落实其平衡责任", "only the applicant covers its obligation");
        }
    }

    private static boolean visible(Actor actor, OutflowApplication app) {
        return switch (actor.role()) {
            case ENTERPRISE -> actor.orgId() == app.applicantOrgId();
            case TOWNSHIP_OFFICER -> actor.regionId() == app.townshipId() || actor.orgId() == app.applicantOrgId();
            case COUNTY_ADMIN, COUNTY_VIEWER -> actor.inCounty(app.countyId());
        };
    }
}
