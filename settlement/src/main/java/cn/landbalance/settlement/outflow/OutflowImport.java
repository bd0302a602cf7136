package cn.landbalance.settlement.outflow;

import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.OrgKind;
import cn.landbalance.settlement.identity.Organization;
import cn.landbalance.settlement.identity.Organizations;
import cn.landbalance.settlement.imports.ImportReport;
import cn.landbalance.settlement.imports.ImportScope;
import cn.landbalance.settlement.imports.PlanTable;
import cn.landbalance.settlement.inflow.SlopeAreas;

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

    /** One checked row of 附表2. */
    private record OutflowRow(Region township, OutflowCategory category, String landClassAfter, SlopeAreas slopes,
                              int qualityGrade) {
    }

    public ImportReport run(long countyId, int year, Integer defaultQualityGrade, String csv) {
        ImportScope scope = ImportScope.of(regions, countyId, defaultQualityGrade);
        PlanTable table = PlanTable.read(csv, REQUIRED);
        return scope.importRows(table, "outflow", year, new ImportScope.RowHandler<OutflowRow>() {
            public OutflowRow parse(PlanTable.Row row) {
                return OutflowImport.parse(row, scope, defaultQualityGrade);
            }

            public boolean alreadyImported(String key) {
                return applications.importKeyExists(countyId, key);
            }

            public long save(OutflowRow parsed, String key) {
                Region township = parsed.township();
                Organization government = organizations.findInCounty(countyId, township.id(), OrgKind.TOWNSHIP).stream()
                        .findFirst().orElseGet(() -> organizations.create(township.name() + "人民政府", OrgKind.TOWNSHIP,
                                township.id(), countyId));
                service.insert(township, government.id(), parsed.category(), parsed.landClassAfter(), parsed.slopes(),
                        parsed.qualityGrade(), false, OutflowSite.PLAIN, year, OutflowStatus.APPROVED, key);
                return parsed.slopes().totalM2();
            }
        });
    }

    private static OutflowRow parse(PlanTable.Row row, ImportScope scope, Integer defaultQualityGrade) {
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
        if (row.valid()) {
            row.requireTotal(slopes.totalM2(), total);
        }
        return new OutflowRow(township, category, row.text("land_class_after"), slopes, grade);
    }
}
