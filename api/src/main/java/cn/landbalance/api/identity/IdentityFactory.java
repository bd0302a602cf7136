package cn.landbalance.api.identity;

import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.IdentityService;
import cn.landbalance.settlement.identity.Organizations;
import cn.landbalance.settlement.identity.PasswordHasher;
import cn.landbalance.settlement.identity.UserAccounts;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Wires the pure use cases of the settlement module to the infra adapters. */
@Factory
public class IdentityFactory {
    @Singleton
    IdentityService identityService(Regions regions, Organizations organizations, UserAccounts users,
                                    PasswordHasher hasher) {
        return new IdentityService(regions, organizations, users, hasher);
    }

    @Singleton
    cn.landbalance.settlement.identity.Directory directory(Organizations organizations, UserAccounts users) {
        return new cn.landbalance.settlement.identity.Directory(organizations, users);
    }

    @jakarta.inject.Singleton
    cn.landbalance.settlement.identity.ProfileService profileService(Organizations organizations,
                                                                     cn.landbalance.settlement.identity.OrganizationProfiles profiles,
                                                                     java.time.Clock clock) {
        return new cn.landbalance.settlement.identity.ProfileService(organizations, profiles, clock);
    }
}
