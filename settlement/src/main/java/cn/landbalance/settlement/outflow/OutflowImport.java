package cn.landbalance.settlement.outflow;

import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.OrgKind;
import cn.landbalance.settlement.identity.Organization;
import cn.landbalance.settlement.identity.Organizations;
import cn.landbalance.settlement.imports.ImportReport;
import cn.landbalance.settlement.imports.ImportScope;
import cn.landbalance.settlement.imports.PlanTable;
import cn.landbalance.settlement.inflow.SlopeAreas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Imports an approved plan's 附表2 (耕地转出) in the format of longxi-2022-zhuanchu.csv. Each valid row
 * becomes an APPROVED application of the township (the plan lists conversions by township, so the township
 * government is the applicant), with its obligation fixed by the county's surplus factor. The category
 * follows from the land class after conversion. Problems are reported per row, never corrected.
 */
public class OutflowImport {
    static final List<String> REQUIRED = List.of("township", "land_class_after", "ownership", "slope_1_ha", "slope_2_ha",
            "slope_3_ha", "slope_4_ha", "slope_5_ha", "area_ha");
    static final Map<String, OutflowCategory> CATEGORY_BY_CLASS = Map.of(
            "其他林地", OutflowCategory.GREENING, "乔木林地", OutflowCategory.GREENING, "灌木林地", OutflowCategory.GREENING,
            "果园", OutflowCategory.PLANTING_ADJUSTMENT, "设施农用地", OutflowCategory.AGRI_FACILITY,
            "农村道路", OutflowCategory.AGRI_FACILITY, "坑塘水面", OutflowCategory.AGRI_FACILITY,
            "沟渠", OutflowCategory.AGRI_FACILITY, "干渠", OutflowCategory.AGRI_FACILITY, "水库水面", OutflowCategory.RESERVOIR);

    private final Regions regions;
    private final Organizations organizations;
    private final OutflowApplications applications;
    private final OutflowService service;

    public OutflowImport(Regions regions, Organizations organizations, OutflowApplications applications,
                         OutflowService service) {
        this.regions = regions;
        this.organizations = organizations;
        this.applications = applications;
        this.service = service;
    }

    public ImportReport run(long countyId, int year, Integer defaultQualityGrade, String csv) {
        ImportScope scope = ImportScope.of(regions, countyId, defaultQualityGrade);
        Region county = scope.county();
        PlanTable table = PlanTable.read(csv, REQUIRED);
        List<ImportReport.RowIssue> rejected = new ArrayList<>();
        List<ImportReport.RowIssue> warnings = new ArrayList<>();
        int imported = 0;
        long importedM2 = 0;
        List<PlanTable.Row> rows = table.rows();
        for (PlanTable.Row row : rows) {
            Region township = scope.township(row);
            OutflowCategory category = CATEGORY_BY_CLASS.get(row.text("land_class_after"));
            if (category == null) {
                row.problem(ErrorCode.IMPORT_VALUE_INVALID, "land_class_after '" + row.text("land_class_after")
                        + "' is not one of " + CATEGORY_BY_CLASS.keySet());
            }
            SlopeAreas slopes = new SlopeAreas(row.hectares("slope_1_ha"), row.hectares("slope_2_ha"),
                    row.hectares("slope_3_ha"), row.hectares("slope_4_ha"), row.hectares("slope_5_ha"));
            long total = row.hectares("area_ha");
            int grade = row.qualityGrade(defaultQualityGrade);
            if (row.valid() && slopes.totalM2() != total) {
                row.problem(ErrorCode.IMPORT_SLOPE_SUM_MISMATCH, "slope grades add up to " + Units.m2ToHectares(slopes.totalM2())
                        + " 公顷 but area_ha is " + Units.m2ToHectares(total) + " 公顷");
            } else if (row.valid() && total <= 0) {
                row.problem(ErrorCode.IMPORT_VALUE_INVALID, "area_ha must be positive");
            }
            String key = row.fingerprint("outflow:" + year);
            if (!row.valid()) {
                rejected.addAll(row.issues());
                continue;
            }
            if (applications.importKeyExists(county.id(), key)) {
                warnings.add(new ImportReport.RowIssue(row.number(), ErrorCode.IMPORT_DUPLICATE_ROW,
                        "row already imported for " + county.name() + " " + year + "; not imported again"));
                continue;
            }
            Organization government = organizations.findInCounty(county.id(), township.id(), OrgKind.TOWNSHIP).stream()
                    .findFirst().orElseGet(() -> organizations.create(township.name() + "人民政府", OrgKind.TOWNSHIP,
                            township.id(), county.id()));
            service.insert(township, government.id(), category, row.text("land_class_after"), slopes, grade, false,
                    OutflowSite.PLAIN, year, OutflowStatus.APPROVED, key);
            imported++;
            importedM2 += total;
        }
        return new ImportReport(rows.size(), imported, importedM2, rejected, warnings);
    }
}
