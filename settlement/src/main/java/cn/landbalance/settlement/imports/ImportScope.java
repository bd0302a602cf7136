package cn.landbalance.settlement.imports;

import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.indicator.QualityGrades;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.Regions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What every plan import starts from: the county, its townships by name, and a checked default quality grade. */
public record ImportScope(Region county, Map<String, Region> townshipsByName) {

    public static ImportScope of(Regions regions, long countyId, Integer defaultQualityGrade) {
        Region county = regions.requireCounty(countyId);
        if (defaultQualityGrade != null) {
            QualityGrades.require(defaultQualityGrade);
        }
        Map<String, Region> townships = new HashMap<>();
        regions.children(county.id()).forEach(t -> townships.put(t.name(), t));
        return new ImportScope(county, townships);
    }

    /** What an import does with one row: parse it (problems go on the row), know whether it is in, save it. */
    public interface RowHandler<T> {
        T parse(PlanTable.Row row);

        boolean alreadyImported(String key);

        /** Saves the parsed row under its fingerprint and returns its area in m². */
        long save(T parsed, String key);
    }

    /**
     * Runs every row of the table: rows with problems are reported (never corrected), rows already imported for
     * this county and year are warned about, the others are saved. The caller's transaction covers the whole file.
     */
    public <T> ImportReport importRows(PlanTable table, String keyPrefix, int year, RowHandler<T> handler) {
        List<ImportReport.RowIssue> rejected = new ArrayList<>();
        List<ImportReport.RowIssue> warnings = new ArrayList<>();
        int imported = 0;
        long importedM2 = 0;
        List<PlanTable.Row> rows = table.rows();
        for (PlanTable.Row row : rows) {
            T parsed = handler.parse(row);
            String key = row.fingerprint(keyPrefix + ":" + year);
            if (!row.valid()) {
                rejected.addAll(row.issues());
            } else if (handler.alreadyImported(key)) {
                warnings.add(new ImportReport.RowIssue(row.number(), ErrorCode.IMPORT_DUPLICATE_ROW,
                        "row already imported for " + county.name() + " " + year + "; not imported again"));
            } else {
                importedM2 += handler.save(parsed, key);
                imported++;
            }
        }
        return new ImportReport(rows.size(), imported, importedM2, rejected, warnings);
    }

    /** The row's township, or an IMPORT_UNKNOWN_TOWNSHIP problem on the row. */
    public Region township(PlanTable.Row row) {
        Region township = townshipsByName.get(row.text("township"));
        if (township == null) {
            row.problem(ErrorCode.IMPORT_UNKNOWN_TOWNSHIP, "township '" + row.text("township") + "' is not a township of this county");
        }
        return township;
    }
}
