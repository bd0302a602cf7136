package cn.landbalance.api.security;

import cn.landbalance.settlement.identity.LoginFailures;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;

/**
 * Slows down password guessing: after {@code maxFailures} failed logins for one username (or five times as
 * many from one client address), further attempts are refused with 429 until the window has passed. The failures are
 * counted in PostgreSQL, so all replicas behind a load balancer share one count. Behind a proxy the client is the
 * address the proxy writes into {@code landbalance.security.client-address-header} (e.g. nginx's
 * {@code X-Real-IP $remote_addr}); without that setting, the connection's address (never a header a client could forge).
 */
@Singleton
public class LoginThrottle {
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    /** One address may try several usernames (an office behind one NAT): it gets this many times the limit. */
    private static final int CLIENT_FACTOR = 5;
    /** An IPv6 address with a zone fits; anything longer a proxy did not write. */
    private static final int MAX_ADDRESS_LENGTH = 64;

    private final LoginFailures failures;
    private final int maxFailures;
    private final Duration window;
    private final String clientAddressHeader;

    public LoginThrottle(LoginFailures failures,
                         @Value("${landbalance.security.login.max-failures:10}") int maxFailures,
                         @Value("${landbalance.security.login.window-seconds:300}") int windowSeconds,
                         @Value("${landbalance.security.client-address-header:}") String clientAddressHeader) {
        this.failures = failures;
        this.maxFailures = maxFailures;
        this.window = Duration.ofSeconds(windowSeconds);
        this.clientAddressHeader = clientAddressHeader.isBlank() ? null : clientAddressHeader;
    }

    /** The client a sign-in comes from: the trusted proxy's header when configured and present, else the connection. */
    String clientOf(HttpRequest<?> request) {
        if (clientAddressHeader != null) {
            String forwarded = request.getHeaders().get(clientAddressHeader);
            if (forwarded != null && !forwarded.isBlank()) {
                String address = forwarded.strip();
                return address.length() > MAX_ADDRESS_LENGTH ? address.substring(0, MAX_ADDRESS_LENGTH) : address;
            }
        }
        return request.getRemoteAddress().getAddress().getHostAddress();
    }

    void check(String username, String client) {
        Map<String, Integer> counts = failures.current(window, userKey(username), clientKey(client));
        if (counts.getOrDefault(userKey(username), 0) >= maxFailures
                || counts.getOrDefault(clientKey(client), 0) >= maxFailures * CLIENT_FACTOR) {
            throw new DomainException(ErrorCode.TOO_MANY_LOGIN_ATTEMPTS);
        }
    }

    void failed(String username, String client) {
        failures.record(window, userKey(username), clientKey(client));
    }

    void succeeded(String username, String client) {
        failures.clear(userKey(username));
    }

    @Scheduled(fixedDelay = "10m", initialDelay = "1m")
    void purge() {
        try {
            failures.purge(window);
        } catch (RuntimeException e) {
            LOG.warn("could not forget ended login-failure windows: {}", e.toString());
        }
    }

    private static String userKey(String username) {
        return "u:" + username;
    }

    private static String clientKey(String client) {
        return "c:" + client;
    }
}
