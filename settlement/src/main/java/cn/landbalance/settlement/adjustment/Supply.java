package cn.landbalance.settlement.adjustment;

/**
 * Area of a lot that the year's balance may use: available (never frozen or reserved), of the year or earlier, owned by
 * a township of the county or by the county's reserve ({@code reserve}, {@code regionId} the county).
 */
public record Supply(long lotId, long regionId, boolean reserve, int qualityGrade, boolean paddy, long availableM2) {

    /** Whether this lot may cover the need: no worse quality, paddy for paddy (占水田补水田). */
    public boolean serves(Need need) {
        return serves(qualityGrade, paddy, need.qualityGrade(), need.paddy());
    }

    /** Whether indicators of {@code lotGrade} (paddy or not) may cover land of {@code needGrade} (paddy or not). */
    public static boolean serves(int lotGrade, boolean lotPaddy, int needGrade, boolean needPaddy) {
        return lotGrade <= needGrade && (lotPaddy || !needPaddy);
    }
}
