package cn.landbalance.settlement.imports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Port: the record of every plan table imported, one active import per county, kind and year. */
public interface PlanImports {

    /** One import: what file, for which plan, what it wrote, and whether a later import replaced it. */
    record PlanImport(long id, long countyId, PlanKind kind, int year, String contentSha256, String fileSha256,
                      String fileName, String fileFormat, int rowsImported, long areaM2, int warnings, boolean active,
                      Long importedBy, OffsetDateTime createdAt, OffsetDateTime reversedAt, Long replacedBy) {
    }

    /** Serialises the imports of one county until the transaction ends. */
    void lockCounty(long countyId);

    Optional<PlanImport> activeOfYear(long countyId, PlanKind kind, int year);

    Optional<PlanImport> activeWithContent(long countyId, PlanKind kind, String contentSha256);

    /** Stores a new active import (its id is ignored) and announces {@code plan.imported}. */
    PlanImport insert(PlanImport planImport);

    /** Marks an import reversed and announces {@code plan.import_reversed}. */
    void markReversed(long id);

    /** Notes which import replaced a reversed one. */
    void linkReplacement(long reversedId, long replacementId);

    /** The county's imports, newest first. */
    List<PlanImport> ofCounty(long countyId);
}
