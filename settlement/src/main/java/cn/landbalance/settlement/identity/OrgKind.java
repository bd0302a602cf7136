package cn.landbalance.settlement.identity;

import cn.landbalance.ledger.region.RegionLevel;

/** The kinds of organisation, and the levels of region each may sit at. */
public enum OrgKind {
    /** 转出主体: enterprises, project owners, village collectives, county departments running projects. */
    ENTERPRISE,
    /** A township government (乡镇人民政府); owns indicators and a fund account. */
    TOWNSHIP,
    /** A county government or its natural-resources bureau. */
    COUNTY;

    public boolean fits(RegionLevel level) {
        return switch (this) {
            case ENTERPRISE -> level == RegionLevel.COUNTY || level == RegionLevel.TOWNSHIP;
            case TOWNSHIP -> level == RegionLevel.TOWNSHIP;
            case COUNTY -> level == RegionLevel.COUNTY;
        };
    }

    /** The kind in Chinese ("转出主体", "乡镇政府"), as refusals name it. */
    public String label() {
        return switch (this) {
            case ENTERPRISE -> "转出主体";
            case TOWNSHIP -> "乡镇政府";
            case COUNTY -> "县级单位";
        };
    }
}
