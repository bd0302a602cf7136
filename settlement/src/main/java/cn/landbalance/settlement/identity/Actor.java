package cn.landbalance.settlement.identity;

import java.security.Principal;
import java.util.Objects;

/**
 * Who is acting: the authenticated user with the organisation, region and county it belongs to.
 * Tenancy decisions are made on this, never on what a request claims. It is the request's principal: the API binds
 * it from the token, and its OpenAPI document leaves it out of the parameters as it does any principal.
 */
public record Actor(long userId, String username, Role role, long orgId, long regionId, long countyId)
        implements Principal {
    public Actor {
        Objects.requireNonNull(username);
        Objects.requireNonNull(role);
    }

    @Override
    public String getName() {
        return username;
    }

    public boolean isCountyRole() {
        return role.isCountyRole();
    }

    public boolean inCounty(long county) {
        return countyId == county;
    }
}
