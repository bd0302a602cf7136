package cn.landbalance.api.security;

import cn.landbalance.api.error.DataAccessProblemHandler;
import cn.landbalance.api.ops.DatabaseOutage;
import cn.landbalance.settlement.identity.IdentityService;
import cn.landbalance.settlement.identity.Role;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every token is checked beyond its signature before a request is served; a token that fails is a 401, never a 500:
 * <ul>
 *   <li>it has an expiry ({@code exp}) in the future and, if it has a not-before ({@code nbf}), that has passed;</li>
 *   <li>it names exactly one known role and whole-number {@code uid}, {@code orgId}, {@code regionId},
 *       {@code countyId} and session version {@code sv};</li>
 *   <li>its user still exists, is enabled, and has the session version the token was issued with: disabling a user
 *       or changing a password ends every earlier token. The answer is cached per user for
 *       {@code landbalance.security.session-check-seconds} (5 s by default): on this replica a change takes effect at
 *       once, on the others within that time.</li>
 * </ul>
 * While the database cannot be reached the last answer known here stands (a token never checked is let through: every
 * request that touches data answers 503 then), so an outage does not sign every user out.
 */
@Singleton
public class SessionClaims implements GenericJwtClaimsValidator<Object> {
    private static final Logger LOG = LoggerFactory.getLogger(SessionClaims.class);
    /** Clocks of replicas may differ a little. */
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final IdentityService identity;
    private final DatabaseOutage outage;
    private final Duration cacheFor;
    private final Clock clock = Clock.systemUTC();
    private final Map<Long, Checked> checked = new ConcurrentHashMap<>();

    private record Checked(int sessionVersion, boolean stands, Instant at) {
    }

    public SessionClaims(IdentityService identity, DatabaseOutage outage,
                         @Value("${landbalance.security.session-check-seconds:5}") int cacheSeconds) {
        this.identity = identity;
        this.outage = outage;
        this.cacheFor = Duration.ofSeconds(Math.max(0, cacheSeconds));
    }

    @Override
    public boolean validate(Claims claims, @Nullable Object request) {
        Instant now = clock.instant();
        Instant expires = instant(claims.get(Claims.EXPIRATION_TIME));
        if (expires == null || !now.isBefore(expires)) {
            return false;
        }
        if (claims.contains(Claims.NOT_BEFORE)) {
            Instant notBefore = instant(claims.get(Claims.NOT_BEFORE));
            if (notBefore == null || now.plus(SKEW).isBefore(notBefore)) {
                return false;
            }
        }
        if (!oneKnownRole(claims.get("roles"))) {
            return false;
        }
        for (String name : new String[]{ActorClaims.ORG_ID, ActorClaims.REGION_ID, ActorClaims.COUNTY_ID}) {
            if (ActorClaims.wholeNumber(claims.get(name)) == null) {
                return false;
            }
        }
        Long userId = ActorClaims.wholeNumber(claims.get(ActorClaims.USER_ID));
        Long version = ActorClaims.wholeNumber(claims.get(ActorClaims.SESSION_VERSION));
        if (userId == null || version == null || version < 0 || version > Integer.MAX_VALUE) {
            return false;
        }
        return stands(userId, version.intValue(), now);
    }

    /** Forgets what is known of the user's session here, so a change made on this replica applies at once. */
    public void forget(long userId) {
        checked.remove(userId);
    }

    private boolean stands(long userId, int version, Instant now) {
        Checked known = checked.get(userId);
        if (known != null && known.sessionVersion() == version && known.at().plus(cacheFor).isAfter(now)) {
            return known.stands();
        }
        if (outage.recent()) {
            return lastKnown(known, version);
        }
        boolean stands;
        try {
            stands = identity.sessionStands(userId, version);
        } catch (RuntimeException e) {
            LOG.warn("could not check the session of user {}: {}", userId, e.toString());
            if (DataAccessProblemHandler.databaseUnreachable(e)) {
                outage.noticed();
            }
            return lastKnown(known, version);
        }
        checked.put(userId, new Checked(version, stands, now));
        return stands;
    }

    /**
     * The database is unreachable: every request that reads or writes data answers 503 anyway, so the token is judged by
     * what was last known of it here (or by its signature alone) instead of signing everyone out.
     */
    private static boolean lastKnown(Checked known, int version) {
        return known == null || (known.sessionVersion() == version && known.stands());
    }

    private static boolean oneKnownRole(Object roles) {
        if (!(roles instanceof Collection<?> list) || list.size() != 1) {
            return false;
        }
        Object role = list.iterator().next();
        return role instanceof String name && Role.parse(name).isPresent();
    }

    private static Instant instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        Long seconds = ActorClaims.wholeNumber(value);
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }
}
