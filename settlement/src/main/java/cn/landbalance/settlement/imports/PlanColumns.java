package cn.landbalance.settlement.imports;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of a plan table and the names they go by: the machine names of the CSV format ({@code area_ha}), the
 * printed form's headers (乡镇, 所占地类, 权属性质, 面积（公顷）) and their common variants. Slope columns are found under
 * a 坡度级别 heading with 1-5 (or Ⅰ-Ⅴ, 一级, ≤2°, 2°-6° ...) beneath it, or as one header such as 坡度1级 or slope_1_ha.
 */
public final class PlanColumns {
    public static final String TOWNSHIP = "township";
    public static final String VILLAGE = "village";
    public static final String LAND_CLASS_BEFORE = "land_class_before";
    public static final String LAND_CLASS_AFTER = "land_class_after";
    public static final String TARGET_CLASS = "target_class";
    public static final String OWNERSHIP = "ownership";
    public static final String RESTORATION_ATTR = "restoration_attr";
    public static final String AREA = "area_ha";
    public static final String QUALITY_GRADE = "quality_grade";

    public static String slope(int grade) {
        return "slope_" + grade + "_ha";
    }

    /** The printed name of each column, for messages. */
    public static final Map<String, String> PRINTED = Map.ofEntries(
            Map.entry(TOWNSHIP, "乡镇"), Map.entry(VILLAGE, "行政村"), Map.entry(LAND_CLASS_BEFORE, "地类名称"),
            Map.entry(LAND_CLASS_AFTER, "所占地类"), Map.entry(TARGET_CLASS, "拟恢复地类"), Map.entry(OWNERSHIP, "权属性质"),
            Map.entry(RESTORATION_ATTR, "种植属性名称"), Map.entry(AREA, "面积（公顷）"), Map.entry(QUALITY_GRADE, "质量等别"),
            Map.entry(slope(1), "坡度1级"), Map.entry(slope(2), "坡度2级"), Map.entry(slope(3), "坡度3级"),
            Map.entry(slope(4), "坡度4级"), Map.entry(slope(5), "坡度5级"));

    private static final Map<String, String> COMMON = names(
            TOWNSHIP, "乡镇|所在乡镇|乡镇名称|乡镇名|乡(镇)|乡镇(街道)|镇(乡)|乡镇街道",
            OWNERSHIP, "权属性质|权属|土地权属|权属类型|土地所有权性质",
            AREA, "面积|合计|面积合计|合计面积|总面积|图斑面积|面积小计",
            QUALITY_GRADE, "质量等别|耕地质量等别|等别|平均质量等别|质量等级");
    private static final Map<String, String> INFLOW = names(
            VILLAGE, "行政村|所在村|村|村名|村名称|所在行政村",
            LAND_CLASS_BEFORE, "地类名称|变更前地类名称|转进地类|现状地类|原地类|转进前地类|地类|恢复前地类",
            TARGET_CLASS, "拟恢复地类|恢复地类|恢复后地类|转进后地类",
            RESTORATION_ATTR, "种植属性名称|恢复属性|种植属性|恢复类型|恢复方式",
            AREA, "转进面积");
    private static final Map<String, String> OUTFLOW = names(
            LAND_CLASS_AFTER, "所占地类|所占地利|转出后地类|地类名称|地类|占用地类|转出地类|转出后用途|现状地类",
            AREA, "转出面积");
    private static final Set<String> SLOPE_HEADINGS = Set.of("坡度级别", "坡度等级", "坡度分级", "坡度级", "坡度", "坡级",
            "各坡度级面积", "坡度级别面积", "耕地坡度级别");
    private static final Pattern TITLE_YEAR = Pattern.compile("((?:19|20|21)\\d{2})\\s*年");

    private PlanColumns() {
    }

    private static Map<String, String> names(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i]);
            for (String name : pairs[i + 1].split("\\|")) {
                map.put(norm(name), pairs[i]);
            }
        }
        return map;
    }

    /** The column a header names in a table of {@code kind}, or null. */
    static String column(PlanKind kind, String header) {
        String n = norm(header);
        if (n.isEmpty()) {
            return null;
        }
        Integer grade = slopeGrade(n);
        if (grade != null) {
            return slope(grade);
        }
        Map<String, String> own = kind == PlanKind.INFLOW ? INFLOW : OUTFLOW;
        String found = own.get(n);
        return found != null ? found : COMMON.get(n);
    }

    /** Whether a header is the heading above the slope grades (坡度级别). */
    static boolean slopeHeading(String header) {
        return SLOPE_HEADINGS.contains(norm(header));
    }

    /**
     * The slope grade a header names: slope_3_ha, 坡度3级, 3级, Ⅲ级, 三级, 6°-15°, or a heading and its grade joined
     * ("坡度级别/3"); null if it names none.
     */
    static Integer slopeGrade(String normalized) {
        Matcher machine = Pattern.compile("^slope_([1-5])(_ha)?$").matcher(normalized);
        if (machine.matches()) {
            return Integer.parseInt(machine.group(1));
        }
        String rest = normalized;
        boolean underHeading = false;
        for (String heading : List.of("各坡度级面积", "坡度级别面积", "耕地坡度级别", "坡度级别", "坡度等级", "坡度分级", "坡度级", "坡度", "坡级")) {
            if (rest.startsWith(heading)) {
                rest = rest.substring(heading.length());
                underHeading = true;
                break;
            }
        }
        rest = rest.replace("/", "").replace("面积", "");
        if (rest.isEmpty()) {
            return null;
        }
        Integer byDegrees = byDegrees(rest);
        if (byDegrees != null) {
            return byDegrees;
        }
        boolean graded = rest.endsWith("级");
        String level = graded ? rest.substring(0, rest.length() - 1) : rest;
        Integer grade = switch (level) {
            case "1", "i", "一" -> 1;
            case "2", "ii", "二" -> 2;
            case "3", "iii", "三" -> 3;
            case "4", "iv", "四" -> 4;
            case "5", "v", "五" -> 5;
            default -> null;
        };
        return grade != null && (underHeading || graded) ? grade : null;
    }

    private static Integer byDegrees(String s) {
        String t = s.replace("°", "").replace("度", "").replace("~", "-").replace("—", "-").replace("–", "-");
        if (t.matches("(≤|<|<=|0-)2|2以下")) {
            return 1;
        }
        if (t.matches("2-6")) {
            return 2;
        }
        if (t.matches("6-15")) {
            return 3;
        }
        if (t.matches("15-25")) {
            return 4;
        }
        if (t.matches("(>|≥|>=)25|25以上")) {
            return 5;
        }
        return null;
    }

    /** Whether a header states areas in 亩 rather than 公顷. */
    static boolean inMu(String header) {
        String n = Normalizer.normalize(header, Normalizer.Form.NFKC);
        return n.contains("亩") && !n.contains("公顷");
    }

    /** The year a title such as "陇西县2022年度耕地转出情况表" names, or null. */
    static Integer titleYear(String text) {
        Matcher m = TITLE_YEAR.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : null;
    }

    /**
     * A header as compared: full-width forms folded (NFKC, so （公顷） is (公顷) and Ⅲ is III), lower case, no spaces,
     * units in brackets dropped.
     */
    static String norm(String header) {
        String n = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        n = n.replaceAll("\\s+", "");
        n = n.replaceAll("\\((公顷|亩|hm2|ha|平方米|m2|单位:公顷|单位:亩)\\)", "");
        return n;
    }
}
