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

    /** One page of {@link #findInCounty}, newest first, {@code query} (or null) matching part of the name. */
    List<Organization> findInCounty(Selection selection, long offset, int limit);

    /** How many organisations the selection holds in all. */
    long countInCounty(Selection selection);

    /** Which organisations of a county a list shows: one region's, one kind's, a part of the name (each optional). */
    record Selection(long countyId, Long regionId, OrgKind kind, String query) {
    }
}
