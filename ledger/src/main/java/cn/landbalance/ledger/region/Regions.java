package cn.landbalance.ledger.region;

import java.util.List;
import java.util.Optional;

/** Port: the region tree. Implemented by infra. */
public interface Regions {
    Optional<Region> findById(long id);

    /** Children of a region, or the provinces when {@code parentId} is null; ordered by code. */
    List<Region> children(Long parentId);

    Region create(String code, String name, RegionLevel level, Long parentId);

    Optional<Region> findByCode(String code);
}
