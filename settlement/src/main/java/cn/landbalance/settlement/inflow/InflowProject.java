package cn.landbalance.settlement.inflow;

/**
 * A parcel group restored to farmland (耕地转进), from draft to acceptance. {@code holderOrgId}: the enterprise
 * that restores the land itself, if any (its lot is then reserved for that enterprise's own obligations).
 */
public record InflowProject(long id, long countyId, long townshipId, String village, String landClassBefore,
                            TargetClass targetClass, Ownership ownership, RestorationAttr restorationAttr,
                            SlopeAreas slopes, SiteConstraints constraints, int planYear, InflowStatus status,
                            Integer qualityGrade, Long lotId, String rejectionReason, String importKey,
                            Long holderOrgId) {

    public long areaM2() {
        return slopes.totalM2();
    }

    public InflowProject withStatus(InflowStatus next) {
        return new InflowProject(id, countyId, townshipId, village, landClassBefore, targetClass, ownership,
                restorationAttr, slopes, constraints, planYear, next, qualityGrade, lotId, rejectionReason, importKey, holderOrgId);
    }

    public InflowProject accepted(int grade, long lot) {
        return new InflowProject(id, countyId, townshipId, village, landClassBefore, targetClass, ownership,
                restorationAttr, slopes, constraints, planYear, InflowStatus.ACCEPTED, grade, lot, null, importKey, holderOrgId);
    }

    public InflowProject rejected(String reason) {
        return new InflowProject(id, countyId, townshipId, village, landClassBefore, targetClass, ownership,
                restorationAttr, slopes, constraints, planYear, InflowStatus.REJECTED, qualityGrade, lotId, reason,
                importKey, holderOrgId);
    }
}
