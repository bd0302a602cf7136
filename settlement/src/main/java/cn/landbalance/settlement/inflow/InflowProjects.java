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

    /**
     * Which projects a list shows: the county's, of one township, in one status, whose village contains {@code text} or
     * whose number is it; null leaves a filter out.
     */
    record Selection(long countyId, Long townshipId, InflowStatus status, String text) {
    }

    /** One page of the selected projects, newest first. */
    List<InflowProject> list(Selection selection, long offset, int limit);

    long count(Selection selection);

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
