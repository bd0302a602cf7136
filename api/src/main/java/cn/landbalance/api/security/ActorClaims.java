package cn.landbalance.api.security;

import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Role;
import io.micronaut.security.authentication.Authentication;

import java.util.List;
import java.util.Map;

/** What a token says about its user; written at login, read on every request without a database hit. */
public final class ActorClaims {
    static final String USER_ID = "uid";
    static final String ORG_ID = "orgId";
    static final String REGION_ID = "regionId";
    static final String COUNTY_ID = "countyId";

    private ActorClaims() {
    }

    static Authentication toAuthentication(Actor actor) {
        return Authentication.build(actor.username(), List.of(actor.role().name()), Map.of(
                USER_ID, actor.userId(),
                ORG_ID, actor.orgId(),
                REGION_ID, actor.regionId(),
                COUNTY_ID, actor.countyId()));
    }

    public static Actor fromAuthentication(Authentication authentication) {
        Map<String, Object> claims = authentication.getAttributes();
        Role role = authentication.getRoles().stream().findFirst().map(Role::valueOf)
                .orElseThrow(() -> new IllegalStateException("token without a role"));
        return new Actor(number(claims, USER_ID), authentication.getName(), role, number(claims, ORG_ID),
                number(claims, REGION_ID), number(claims, COUNTY_ID));
    }

    private static long number(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalStateException("token without claim " + name);
    }
}
