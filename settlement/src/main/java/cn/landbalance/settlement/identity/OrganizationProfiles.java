package cn.landbalance.settlement.identity;

import java.util.Optional;

/** Port: organisations' profiles. */
public interface OrganizationProfiles {
    Optional<OrganizationProfile> find(long orgId);

    /** Stores the profile (replacing the earlier one) and records the change in the audit log. */
    void save(OrganizationProfile profile, long countyId);
}
