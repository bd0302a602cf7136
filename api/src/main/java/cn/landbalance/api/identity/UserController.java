package cn.landbalance.api.identity;

import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.api.Page;
import cn.landbalance.api.security.SessionClaims;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Directory;
import cn.landbalance.settlement.identity.IdentityService;
import cn.landbalance.settlement.identity.Role;
import cn.landbalance.settlement.identity.UserAccount;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

@Tag(name = "users")
@Controller("/api/users")
@Secured("COUNTY_ADMIN")
public class UserController {
    private final IdentityService identity;
    private final SessionClaims sessions;
    private final Directory directory;
    private final Names names;

    public UserController(IdentityService identity, SessionClaims sessions, Directory directory, Names names) {
        this.directory = directory;
        this.names = names;
        this.identity = identity;
        this.sessions = sessions;
    }

    @Serdeable
    public record ResetPassword(@NotBlank @Size(max = 200) String newPassword) {
        @Override
        public String toString() {
            return "ResetPassword[]";
        }
    }

    /** Disables a user of the county: sign-in is refused and the user's tokens stop working. */
    @Post("/{id}/disable")
    @Transactional
    @Idempotent
    public HttpResponse<UserView> disable(Actor actor, @PathVariable long id) {
        UserView view = UserView.of(identity.disableUser(actor, id));
        sessions.forget(id);
        return HttpResponse.ok(view);
    }

    @Post("/{id}/enable")
    @Transactional
    @Idempotent
    public HttpResponse<UserView> enable(Actor actor, @PathVariable long id) {
        return HttpResponse.ok(UserView.of(identity.enableUser(actor, id)));
    }

    /** Sets a new password for a user who forgot theirs; the user's tokens stop working. */
    @Post("/{id}/password")
    @Transactional
    @Idempotent
    public HttpResponse<UserView> resetPassword(Actor actor, @PathVariable long id, @Valid @Body ResetPassword body) {
        UserView view = UserView.of(identity.resetPassword(actor, id, body.newPassword()));
        sessions.forget(id);
        return HttpResponse.ok(view);
    }

    @Serdeable
    public record CreateUser(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password,
                             @NotNull Role role, @NotNull @Positive Long orgId) {
        @Override
        public String toString() {
            return "CreateUser[username=" + username + ", role=" + role + ", orgId=" + orgId + "]";
        }
    }

    @Serdeable
    public record UserView(long id, String username, Role role, long orgId, boolean enabled) {
        static UserView of(UserAccount u) {
            return new UserView(u.id(), u.username(), u.role(), u.orgId(), u.enabled());
        }
    }

    /** A user as the list shows it: with its organisation's name. */
    @Serdeable
    public record UserRow(long id, String username, Role role, long orgId, String orgName, boolean enabled) {
    }

    @Post
    @Transactional
    @Idempotent
    public HttpResponse<UserView> create(Actor actor, @Valid @Body CreateUser body) {
        UserAccount created = identity.createUser(actor, body.username(), body.password(), body.role(), body.orgId());
        return HttpResponse.<UserView>status(HttpStatus.CREATED).body(UserView.of(created));
    }

    /** Newest first; {@code q} matches part of the username or of the organisation's name. */
    @Get("{?q,page,size}")
    @ReadOnly
    public Page<UserRow> list(Actor actor, @Nullable @QueryValue @Size(max = 64) String q,
                              @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                              @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        Directory.Listing<UserAccount> found = directory.users(actor, q, page, size);
        return new Page<>(found.items().stream().map(u -> new UserRow(u.id(), u.username(), u.role(), u.orgId(),
                names.organizationName(u.orgId()), u.enabled())).toList(), page, size, found.total());
    }
}
