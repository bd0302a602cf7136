package cn.landbalance.settlement.outflow;

import java.time.LocalDate;

/**
 * A fee's duty to restore land: the applicant paid instead of restoring, so the township that holds the money owes that
 * area of farmland back (谁转出、谁承担 through the fee), by the fee-land deadline of the application's plan year (by
 * default 10-31 of the next year). Fee-funded projects discharge it by delivering lots; a fee refunded to its payer owes
 * nothing. How it stands on a day:
 * <ul>
 * <li>OWED: some area still owed, the deadline not yet passed; OVERDUE: owed after the deadline;</li>
 * <li>DISCHARGED: all delivered by the deadline; DISCHARGED_LATE: the last of it delivered after the deadline;</li>
 * <li>REFUNDED: the fee went back to its payer.</li>
 * </ul>
 *
 * @param lastDeliveredOn the day (county time) of the latest delivery, or null
 */
public record FeeDuty(long feePaymentId, long applicationId, int planYear, long dutyTownshipId, String paymentReference,
                      long amountFen, long areaM2, long deliveredM2, boolean refunded, LocalDate dueOn,
                      LocalDate lastDeliveredOn) {

    public enum Standing { OWED, OVERDUE, DISCHARGED, DISCHARGED_LATE, REFUNDED }

    /** The area still to deliver. */
    public long owedM2() {
        return refunded ? 0 : Math.max(0, areaM2 - deliveredM2);
    }

    public Standing on(LocalDate today) {
        if (refunded) {
            return Standing.REFUNDED;
        }
        if (owedM2() > 0) {
            return today.isAfter(dueOn) ? Standing.OVERDUE : Standing.OWED;
        }
        return lastDeliveredOn != null && lastDeliveredOn.isAfter(dueOn) ? Standing.DISCHARGED_LATE : Standing.DISCHARGED;
    }

    public static String label(Standing s) {
        return switch (s) {
            case OWED -> "待交付";
            case OVERDUE -> "逾期未交付";
            case DISCHARGED -> "已交付";
            case DISCHARGED_LATE -> "逾期交付";
            case REFUNDED -> "已退费";
        };
    }
}
