package cn.landbalance.settlement.inflow;

import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.imports.ImportReport;
import cn.landbalance.settlement.imports.ImportScope;
import cn.landbalance.settlement.imports.PlanTable;

import java.util.List;

/**
 * Imports an approved plan's 附表1 (耕地转进) in the format of longxi-2022-zhuanjin.csv: each valid row
 * becomes an accepted project and its indicator lot; every invalid row is reported with its row number,
 * code and reason, never corrected. Re-importing the same rows adds nothing (each row has a fingerprint).
 * The caller runs the whole import in one transaction.
 */
public class InflowImport {
    static final List<String> REQUIRED = List.of("township", "village", "land_class_before", "target_class", "ownership",
            "restoration_attr", "slope_1_ha", "slope_2_ha", "slope_3_ha", "slope_4_ha", "area_ha");

    private final Regions regions;
    private final InflowProjects projects;
    private final InflowService service;

    public InflowImport(Regions regions, InflowProjects projects, InflowService service) {
        this.regions = regions;
        this.projects = projects;
        this.service = service;
    }

    public ImportReport run(long countyId, int year, Integer defaultQualityGrade, String csv) {
        ImportScope scope = ImportScope.of(regions, countyId, defaultQualityGrade);
        PlanTable table = PlanTable.read(csv, REQUIRED);
        return scope.importRows(table, "inflow", year, new ImportScope.RowHandler<InflowProject>() {
            public InflowProject parse(PlanTable.Row row) {
                return InflowImport.parse(row, scope, year, defaultQualityGrade);
            }

            public boolean alreadyImported(String key) {
                return projects.importKeyExists(countyId, key);
            }

            public long save(InflowProject parsed, String key) {
                InflowProject project = projects.insert(withKey(parsed, key));
                service.issue(project, parsed.qualityGrade(), year);
                return parsed.areaM2();
            }
        });
    }

    private static InflowProject parse(PlanTable.Row row, ImportScope scope, int year, Integer defaultGrade) {
        Region county = scope.county();
        Region township = scope.township(row);
        if (row.text("village").isEmpty() || row.text("land_class_before").isEmpty()) {
            row.problem(ErrorCode.IMPORT_VALUE_INVALID, "village and land_class_before are required");
        }
        TargetClass target = row.choice(TargetClass.class, "target_class");
        Ownership ownership = row.choice(Ownership.class, "ownership");
        String attr = row.text("restoration_attr");
        RestorationAttr restoration = attr.isEmpty() || attr.equals("——") || attr.equals("—") ? null
                : row.choice(RestorationAttr.class, "restoration_attr");
        SlopeAreas slopes = new SlopeAreas(row.hectares("slope_1_ha"), row.hectares("slope_2_ha"), row.hectares("slope_3_ha"),
                row.hectares("slope_4_ha"), row.hectares("slope_5_ha"));
        long total = row.hectares("area_ha");
        int grade = row.qualityGrade(defaultGrade);
        if (!row.valid()) {
            return null;
        }
        row.requireTotal(slopes.totalM2(), total);
        for (ErrorCode refusal : Eligibility.refusals(slopes, SiteConstraints.NONE)) {
            row.problem(refusal, refusal.messageEn());
        }
        return new InflowProject(0, county.id(), township.id(), row.text("village"), row.text("land_class_before"), target,
                ownership, restoration, slopes, SiteConstraints.NONE, year, InflowStatus.SUBMITTED, grade, null, null, null, null);
    }

    private static InflowProject withKey(InflowProject p, String key) {
        return new InflowProject(0, p.countyId(), p.townshipId(), p.village(), p.landClassBefore(), p.targetClass(),
                p.ownership(), p.restorationAttr(), p.slopes(), p.constraints(), p.planYear(), p.status(), null, null,
                null, key, null);
    }
}
