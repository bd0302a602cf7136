package cn.landbalance.ledger.region;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

import java.util.List;
import java.util.Optional;

/** Port: the region tree. Implemented by infra. */
public interface Regions {
    Optional<Region> findById(long id);

    /** Children of a region, or the provinces when {@code parentId} is null; ordered by code. */
    List<Region> children(Long parentId);

    Region create(String code, String name, RegionLevel level, Long parentId);

    Optional<Region> findByCode(String code);

    /** The county {@code countyId}, or COUNTY_NOT_FOUND (404) when there is none or it is another level. */
    default Region requireCounty(long countyId) {
        return findById(countyId).filter(r -> r.level() == RegionLevel.COUNTY)
                .orElseThrow(() -> new DomainException(ErrorCode.COUNTY_NOT_FOUND,
                        "县 " + countyId, "county " + countyId));
    }
}
