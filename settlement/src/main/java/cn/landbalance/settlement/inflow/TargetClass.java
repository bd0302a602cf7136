package cn.landbalance.settlement.inflow;

/** The cultivated-land class restored (the seeds' own words, which are also the API's values). */
public enum TargetClass {
    水田, 水浇地, 旱地;

    /** 占水田补水田: only 水田 counts as paddy. */
    public boolean paddy() {
        return this == 水田;
    }
}
