package cn.landbalance.settlement.identity;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

/**
 * Who may see what (DOMAIN.md §1): county roles their county, everyone else their own organisation.
 * What an actor may not see answers as if it did not exist (404), so nothing leaks about other tenants.
 */
public final class Tenancy {
    private Tenancy() {
    }

    /** Anyone belonging to the county may read county-wide settings (rules, the region tree). */
    public static void requireMemberOfCounty(Actor actor, long countyId) {
        if (!actor.inCounty(countyId)) {
            throw new DomainException(ErrorCode.COUNTY_NOT_FOUND, "县 " + countyId, "county " + countyId);
        }
    }

    /** The county's own admins and viewers. */
    public static void requireCountyRoleOf(Actor actor, long countyId) {
        if (!actor.isCountyRole() || !actor.inCounty(countyId)) {
            throw new DomainException(ErrorCode.COUNTY_NOT_FOUND, "县 " + countyId, "county " + countyId);
        }
    }

    public static boolean canSeeOrganization(Actor actor, Organization org) {
        return actor.orgId() == org.id() || (actor.isCountyRole() && actor.inCounty(org.countyId()));
    }

    public static Organization requireVisible(Actor actor, Organization org) {
        if (!canSeeOrganization(actor, org)) {
            throw new DomainException(ErrorCode.ORGANIZATION_NOT_FOUND, "单位 " + org.id(), "organization " + org.id());
        }
        return org;
    }
}
