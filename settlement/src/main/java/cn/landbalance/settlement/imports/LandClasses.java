package cn.landbalance.settlement.imports;

import cn.landbalance.settlement.outflow.OutflowCategory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The land classes of the third national land survey (三调) that plan tables use, and what an outflow to each is
 * (its category, seed 004 四(三)1). A class outside these lists is imported with a warning; an outflow class is then
 * placed by its name (…林地 greening, …园 planting adjustment, 道路/沟渠/坑塘/设施 agricultural facility, 水库 reservoir).
 */
public final class LandClasses {
    /** Where farmland may be restored from (附表1 地类名称). */
    public static final Set<String> INFLOW_SOURCES = Set.of("其他林地", "乔木林地", "灌木林地", "竹林地", "其他草地", "人工牧草地",
            "天然牧草地", "果园", "茶园", "橡胶园", "其他园地", "坑塘水面", "设施农用地", "农村道路", "沟渠", "裸土地", "盐碱地", "沙地",
            "空闲地", "田坎");

    /** What farmland became (附表2 所占地类), with its category. */
    public static final Map<String, OutflowCategory> OUTFLOW_CATEGORY;

    static {
        Map<String, OutflowCategory> m = new LinkedHashMap<>();
        for (String c : new String[] {"乔木林地", "竹林地", "灌木林地", "其他林地"}) {
            m.put(c, OutflowCategory.GREENING);
        }
        for (String c : new String[] {"果园", "茶园", "橡胶园", "其他园地", "人工牧草地", "其他草地", "天然牧草地"}) {
            m.put(c, OutflowCategory.PLANTING_ADJUSTMENT);
        }
        for (String c : new String[] {"设施农用地", "农村道路", "坑塘水面", "沟渠", "干渠", "养殖坑塘"}) {
            m.put(c, OutflowCategory.AGRI_FACILITY);
        }
        m.put("水库水面", OutflowCategory.RESERVOIR);
        OUTFLOW_CATEGORY = Map.copyOf(m);
    }

    private LandClasses() {
    }

    /** The category of an outflow to an unusual class, guessed from its name; null when the name says nothing. */
    public static OutflowCategory outflowCategoryByName(String landClass) {
        if (landClass.contains("水库")) {
            return OutflowCategory.RESERVOIR;
        }
        if (landClass.contains("林")) {
            return OutflowCategory.GREENING;
        }
        if (landClass.contains("园") || landClass.contains("草")) {
            return OutflowCategory.PLANTING_ADJUSTMENT;
        }
        for (String facility : new String[] {"路", "渠", "坑塘", "设施", "养殖", "晾晒", "仓储"}) {
            if (landClass.contains(facility)) {
                return OutflowCategory.AGRI_FACILITY;
            }
        }
        return null;
    }
}
