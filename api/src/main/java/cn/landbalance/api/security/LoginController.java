package cn.landbalance.api.security;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.IdentityService;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

@Tag(name = "auth")
@Controller("/api")
public class LoginController {
    private final IdentityService identity;
    private final TokenGenerator tokens;
    private final LoginThrottle throttle;
    private final SessionClaims sessions;
    private final int expirationSeconds;

    public LoginController(IdentityService identity, TokenGenerator tokens, LoginThrottle throttle, SessionClaims sessions,
                           @Value("${micronaut.security.token.generator.access-token.expiration:3600}") int expirationSeconds) {
        this.identity = identity;
        this.sessions = sessions;
        this.tokens = tokens;
        this.throttle = throttle;
        this.expirationSeconds = expirationSeconds;
    }

    @Serdeable
    public record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
        @Override
        public String toString() {
            return "LoginRequest[username=" + username + "]";
        }
    }

    @Serdeable
    public record LoginResponse(String access_token, String token_type, int expires_in, List<String> roles, long orgId,
                                long countyId, String username) {
    }

    @Serdeable
    public record Me(long userId, String username, String role, long orgId, long regionId, long countyId) {
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/auth/login")
    @ReadOnly
    public LoginResponse login(HttpRequest<?> request, @Valid @Body LoginRequest body) {
        String client = throttle.clientOf(request);
        throttle.check(body.username(), client);
        IdentityService.SignedIn signedIn;
        try {
            signedIn = identity.signIn(body.username(), body.password());
        } catch (DomainException e) {
            throttle.failed(body.username(), client);
            throw e;
        }
        throttle.succeeded(body.username(), client);
        return session(signedIn);
    }

    @Serdeable
    public record ChangePassword(@NotBlank @Size(max = 200) String currentPassword,
                                 @NotBlank @Size(max = 200) String newPassword) {
        @Override
        public String toString() {
            return "ChangePassword[]";
        }
    }

    /**
     * A user changes their own password. Every token of the user ends (on every device), so the answer is a new token
     * for this session.
     */
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/me/password")
    @Transactional
    public LoginResponse changePassword(Actor actor, @Valid @Body ChangePassword body) {
        IdentityService.SignedIn signedIn = identity.changeOwnPassword(actor, body.currentPassword(), body.newPassword());
        sessions.forget(actor.userId());
        return session(signedIn);
    }

    private LoginResponse session(IdentityService.SignedIn signedIn) {
        Actor actor = signedIn.actor();
        String token = tokens.generateToken(ActorClaims.toAuthentication(actor, signedIn.sessionVersion()), expirationSeconds)
                .orElseThrow(() -> new DomainException(ErrorCode.INTERNAL_ERROR, "令牌生成失败", "token generation failed"));
        return new LoginResponse(token, "Bearer", expirationSeconds, List.of(actor.role().name()), actor.orgId(),
                actor.countyId(), actor.username());
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/me")
    public Me me(Actor actor) {
        return new Me(actor.userId(), actor.username(), actor.role().name(), actor.orgId(), actor.regionId(),
                actor.countyId());
    }
}
