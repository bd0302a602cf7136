package cn.landbalance.infra.outflow;

import cn.landbalance.infra.jooq.tables.records.OutflowApplicationRecord;
import cn.landbalance.infra.jooq.tables.records.OutflowCoverageRecord;
import cn.landbalance.settlement.inflow.SlopeAreas;
import cn.landbalance.settlement.outflow.Coverage;
import cn.landbalance.settlement.outflow.OutflowApplication;
import cn.landbalance.settlement.outflow.OutflowSite;

import java.time.OffsetDateTime;

/** An outflow application and its coverages as stored rows, both ways. */
final class OutflowRows {
    private OutflowRows() {
    }

    /** The row of a new application: nothing covered yet, created and updated now. */
    static void fill(OutflowApplicationRecord r, OutflowApplication a) {
        r.setCountyId(a.countyId());
        r.setTownshipId(a.townshipId());
        r.setApplicantOrgId(a.applicantOrgId());
        r.setCategory(a.category());
        r.setLandClassAfter(a.landClassAfter());
        r.setSlope_1M2(a.slopes().grade1M2());
        r.setSlope_2M2(a.slopes().grade2M2());
        r.setSlope_3M2(a.slopes().grade3M2());
        r.setSlope_4M2(a.slopes().grade4M2());
        r.setSlope_5M2(a.slopes().grade5M2());
        r.setAreaM2(a.areaM2());
        r.setQualityGrade((short) a.qualityGrade());
        r.setPaddy(a.paddy());
        OutflowSite s = a.site();
        r.setPermanentBasicFarmland(s.permanentBasicFarmland());
        r.setPlannedConstructionLand(s.plannedConstructionLand());
        r.setHighStandardFarmland(s.highStandardFarmland());
        r.setSupplementPlan(s.supplementPlan());
        r.setGreenBeltRoadType(s.greenBeltRoadType());
        r.setGreenBeltWidthM(s.greenBeltWidthM());
        r.setRuralRoadWidthM(s.ruralRoadWidthM());
        r.setLandscapeLake(s.landscapeLake());
        r.setTurf(s.turf());
        r.setPlanYear(a.planYear());
        r.setStatus(a.status());
        r.setRequiredM2(a.requiredM2());
        r.setImportKey(a.importKey());
        r.setOwnership(a.ownership());
        r.setRulesVersionId(a.rulesVersionId());
        r.setCoveredM2(0L);
        r.setCreatedAt(OffsetDateTime.now());
        r.setUpdatedAt(OffsetDateTime.now());
    }

    static Coverage toCoverage(OutflowCoverageRecord r) {
        return new Coverage(r.getId(), r.getKind(), r.getAreaM2(), r.getRef(), r.getTownshipId(),
                r.getLotId(), r.getQualityGrade() == null ? null : r.getQualityGrade().intValue(), r.getAmountFen(),
                r.getReversesId());
    }

    static OutflowApplication toDomain(OutflowApplicationRecord r) {
        OutflowSite site = new OutflowSite(r.getPermanentBasicFarmland(), r.getPlannedConstructionLand(),
                r.getHighStandardFarmland(), r.getSupplementPlan(),
                r.getGreenBeltRoadType(), r.getGreenBeltWidthM(),
                r.getRuralRoadWidthM(), r.getLandscapeLake(), r.getTurf());
        return new OutflowApplication(r.getId(), r.getCountyId(), r.getTownshipId(), r.getApplicantOrgId(),
                r.getCategory(), r.getLandClassAfter(),
                new SlopeAreas(r.getSlope_1M2(), r.getSlope_2M2(), r.getSlope_3M2(), r.getSlope_4M2(), r.getSlope_5M2()),
                r.getQualityGrade(), r.getPaddy(), site, r.getPlanYear(), r.getStatus(),
                r.getRequiredM2(), r.getImportKey(), r.getCoveredM2(), r.getOwnership(),
                r.getRulesVersionId());
    }
}
