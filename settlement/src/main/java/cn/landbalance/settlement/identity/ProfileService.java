package cn.landbalance.settlement.identity;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

import java.time.Clock;
import java.util.Optional;

/**
 * An organisation's profile: read by the organisation itself and the county; edited by the organisation itself (its
 * own details) or the county admin (correcting any of the county's).
 */
public final class ProfileService {
    private final Organizations organizations;
    private final OrganizationProfiles profiles;
    private final Clock clock;

    public ProfileService(Organizations organizations, OrganizationProfiles profiles, Clock clock) {
        this.organizations = organizations;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** The organisation and its profile (empty until one is saved). */
    public record Profiled(Organization organization, Optional<OrganizationProfile> profile) {
    }

    public Profiled get(Actor actor, long orgId) {
        Organization org = visible(actor, orgId);
        return new Profiled(org, profiles.find(org.id()));
    }

    public Profiled save(Actor actor, long orgId, String creditCode, String legalRepresentative, String contactName,
                         String contactPhone, String address) {
        Organization org = visible(actor, orgId);
        if (actor.orgId() != org.id() && actor.role() != Role.COUNTY_ADMIN) {
            throw new DomainException(ErrorCode.FORBIDDEN,
                    "只有本单位或县级管理员可以修改单位信息", "only the organisation itself or the county admin may edit its profile");
        }
        OrganizationProfile profile = OrganizationProfile.of(org.id(), creditCode, legalRepresentative, contactName, contactPhone,
                address, clock.instant());
        profiles.save(profile, org.countyId());
        return new Profiled(org, Optional.of(profile));
    }

    private Organization visible(Actor actor, long orgId) {
        return organizations.findById(orgId).filter(o -> Tenancy.canSeeOrganization(actor, o))
                .orElseThrow(() -> new DomainException(ErrorCode.ORGANIZATION_NOT_FOUND,
                        "单位 " + orgId, "organization " + orgId));
    }
}
