package cn.landbalance.settlement.outflow;

import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.indicator.IndicatorLot;
import cn.landbalance.settlement.rules.QualityRule;

import java.util.List;

/**
 * How much of one lot may cover an application, before anything is asked: a lot of a later year never (its vintage),
 * non-paddy never for paddy (占水田补水田), and no more than keeps the quality "not lower" — per lot, or on the
 * area-weighted average of the grades already covering it, as the county's rules of the plan year say. The use case
 * checks the same rules again when the area is asked for; this is what a screen offers.
 *
 * @param usableM2 the most that may be asked now: the lot's available area, the open obligation and the quality room
 * @param refusal  why nothing of the lot may be used, or null
 */
public record LotFit(IndicatorLot lot, long usableM2, ErrorCode refusal) {

    /** {@code openM2}: the obligation neither covered nor in a pending order or payment notice. */
    public static LotFit of(OutflowApplication app, IndicatorLot lot, QualityRule rule, List<Coverage> coverages, long openM2) {
        if (lot.vintageYear() > app.planYear()) {
            return new LotFit(lot, 0, ErrorCode.LOT_VINTAGE_TOO_LATE);
        }
        if (app.paddy() && !lot.paddy()) {
            return new LotFit(lot, 0, ErrorCode.LOT_NOT_PADDY);
        }
        long room = qualityRoom(rule, app.qualityGrade(), lot.qualityGrade(), coverages);
        if (room == 0) {
            return new LotFit(lot, 0, ErrorCode.LOT_QUALITY_TOO_LOW);
        }
        long usable = Math.max(0, Math.min(Math.min(lot.balances().availableM2(), openM2), room));
        return new LotFit(lot, usable, null);
    }

    /**
     * The most of a lot of {@code lotGrade} (1 best) that keeps the quality of an application of {@code appGrade}:
     * all of it or none per lot; on the weighted average W + g·a ≤ G·(A + a) over the graded coverages (area A, grade
     * sum W), so a better lot has no limit, an equal one none while the average holds, and a worse one may bring at
     * most ⌊(G·A − W) / (g − G)⌋.
     */
    public static long qualityRoom(QualityRule rule, int appGrade, int lotGrade, List<Coverage> coverages) {
        if (rule == QualityRule.PER_LOT) {
            return lotGrade > appGrade ? 0 : Long.MAX_VALUE;
        }
        long weightedSum = 0;
        long area = 0;
        for (Coverage c : coverages) {
            if (c.qualityGrade() != null) {
                weightedSum += (long) c.qualityGrade() * c.areaM2();
                area += c.areaM2();
            }
        }
        long slack = (long) appGrade * area - weightedSum;
        if (lotGrade < appGrade || lotGrade == appGrade && slack >= 0) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, slack / (lotGrade - appGrade));
    }
}
