package cn.landbalance.settlement.inflow;

/** What the site survey says about a parcel's location (DOMAIN.md §4). */
public record SiteConstraints(boolean ecologicalRedLine, boolean natureReserve, boolean waterSourceLevel1,
                              boolean riverLakeForestPastoralDesert, boolean builtUpArea, boolean returnedFarmlandForest,
                              boolean pollutedSoil, boolean illegalDeforestation) {
    public static final SiteConstraints NONE = new SiteConstraints(false, false, false, false, false, false, false, false);
}
