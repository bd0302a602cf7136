package cn.landbalance.settlement.outflow;

import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.settlement.identity.OrgKind;
import cn.landbalance.settlement.identity.Organizations;
import cn.landbalance.settlement.imports.ImportScope;
import cn.landbalance.settlement.imports.LandClasses;
import cn.landbalance.settlement.imports.PlanColumns;
import cn.landbalance.settlement.imports.PlanKind;
import cn.landbalance.settlement.imports.PlanRow;
import cn.landbalance.settlement.imports.PlanTable;
import cn.landbalance.settlement.imports.PlanWriter;
import cn.landbalance.settlement.inflow.Ownership;
import cn.landbalance.settlement.inflow.SlopeAreas;
import cn.landbalance.settlement.rules.CountyRules;
import cn.landbalance.settlement.rules.CountyRulesStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An approved plan's 附表2 (耕地转出). Each row becomes an APPROVED application of its township (the plan lists
 * conversions by township, so the township government is the applicant) with its obligation fixed by the county's
 * surplus factor; the category follows from the land class after conversion.
 */
public class OutflowImport implements PlanWriter {
    static final List<String> REQUIRED = List.of(PlanColumns.TOWNSHIP, PlanColumns.LAND_CLASS_AFTER, PlanColumns.OWNERSHIP,
            PlanColumns.slope(1), PlanColumns.slope(2), PlanColumns.slope(3), PlanColumns.slope(4), PlanColumns.slope(5),
            PlanColumns.AREA);

    private final Organizations organizations;
    private final CountyRulesStore rules;
    private final OutflowApplications applications;

    public OutflowImport(Organizations organizations, CountyRulesStore rules, OutflowApplications applications) {
        this.organizations = organizations;
        this.rules = rules;
        this.applications = applications;
    }

    @Override
    public PlanKind kind() {
        return PlanKind.OUTFLOW;
    }

    @Override
    public List<String> requiredColumns() {
        return REQUIRED;
    }

    @Override
    public PlanRow parse(PlanTable table, PlanTable.Row row, ImportScope scope, Integer qualityGrade) {
        Region township = scope.township(row);
        String landClass = row.text(PlanColumns.LAND_CLASS_AFTER);
        OutflowCategory category = category(row, landClass);
        Ownership ownership = row.choice(Ownership.class, PlanColumns.OWNERSHIP);
        int grade = row.qualityGrade(qualityGrade);
        SlopeAreas slopes = PlanRow.slopes(table, row, 5);
        if (row.refused() || township == null || slopes == null) {
            return null;
        }
        return new PlanRow(row.number(), township, "", landClass, null, ownership, null, category, slopes, grade);
    }

    private static OutflowCategory category(PlanTable.Row row, String landClass) {
        if (landClass.isEmpty()) {
            row.error(ErrorCode.IMPORT_VALUE_INVALID, "所占地类为空", "land_class_after is blank");
            return null;
        }
        OutflowCategory usual = LandClasses.OUTFLOW_CATEGORY.get(landClass);
        if (usual != null) {
            return usual;
        }
        OutflowCategory guessed = LandClasses.outflowCategoryByName(landClass);
        if (guessed == null) {
            row.error(ErrorCode.IMPORT_VALUE_INVALID, "无法由所占地类“" + landClass + "”确定转出类型（常用地类："
                            + String.join("、", LandClasses.OUTFLOW_CATEGORY.keySet()) + "）",
                    "cannot tell the outflow category from land class '" + landClass + "' (usual classes: "
                            + String.join(", ", LandClasses.OUTFLOW_CATEGORY.keySet()) + ")");
            return null;
        }
        row.warn(ErrorCode.IMPORT_LAND_CLASS_UNUSUAL, "所占地类“" + landClass + "”不在三调常用地类之列，按名称归为 " + guessed,
                "land class '" + landClass + "' is not a usual land-survey class; taken as " + guessed + " by its name");
        return guessed;
    }

    @Override
    public void save(long countyId, int year, long importId, List<PlanRow> rows) {
        // the plan year's rules fix the obligations (a past year's plan is read under that year's rules)
        java.util.Optional<cn.landbalance.settlement.rules.RulesVersion> version = rules.governing(countyId, year);
        CountyRules county = version.map(cn.landbalance.settlement.rules.RulesVersion::rules).orElse(CountyRules.defaults());
        Long versionId = version.map(cn.landbalance.settlement.rules.RulesVersion::id).orElse(null);
        Map<Long, Long> governments = new HashMap<>();
        List<OutflowApplication> created = new ArrayList<>(rows.size());
        for (PlanRow row : rows) {
            Region township = row.township();
            long government = governments.computeIfAbsent(township.id(), id -> organizations
                    .findInCounty(countyId, id, OrgKind.TOWNSHIP).stream().findFirst()
                    .orElseGet(() -> organizations.create(township.name() + "人民政府", OrgKind.TOWNSHIP, id, countyId))
                    .id());
            long required = Units.applyPermilleRoundingUp(row.areaM2(), county.surplusFactorPermille());
            created.add(new OutflowApplication(0, countyId, township.id(), government, row.category(), row.landClass(),
                    row.slopes(), row.qualityGrade(), false, OutflowSite.PLAIN, year, OutflowStatus.APPROVED, required,
                    "plan-" + importId + "-row-" + row.row(), 0, row.ownership(), versionId));
        }
        applications.insertImported(created, importId);
    }

    @Override
    public Optional<String[]> used(long importId) {
        long used = applications.countUsedInImport(importId);
        return used == 0 ? Optional.empty() : Optional.of(new String[] {
                "有 " + used + " 项转出已落实平衡、缴费或状态已变更", used + " of its applications have coverage, a fee or a new status"});
    }

    @Override
    public void withdraw(long importId) {
        applications.withdrawImport(importId);
    }
}
