package cn.landbalance.api.identity;

import cn.landbalance.api.Page;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.IdentityService;
import cn.landbalance.settlement.identity.Role;
import cn.landbalance.settlement.identity.UserAccount;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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

    public UserController(IdentityService identity) {
        this.identity = identity;
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

    @Post
    @Transactional
    public HttpResponse<UserView> create(Actor actor, @Valid @Body CreateUser body) {
        UserAccount created = identity.createUser(actor, body.username(), body.password(), body.role(), body.orgId());
        return HttpResponse.<UserView>status(HttpStatus.CREATED).body(UserView.of(created));
    }

    @Get("{?page,size}")
    @ReadOnly
    public Page<UserView> list(Actor actor, @QueryValue(defaultValue = "0") @Min(0) int page,
                               @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        return Page.of(identity.listUsers(actor).stream().map(UserView::of).toList(), page, size);
    }
}
