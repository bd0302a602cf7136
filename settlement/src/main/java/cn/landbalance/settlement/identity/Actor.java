package cn.landbalance.settlement.identity;

import java.util.Objects;

/**
 * Who is acting: the authenticated user with the organisation, region and county it belongs to.
 * Tenancy decisions are made on this, never on what a request claims.
 */
public record Actor(long userId, String username, Role role, long orgId, long regionId, long countyId) {
    public Actor {
        Objects.requireNonNull(username);
        Objects.requireNonNull(role);
    }

    public boolean isCountyRole() {
        return role.isCountyRole();
    }

    public boolean inCounty(long county) {
        return countyId == county;
    }
}
