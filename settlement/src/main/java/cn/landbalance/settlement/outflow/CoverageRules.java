package cn.landbalance.settlement.outflow;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.indicator.IndicatorLot;
import cn.landbalance.settlement.rules.QualityRule;

import java.util.List;

/** Which indicators may cover an obligation (DOMAIN.md §5, seed 001): of its year or earlier, paddy for paddy, quality no worse. */
final class CoverageRules {
    private CoverageRules() {
    }

    /** A year's obligation is covered by indicators of that year or earlier (a lot's vintage is its plan year). */
    static void requireVintage(OutflowApplication app, IndicatorLot lot) {
        if (lot.vintageYear() > app.planYear()) {
            throw DomainException.field(ErrorCode.LOT_VINTAGE_TOO_LATE, "lotId",
                    "指标批次 " + lot.id() + " 为 " + lot.vintageYear() + " 年度指标，晚于平衡责任所属的 " + app.planYear() + " 年度",
                    "lot " + lot.id() + " is of " + lot.vintageYear() + ", the obligation of " + app.planYear());
        }
    }

    /**
     * "Not lower quality" and 占水田补水田, per lot or on the area-weighted average of {@code coverages} with this one
     * (as the county's {@code rule} says).
     */
    static void requireQuality(OutflowApplication app, QualityRule rule, List<Coverage> coverages, int lotGrade,
                               boolean lotPaddy, long areaM2) {
        if (app.paddy() && !lotPaddy) {
            throw DomainException.field(ErrorCode.LOT_NOT_PADDY, "lotId",
                    "转出的耕地是水田，须用水田指标", "the converted land is paddy");
        }
        if (rule == QualityRule.PER_LOT) {
            if (lotGrade > app.qualityGrade()) {
                throw DomainException.field(ErrorCode.LOT_QUALITY_TOO_LOW, "lotId",
                        "指标质量等别为 " + lotGrade + " 等，低于转出耕地的 " + app.qualityGrade() + " 等",
                        "grade " + lotGrade + " is worse than the converted land's grade " + app.qualityGrade());
            }
            return;
        }
        long weightedSum = (long) lotGrade * areaM2;
        long area = areaM2;
        for (Coverage c : coverages) {
            if (c.qualityGrade() != null) {
                weightedSum += (long) c.qualityGrade() * c.areaM2();
                area += c.areaM2();
            }
        }
        if (weightedSum > (long) app.qualityGrade() * area) {
            throw DomainException.field(ErrorCode.LOT_QUALITY_TOO_LOW, "lotId",
                    "按面积加权后的质量等别将低于转出耕地的 " + app.qualityGrade() + " 等",
                    "the area-weighted grade would be worse than the converted land's grade " + app.qualityGrade());
        }
    }
}
