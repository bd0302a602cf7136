package cn.landbalance.api.security;

import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Role;
import io.micronaut.security.authentication.Authentication;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * What a token says about its user; written at login, read on every request. {@link SessionClaims} has checked the
 * shape of every claim (and that the session still stands) before a request gets here.
 */
public final class ActorClaims {
    static final String USER_ID = "uid";
    static final String ORG_ID = "orgId";
    static final String REGION_ID = "regionId";
    static final String COUNTY_ID = "countyId";
    static final String SESSION_VERSION = "sv";

    private ActorClaims() {
    }

    static Authentication toAuthentication(Actor actor, int sessionVersion) {
        return Authentication.build(actor.username(), List.of(actor.role().name()), Map.of(
                USER_ID, actor.userId(),
                ORG_ID, actor.orgId(),
                REGION_ID, actor.regionId(),
                COUNTY_ID, actor.countyId(),
                SESSION_VERSION, sessionVersion));
    }

    public static Actor fromAuthentication(Authentication authentication) {
        Map<String, Object> claims = authentication.getAttributes();
        Role role = authentication.getRoles().stream().findFirst().flatMap(Role::parse)
                .orElseThrow(() -> new IllegalStateException("token without a known role"));
        return new Actor(number(claims, USER_ID), authentication.getName(), role, number(claims, ORG_ID),
                number(claims, REGION_ID), number(claims, COUNTY_ID));
    }

    /** A JSON whole number that fits a long, or null for anything else (text, fractions, booleans, absent). */
    static Long wholeNumber(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        if (value instanceof BigDecimal decimal) {
            try {
                return decimal.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e15) {
            return d.longValue();
        }
        return null;
    }

    private static long number(Map<String, Object> claims, String name) {
        Long value = wholeNumber(claims.get(name));
        if (value == null) {
            throw new IllegalStateException("token without claim " + name);
        }
        return value;
    }
}
