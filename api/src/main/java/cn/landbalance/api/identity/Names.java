package cn.landbalance.api.identity;

import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.Organization;
import cn.landbalance.settlement.identity.Organizations;
import jakarta.inject.Singleton;

/** Display names of regions and organisations for documents people read (confirmations, reports). */
@Singleton
public class Names {
    private final Regions regions;
    private final Organizations organizations;
    private final cn.landbalance.settlement.identity.UserAccounts users;

    public Names(Regions regions, Organizations organizations, cn.landbalance.settlement.identity.UserAccounts users) {
        this.regions = regions;
        this.organizations = organizations;
        this.users = users;
    }

    public String username(long userId) {
        return users.findById(userId).map(cn.landbalance.settlement.identity.UserAccount::username).orElse(null);
    }

    public String regionName(long id) {
        return regions.findById(id).map(Region::name).orElse(null);
    }

    public String organizationName(long id) {
        return organizations.findById(id).map(Organization::name).orElse(null);
    }
}
