package cn.landbalance.settlement.imports;

import java.util.List;
import java.util.Optional;

/** What one kind of plan table (附表1 or 附表2) reads from a row and writes, and how its import is withdrawn. */
public interface PlanWriter {
    PlanKind kind();

    /** The columns the table must have. */
    List<String> requiredColumns();

    /** Reads and checks one row (problems go on the row); null when the row is refused. */
    PlanRow parse(PlanTable table, PlanTable.Row row, ImportScope scope, Integer qualityGrade);

    /** Writes the rows of import {@code importId}, of the county's plan {@code year}. */
    void save(long countyId, int year, long importId, List<PlanRow> rows);

    /** What of import {@code importId} has been used since it was written (in Chinese and English), or empty. */
    Optional<String[]> used(long importId);

    /** Withdraws everything import {@code importId} wrote (the caller has checked nothing was used). */
    void withdraw(long importId);
}
