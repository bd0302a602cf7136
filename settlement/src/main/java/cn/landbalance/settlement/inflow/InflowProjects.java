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

    /** Stores the projects of plan import {@code planImportId} in batches; returns them with their ids, in order. */
    List<InflowProject> insertImported(List<InflowProject> projects, long planImportId);

    /** Writes the acceptance (status, grade, lot) of freshly imported projects in batches. */
    void acceptImported(List<InflowProject> accepted);

    /** The ACCEPTED projects of the import. */
    List<InflowProject> ofImport(long planImportId);

    /**
     * How many projects of the import are no longer plain: not ACCEPTED, or their lot reserved, frozen, consumed,
     * deducted, held or listed at any time.
     */
    long countUsedInImport(long planImportId);
}
