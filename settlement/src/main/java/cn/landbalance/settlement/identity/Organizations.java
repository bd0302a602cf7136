package cn.landbalance.settlement.identity;

import java.util.List;
import java.util.Optional;

/** Port: organisations. */
public interface Organizations {
    Optional<Organization> findById(long id);

    boolean existsByNameInRegion(String name, long regionId);

    Organization create(String name, OrgKind kind, long regionId, long countyId);

    /** Organisations of a county, optionally only in one region and of one kind, ordered by id. */
    List<Organization> findInCounty(long countyId, Long regionId, OrgKind kind);
}
