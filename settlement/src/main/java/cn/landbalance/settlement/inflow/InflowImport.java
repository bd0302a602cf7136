package cn.landbalance.settlement.inflow;

import cn.landbalance.ledger.common.AreaM2;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.indicator.IndicatorLedger;
import cn.landbalance.ledger.indicator.IndicatorLot;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.settlement.imports.ImportScope;
import cn.landbalance.settlement.imports.LandClasses;
import cn.landbalance.settlement.imports.PlanColumns;
import cn.landbalance.settlement.imports.PlanKind;
import cn.landbalance.settlement.imports.PlanRow;
import cn.landbalance.settlement.imports.PlanTable;
import cn.landbalance.settlement.imports.PlanWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An approved plan's 附表1 (耕地转进). Each row becomes an accepted project of its township and an indicator lot of
 * the plan's year (the plan is the county's acceptance); withdrawing the import revokes those lots, which is only
 * possible while nothing has used them.
 */
public class InflowImport implements PlanWriter {
    static final List<String> REQUIRED = List.of(PlanColumns.TOWNSHIP, PlanColumns.VILLAGE, PlanColumns.LAND_CLASS_BEFORE,
            PlanColumns.TARGET_CLASS, PlanColumns.OWNERSHIP, PlanColumns.RESTORATION_ATTR, PlanColumns.slope(1),
            PlanColumns.slope(2), PlanColumns.slope(3), PlanColumns.slope(4), PlanColumns.AREA);

    private final InflowProjects projects;
    private final IndicatorLedger ledger;

    public InflowImport(InflowProjects projects, IndicatorLedger ledger) {
        this.projects = projects;
        this.ledger = ledger;
    }

    @Override
    public PlanKind kind() {
        return PlanKind.INFLOW;
    }

    @Override
    public List<String> requiredColumns() {
        return REQUIRED;
    }

    @Override
    public PlanRow parse(PlanTable table, PlanTable.Row row, ImportScope scope, Integer qualityGrade) {
        Region township = scope.township(row);
        String village = row.text(PlanColumns.VILLAGE);
        String landClass = row.text(PlanColumns.LAND_CLASS_BEFORE);
        if (village.isEmpty() || landClass.isEmpty()) {
            row.error(ErrorCode.IMPORT_VALUE_INVALID, "行政村和地类名称不能为空", "village and land_class_before are required");
        } else if (!LandClasses.INFLOW_SOURCES.contains(landClass)) {
            row.warn(ErrorCode.IMPORT_LAND_CLASS_UNUSUAL, "地类名称“" + landClass + "”不在三调常用地类之列",
                    "land class '" + landClass + "' is not a usual land-survey class");
        }
        TargetClass target = row.choice(TargetClass.class, PlanColumns.TARGET_CLASS);
        Ownership ownership = row.choice(Ownership.class, PlanColumns.OWNERSHIP);
        String attr = row.text(PlanColumns.RESTORATION_ATTR);
        RestorationAttr restoration = attr.isEmpty() || PlanTable.dashes(attr) ? null
                : row.choice(RestorationAttr.class, PlanColumns.RESTORATION_ATTR);
        int grade = row.qualityGrade(qualityGrade);
        SlopeAreas slopes = PlanRow.slopes(table, row, table.has(PlanColumns.slope(5)) ? 5 : 4);
        if (slopes != null) {
            for (ErrorCode refusal : Eligibility.refusals(slopes, SiteConstraints.NONE)) {
                row.error(refusal, refusal.messageZh(), refusal.messageEn());
            }
        }
        if (row.refused() || township == null || slopes == null) {
            return null;
        }
        return new PlanRow(row.number(), township, village, landClass, target, ownership, restoration, null, slopes, grade);
    }

    /**
     * The projects' ids are taken first, so that each lot names its project and each project is stored accepted, with
     * its lot, in one write: multi-row inserts, no update afterwards.
     */
    @Override
    public void save(long countyId, int year, long importId, List<PlanRow> rows) {
        List<Long> ids = projects.reserveIds(rows.size());
        List<IndicatorLedger.NewLot> lots = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            PlanRow r = rows.get(i);
            lots.add(new IndicatorLedger.NewLot(r.township().id(), countyId, r.qualityGrade(), r.targetClass().paddy(), year,
                    ids.get(i), AreaM2.of(r.areaM2()), "inflow-project:" + ids.get(i)));
        }
        List<IndicatorLot> issued = ledger.issueAll(lots);
        List<InflowProject> accepted = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            PlanRow r = rows.get(i);
            accepted.add(new InflowProject(ids.get(i), countyId, r.township().id(), r.village(), r.landClass(), r.targetClass(),
                    r.ownership(), r.restorationAttr(), r.slopes(), SiteConstraints.NONE, year, InflowStatus.ACCEPTED,
                    r.qualityGrade(), issued.get(i).id(), null, "plan-" + importId + "-row-" + r.row(), null));
        }
        projects.insertImported(accepted, importId);
    }

    @Override
    public Optional<String[]> used(long importId) {
        long used = projects.countUsedInImport(importId);
        return used == 0 ? Optional.empty() : Optional.of(new String[] {
                "有 " + used + " 个转进项目的指标已被预留、售出、冻结或挂牌", used + " of its projects' lots have been reserved, sold, frozen or listed"});
    }

    @Override
    public void withdraw(long importId) {
        for (InflowProject project : projects.ofImport(importId)) {
            ledger.revoke(project.lotId(), "plan-import:" + importId);
            projects.update(project.withStatus(project.status().after(InflowStatus.Action.WITHDRAW)));
        }
    }
}
