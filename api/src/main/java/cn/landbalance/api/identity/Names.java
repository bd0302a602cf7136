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

    public Names(Regions regions, Organizations organizations) {
        this.regions = regions;
        this.organizations = organizations;
    }

    public String regionName(long id) {
        return regions.findById(id).map(Region::name).orElse(null);
    }

    public String organizationName(long id) {
        return organizations.findById(id).map(Organization::name).orElse(null);
    }
}
