package cn.landbalance.ledger.region;

/** 省 → 市 → 县/区/县级市 → 乡/镇/街道. */
public enum RegionLevel {
    PROVINCE, CITY, COUNTY, TOWNSHIP;

    /** The level a child of a region at this level has, or null for a township. */
    public RegionLevel childLevel() {
        return switch (this) {
            case PROVINCE -> CITY;
            case CITY -> COUNTY;
            case COUNTY -> TOWNSHIP;
            case TOWNSHIP -> null;
        };
    }

    /** The level in Chinese ("县", "乡镇"), as refusals name it. */
    public String label() {
        return switch (this) {
            case PROVINCE -> "省";
            case CITY -> "市";
            case COUNTY -> "县";
            case TOWNSHIP -> "乡镇";
        };
    }
}
