package cn.landbalance.ledger.indicator;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

/** 国家利用等别: 1 (best) to 15. */
public final class QualityGrades {
    public static final int BEST = 1;
    public static final int WORST = 15;

    private QualityGrades() {
    }

    public static int require(int grade) {
        if (grade < BEST || grade > WORST) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "qualityGrade",
                    "质量等别应为 1-15，收到的是 " + grade, "quality grade must be 1-15, got " + grade);
        }
        return grade;
    }
}
