package cn.landbalance.api.security;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code maxFailures} failed logins for one username (or five times as
 * many from one client address), further attempts are refused with 429 until the window has passed. In memory per
 * instance; several replicas each count on their own.
 */
@Singleton
public class LoginThrottle {
    private record Window(long startMillis, int failures) {
    }

    /** One address may try several usernames (an office behind one NAT): it gets this many times the limit. */
    private static final int CLIENT_FACTOR = 5;

    private final ConcurrentHashMap<String, Window> failures = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final long windowMillis;
    private final Clock clock;

    public LoginThrottle(@Value("${landbalance.security.login.max-failures:10}") int maxFailures,
                         @Value("${landbalance.security.login.window-seconds:300}") int windowSeconds) {
        this.maxFailures = maxFailures;
        this.windowMillis = windowSeconds * 1000L;
        this.clock = Clock.systemUTC();
    }

    void check(String username, String client) {
        if (blocked("u:" + username, maxFailures) || blocked("c:" + client, maxFailures * CLIENT_FACTOR)) {
            throw new DomainException(ErrorCode.TOO_MANY_LOGIN_ATTEMPTS);
        }
    }

    void failed(String username, String client) {
        record("u:" + username);
        record("c:" + client);
        if (failures.size() > 100_000) {
            long now = clock.millis();
            failures.values().removeIf(w -> now - w.startMillis() > windowMillis);
        }
    }

    void succeeded(String username, String client) {
        failures.remove("u:" + username);
    }

    private boolean blocked(String key, int limit) {
        Window window = failures.get(key);
        return window != null && clock.millis() - window.startMillis() <= windowMillis && window.failures() >= limit;
    }

    private void record(String key) {
        long now = clock.millis();
        failures.compute(key, (k, w) -> w == null || now - w.startMillis() > windowMillis
                ? new Window(now, 1) : new Window(w.startMillis(), w.failures() + 1));
    }
}
