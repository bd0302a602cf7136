package cn.landbalance.settlement.inflow;

import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.imports.ImportReport;
import cn.landbalance.settlement.imports.ImportScope;
import cn.landbalance.settlement.imports.PlanTable;

import java.util.ArrayList;
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
        Region county = scope.county();
        PlanTable table = PlanTable.read(csv, REQUIRED);
        List<ImportReport.RowIssue> rejected = new ArrayList<>();
        List<ImportReport.RowIssue> warnings = new ArrayList<>();
        int imported = 0;
        long importedM2 = 0;
        List<PlanTable.Row> rows = table.rows();
        for (PlanTable.Row row : rows) {
            InflowProject parsed = parse(row, scope, year, defaultQualityGrade);
            String key = row.fingerprint("inflow:" + year);
            if (!row.valid()) {
                rejected.addAll(row.issues());
            } else if (projects.importKeyExists(county.id(), key)) {
                warnings.add(new ImportReport.RowIssue(row.number(), ErrorCode.IMPORT_DUPLICATE_ROW,
                        "row already imported for " + county.name() + " " + year + "; not imported again"));
            } else {
                InflowProject project = projects.insert(withKey(parsed, key));
                service.issue(project, parsed.qualityGrade(), year);
                imported++;
                importedM2 += parsed.areaM2();
            }
        }
        return new ImportReport(rows.size(), imported, importedM2, rejected, warnings);
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
        if (slopes.totalM2() != total) {
            row.problem(ErrorCode.IMPORT_SLOPE_SUM_MISMATCH, "slope grades add up to " + Units.m2ToHectares(slopes.totalM2())
                    + " 公顷 but area_ha is " + Units.m2ToHectares(total) + " 公顷");
        } else if (total <= 0) {
            row.problem(ErrorCode.IMPORT_VALUE_INVALID, "area_ha must be positive");
        }
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
