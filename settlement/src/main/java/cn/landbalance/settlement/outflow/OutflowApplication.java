package cn.landbalance.settlement.outflow;

import cn.landbalance.settlement.inflow.Ownership;
import cn.landbalance.settlement.inflow.SlopeAreas;

/**
 * A declared conversion of ordinary farmland (耕地转出) and the obligation fixed when it was created:
 * {@code requiredM2} = area × the county's surplus factor, rounded up, of indicators no worse than
 * {@code qualityGrade}, and paddy if {@code paddy}. {@code coveredM2} is the area covered so far, as read with it.
 * {@code ownership} (权属性质) and the slope breakdown are what the plan's 附表2 prints. {@code rulesVersionId}: the
 * version of the county's rules the obligation was fixed under (null: the defaults, the county had none).
 */
public record OutflowApplication(long id, long countyId, long townshipId, long applicantOrgId, OutflowCategory category,
                                 String landClassAfter, SlopeAreas slopes, int qualityGrade, boolean paddy,
                                 OutflowSite site, int planYear, OutflowStatus status, long requiredM2, String importKey,
                                 long coveredM2, Ownership ownership, Long rulesVersionId) {
    public long areaM2() {
        return slopes.totalM2();
    }

    public OutflowApplication withStatus(OutflowStatus next) {
        return new OutflowApplication(id, countyId, townshipId, applicantOrgId, category, landClassAfter, slopes,
                qualityGrade, paddy, site, planYear, next, requiredM2, importKey, coveredM2, ownership, rulesVersionId);
    }
}
