package cn.landbalance.settlement.adjustment;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.RegionLevel;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Role;
import cn.landbalance.settlement.identity.Tenancy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The county records which of its townships border each other; county roles read it, the county admin sets it. */
public class CountyNeighbours {
    private final Regions regions;
    private final AdjustmentBook book;

    public CountyNeighbours(Regions regions, AdjustmentBook book) {
        this.regions = regions;
        this.book = book;
    }

    public Neighbours of(Actor actor, long countyId) {
        Tenancy.requireCountyRoleOf(actor, countyId);
        regions.requireCounty(countyId);
        return book.neighbours(countyId);
    }

    /** Replaces the county's pairs (an empty list forgets them all). */
    public Neighbours replace(Actor actor, long countyId, List<long[]> pairs) {
        Tenancy.requireCountyRoleOf(actor, countyId);
        if (actor.role() != Role.COUNTY_ADMIN) {
            throw new DomainException(ErrorCode.FORBIDDEN,
                    "只有县级管理员可以登记相邻乡镇", "only the county admin records neighbours");
        }
        regions.requireCounty(countyId);
        Set<Long> townships = regions.children(countyId).stream().filter(r -> r.level() == RegionLevel.TOWNSHIP)
                .map(Region::id).collect(Collectors.toSet());
        Neighbours neighbours = Neighbours.of(pairs, townships);
        book.replaceNeighbours(countyId, neighbours, actor.userId());
        return neighbours;
    }
}
