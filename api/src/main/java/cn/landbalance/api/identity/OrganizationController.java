package cn.landbalance.api.identity;

import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.api.Page;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Directory;
import cn.landbalance.settlement.identity.IdentityService;
import cn.landbalance.settlement.identity.OrgKind;
import cn.landbalance.settlement.identity.Organization;
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
import io.micronaut.security.rules.SecurityRule;
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

@Tag(name = "organizations")
@Controller("/api/organizations")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class OrganizationController {
    private final IdentityService identity;
    private final Directory directory;

    public OrganizationController(IdentityService identity, Directory directory) {
        this.identity = identity;
        this.directory = directory;
    }

    @Serdeable
    public record CreateOrganization(@NotBlank @Size(max = 128) String name, @NotNull OrgKind kind,
                                     @NotNull @Positive Long regionId) {
    }

    @Serdeable
    public record OrganizationView(long id, String name, OrgKind kind, long regionId, long countyId) {
        static OrganizationView of(Organization o) {
            return new OrganizationView(o.id(), o.name(), o.kind(), o.regionId(), o.countyId());
        }
    }

    @Post
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<OrganizationView> create(Actor actor, @Valid @Body CreateOrganization body) {
        Organization created = identity.createOrganization(actor, body.name(), body.kind(), body.regionId());
        return HttpResponse.<OrganizationView>status(HttpStatus.CREATED).body(OrganizationView.of(created));
    }

    /** Newest first; {@code q} matches part of the name. */
    @Get("{?regionId,kind,q,page,size}")
    @ReadOnly
    public Page<OrganizationView> list(Actor actor, @Nullable @QueryValue Long regionId, @Nullable @QueryValue OrgKind kind,
                                       @Nullable @QueryValue @Size(max = 64) String q,
                                       @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                       @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        Directory.Listing<Organization> found = directory.organizations(actor, regionId, kind, q, page, size);
        return new Page<>(found.items().stream().map(OrganizationView::of).toList(), page, size, found.total());
    }

    @Get("/{id}")
    @ReadOnly
    public OrganizationView get(Actor actor, @PathVariable long id) {
        return OrganizationView.of(identity.getOrganization(actor, id));
    }
}
