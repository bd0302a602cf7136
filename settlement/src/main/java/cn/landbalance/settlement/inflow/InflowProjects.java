package cn.landbalance.settlement.inflow;

import java.util.List;
import java.util.Optional;

/** Port: inflow projects. */
public interface InflowProjects {
    /** Stores a new project (its id is ignored) and returns it with its id. */
    InflowProject insert(InflowProject project);

    Optional<InflowProject> find(long id);

    /** Reads and row-locks the project until the transaction ends. */
    Optional<InflowProject> lock(long id);

    void update(InflowProject project);

    List<InflowProject> list(long countyId, Long townshipId, InflowStatus status);

    /** {@code count} new project ids, for projects stored later with {@link #insertImported}. */
    List<Long> reserveIds(int count);

    /** Stores the projects of plan import {@code planImportId}, ids included, in batches. */
    void insertImported(List<InflowProject> projects, long planImportId);

    /** The ACCEPTED projects of the import. */
    List<InflowProject> ofImport(long planImportId);

    /**
     * How many projects of the import are no longer plain: not ACCEPTED, or their lot reserved, frozen, consumed,
     * deducted, held or listed at any time.
     */
    long countUsedInImport(long planImportId);
}
