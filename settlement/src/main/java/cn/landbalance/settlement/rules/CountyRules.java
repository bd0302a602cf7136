package cn.landbalance.settlement.rules;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * The per-county settings where the policy documents differ between counties. The constructor refuses
 * values no county could mean, naming the field.
 *
 * @param feePerMuFen           the fee standard, default 5万元/亩 = 5 000 000 fen/亩 (seed 001)
 * @param guidePricePerMuFen    the lowest price a township may list at (指导价)
 * @param surplusFactorPermille obligation = outflow area × this / 1000, rounded up; 1000 = none, Gansu 1100
 * @param paymentTermWorkingDays how many working days a payment notice runs (and an unpaid order holds its
 *                              reservation): to the end of its due date
 * @param feeOnReversal         whether a fee paid for an application that is then rejected or withdrawn is refunded
 *                              or kept by the township
 */
public record CountyRules(long feePerMuFen, long guidePricePerMuFen, int surplusFactorPermille, Sequencing sequencing,
                          QualityRule qualityRule, int paymentTermWorkingDays, List<DeclarationWindow> declarationWindows,
                          FeeOnReversal feeOnReversal) {

    public static final long DEFAULT_FEE_PER_MU_FEN = 5_000_000L;
    /** 1 亿元/亩 is far beyond any real price; it keeps area × price × 15 well inside 64 bits for a whole county. */
    public static final long MAX_PRICE_PER_MU_FEN = 10_000_000_000L;
    public static final int MIN_SURPLUS_PERMILLE = 1000;
    public static final int MAX_SURPLUS_PERMILLE = 3000;
    public static final int MAX_PAYMENT_TERM_WORKING_DAYS = 60;
    public static final int DEFAULT_PAYMENT_TERM_WORKING_DAYS = 10;
    public static final int MAX_WINDOWS = 12;

    public CountyRules {
        requireRange("feePerMuFen", feePerMuFen, 1, MAX_PRICE_PER_MU_FEN);
        requireRange("guidePricePerMuFen", guidePricePerMuFen, 1, MAX_PRICE_PER_MU_FEN);
        requireRange("surplusFactorPermille", surplusFactorPermille, MIN_SURPLUS_PERMILLE, MAX_SURPLUS_PERMILLE);
        requireRange("paymentTermWorkingDays", paymentTermWorkingDays, 1, MAX_PAYMENT_TERM_WORKING_DAYS);
        if (sequencing == null) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, "sequencing",
                    "请选择平衡方式（先进后出或同步平衡）", "sequencing is required");
        }
        if (qualityRule == null) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, "qualityRule",
                    "请选择质量等别规则（逐批次不低于或加权平均不低于）", "qualityRule is required");
        }
        if (declarationWindows == null || declarationWindows.isEmpty()) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "declarationWindows",
                    "至少须有一个申报时段（全年可申报请填 01-01 至 12-31）",
                    "at least one declaration window is required (01-01 to 12-31 for all year)");
        }
        if (declarationWindows.size() > MAX_WINDOWS) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "declarationWindows",
                    "申报时段最多 " + MAX_WINDOWS + " 个", "at most " + MAX_WINDOWS + " declaration windows");
        }
        declarationWindows = List.copyOf(declarationWindows);
        if (feeOnReversal == null) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, "feeOnReversal",
                    "请选择申请撤回或驳回后已缴费用的处理方式（退还缴款人或留存乡镇）", "feeOnReversal is required");
        }
    }

    /** The defaults of the API contract: 5万元/亩, guide price equal to the fee, no surplus, 先进后出 (seed 001: from 2023). */
    public static CountyRules defaults() {
        return new CountyRules(DEFAULT_FEE_PER_MU_FEN, DEFAULT_FEE_PER_MU_FEN, MIN_SURPLUS_PERMILLE,
                Sequencing.INFLOW_FIRST, QualityRule.PER_LOT, DEFAULT_PAYMENT_TERM_WORKING_DAYS,
                List.of(new DeclarationWindow(MonthDay.of(1, 1), MonthDay.of(12, 31))), FeeOnReversal.REFUND);
    }

    public boolean declarationOpenOn(LocalDate date) {
        return declarationWindows.stream().anyMatch(w -> w.contains(date));
    }

    private static void requireRange(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, field,
                    rangeZh(field, min, max, value),
                    field + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    /** "费用标准须在 ¥0.01/亩 至 ¥100,000,000.00/亩 之间，收到 ¥0.00/亩": a range refusal in Chinese, money in 元. */
    private static String rangeZh(String field, long min, long max, long value) {
        boolean money = field.endsWith("PerMuFen");
        java.util.function.LongFunction<String> v = money ? n -> Units.yuanText(n) + "/亩" : String::valueOf;
        String name = switch (field) {
            case "feePerMuFen" -> "费用标准";
            case "guidePricePerMuFen" -> "指导价";
            case "surplusFactorPermille" -> "超额系数（‰）";
            case "paymentTermWorkingDays" -> "缴款期限（工作日）";
            default -> field;
        };
        return name + "须在 " + v.apply(min) + " 至 " + v.apply(max) + " 之间，收到 " + v.apply(value);
    }
}
