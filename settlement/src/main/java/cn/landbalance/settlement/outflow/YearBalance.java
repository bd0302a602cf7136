package cn.landbalance.settlement.outflow;

/**
 * A township's balance for a plan year, defined once for the annual report, the dashboard, the assessment and each
 * application's 尚需落实 (docs/domain.md, "A year's balance"):
 * <ul>
 * <li>the year's <b>obligation</b> is what its active applications of that plan year require (area × surplus factor);</li>
 * <li>it is <b>covered</b> by coverages recorded on those applications: the township's own indicators (self), indicators
 * bought, indicators moved to it by the county's 调剂 ({@code adjustedIn}), and fees. Indicators are only ever taken from
 * lots of that year or earlier (a lot's vintage is its plan year), so every coverage counts for the year;</li>
 * <li>{@code remaining} is what the applications still need (the sum of their 尚需落实);</li>
 * <li>a fee paid is covered for the applicant, but the township that holds the money owes that land until restored:
 * {@code feeOwed} (fee duties of the year's applications held by this township, less what fee-funded projects
 * delivered);</li>
 * <li>{@code shortfall} = remaining + feeOwed; the township is <b>balanced</b> when it is zero;</li>
 * <li>{@code spare} is the township's own available indicators of that year or earlier, not yet used (what it could
 * still self-balance with, sell, or give to the county's 调剂); {@code net} = spare − shortfall.</li>
 * </ul>
 * {@code inflow}, {@code sold} and {@code adjustedOut} are shown for the plan's tables: indicators of the year issued to
 * the township, and its indicators that covered other townships' obligations of the year by sale or 调剂.
 */
public record YearBalance(long townshipId, String name, long outflowM2, long obligationM2, long inflowM2,
                          long selfCoveredM2, long boughtM2, long adjustedInM2, long feeCoveredM2, long soldM2,
                          long adjustedOutM2, long spareM2, long feeOwedM2, long remainingM2, long shortfallM2, long netM2,
                          boolean balanced) {

    /** What the books say of a township's year, before the definition is applied. */
    public record Facts(long townshipId, String name, long outflowM2, long obligationM2, long inflowM2,
                        long selfCoveredM2, long boughtM2, long adjustedInM2, long feeCoveredM2, long soldM2,
                        long adjustedOutM2, long spareM2, long feeDutyM2, long feeDeliveredM2) {
    }

    public static YearBalance of(Facts f) {
        long covered = f.selfCoveredM2() + f.boughtM2() + f.adjustedInM2() + f.feeCoveredM2();
        long remaining = Math.max(0, f.obligationM2() - covered);
        long feeOwed = Math.max(0, f.feeDutyM2() - f.feeDeliveredM2());
        long shortfall = remaining + feeOwed;
        return new YearBalance(f.townshipId(), f.name(), f.outflowM2(), f.obligationM2(), f.inflowM2(), f.selfCoveredM2(),
                f.boughtM2(), f.adjustedInM2(), f.feeCoveredM2(), f.soldM2(), f.adjustedOutM2(), f.spareM2(), feeOwed,
                remaining, shortfall, f.spareM2() - shortfall, shortfall == 0);
    }

    /** Area covered by the coverages of the year's applications. */
    public long coveredM2() {
        return selfCoveredM2 + boughtM2 + adjustedInM2 + feeCoveredM2;
    }
}
