package cn.landbalance.settlement.spatial;

/**
 * The county's layers: the constraint layers (管控图层) a parcel is overlaid with (套合分析), in the order their
 * refusals take precedence, and the outlines (行政区界线) drawn on the maps and never checked.
 */
public enum LayerKind {
    PERMANENT_BASIC_FARMLAND("永久基本农田", "permanent basic farmland"),
    URBAN_DEVELOPMENT_BOUNDARY("城镇开发边界（规划建设用地）", "urban development boundary (planned construction land)"),
    HIGH_STANDARD_FARMLAND("高标准农田", "high-standard farmland"),
    ECOLOGICAL_RED_LINE("生态保护红线", "ecological protection red line"),
    NATURE_RESERVE("自然保护地", "nature reserve"),
    WATER_SOURCE_PROTECTION("饮用水水源一级保护区", "first-level drinking-water source protection zone"),
    RIVER_LAKE_FOREST_PASTORAL_DESERT("河道湖区、林区、牧区、沙漠", "river and lake areas, forest, pastoral and desert areas"),
    BUILT_UP_AREA("城镇村建成区", "built-up area of a town or village"),
    RETURNED_FARMLAND_FOREST("退耕还林地块", "land returned from farming to forest"),
    POLLUTED_SOIL("严格管控类污染耕地", "seriously polluted land under strict control"),
    TOWNSHIP_OUTLINE("乡镇界", "township outlines", true),
    COUNTY_OUTLINE("县界", "county outline", true);

    private final String zh;
    private final String en;
    private final boolean outline;

    LayerKind(String zh, String en) {
        this(zh, en, false);
    }

    LayerKind(String zh, String en, boolean outline) {
        this.zh = zh;
        this.en = en;
        this.outline = outline;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** An outline is drawn for orientation; no parcel is overlaid with it, and it asks no parcels of anyone. */
    public boolean outline() {
        return outline;
    }
}
