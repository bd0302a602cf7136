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

    boolean importKeyExists(long countyId, String importKey);
}
