package cn.landbalance.settlement.spatial;

/** The county's constraint layers (管控图层) a parcel is overlaid with (套合分析). */
public enum LayerKind {
    PERMANENT_BASIC_FARMLAND("永久基本农田", "permanent basic farmland"),
    URBAN_DEVELOPMENT_BOUNDARY("城镇开发边界（规划建设用地）", "urban development boundary (planned construction land)"),
    HIGH_STANDARD_FARMLAND("高标准农田", "high-standard farmland"),
    ECOLOGICAL_RED_LINE("生态保护红线", "ecological protection red line"),
    NATURE_RESERVE("自然保护地", "nature reserve"),
    WATER_SOURCE_PROTECTION("饮用水水源一级保护区", "first-level drinking-water source protection zone");

    private final String zh;
    private final String en;

    LayerKind(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
