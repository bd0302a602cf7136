package cn.landbalance.settlement.adjustment;

/**
 * What a township's own application of the year still needs (尚需落实): area of indicators no worse than
 * {@code qualityGrade}, paddy if {@code paddy}.
 */
public record Need(long applicationId, long townshipId, int qualityGrade, boolean paddy, long remainingM2) {
}
