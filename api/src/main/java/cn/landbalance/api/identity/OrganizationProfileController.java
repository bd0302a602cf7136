package cn.landbalance.api.identity;

import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.OrganizationProfile;
import cn.landbalance.settlement.identity.ProfileService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** 单位信息: an organisation's 统一社会信用代码, legal representative and contact, kept by itself or the county admin. */
@Tag(name = "identity")
@Controller("/api/organizations/{id}/profile")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class OrganizationProfileController {
    private final ProfileService profiles;

    public OrganizationProfileController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @Serdeable
    public record ProfileBody(@NotBlank @Size(max = 40) String creditCode, @Nullable @Size(max = 200) String legalRepresentative,
                              @Nullable @Size(max = 200) String contactName, @Nullable @Size(max = 40) String contactPhone,
                              @Nullable @Size(max = 200) String address) {
    }

    /** The organisation's name and kind with its profile; the profile's fields are null until one is saved. */
    @Serdeable
    public record ProfileView(long orgId, String name, String kind, @Nullable String creditCode,
                              @Nullable String legalRepresentative, @Nullable String contactName, @Nullable String contactPhone,
                              @Nullable String address, @Nullable Instant updatedAt) {
        static ProfileView of(ProfileService.Profiled p) {
            OrganizationProfile f = p.profile().orElse(null);
            return new ProfileView(p.organization().id(), p.organization().name(), p.organization().kind().name(),
                    f == null ? null : f.creditCode(), f == null ? null : f.legalRepresentative(),
                    f == null ? null : f.contactName(), f == null ? null : f.contactPhone(), f == null ? null : f.address(),
                    f == null ? null : f.updatedAt());
        }
    }

    @Get
    @ReadOnly
    public ProfileView get(Actor actor, @PathVariable long id) {
        return ProfileView.of(profiles.get(actor, id));
    }

    @Put
    @Transactional
    @Idempotent
    public HttpResponse<ProfileView> save(Actor actor, @PathVariable long id, @Valid @Body ProfileBody body) {
        return HttpResponse.ok(ProfileView.of(profiles.save(actor, id, body.creditCode(), body.legalRepresentative(),
                body.contactName(), body.contactPhone(), body.address())));
    }
}
