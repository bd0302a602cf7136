package cn.landbalance.settlement.imports;

import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.places.PlaceName;
import cn.landbalance.settlement.places.PlaceNames;

import java.util.HashMap;
import java.util.Map;

/**
 * The county a plan is imported into: its townships by name and its place-name history. A row naming a township by a
 * former name (双泉乡, now 双泉镇) is imported under the current one, with a warning; an unknown name is an error
 * that suggests the township it probably means.
 */
public record ImportScope(Region county, Map<String, Region> townshipsByName, Map<String, PlaceName> formerNames) {

    public static ImportScope of(Regions regions, PlaceNames placeNames, long countyId) {
        Region county = regions.requireCounty(countyId);
        Map<String, Region> townships = new HashMap<>();
        regions.children(county.id()).forEach(t -> townships.put(key(t.name()), t));
        Map<String, PlaceName> former = new HashMap<>();
        placeNames.ofCounty(county.id()).forEach(p -> former.put(key(p.formerName()), p));
        return new ImportScope(county, townships, former);
    }

    /** The row's township, or an error of the row. */
    public Region township(PlanTable.Row row) {
        String name = row.text(PlanColumns.TOWNSHIP);
        if (name.isEmpty()) {
            row.error(ErrorCode.IMPORT_VALUE_INVALID, "乡镇为空", "township is blank");
            return null;
        }
        Region township = townshipsByName.get(key(name));
        if (township != null) {
            return township;
        }
        PlaceName former = formerNames.get(key(name));
        if (former != null) {
            Region current = townshipsByName.values().stream().filter(t -> t.id() == former.regionId()).findFirst().orElse(null);
            if (current != null) {
                String since = former.effectiveOn() == null ? "" : "（" + former.effectiveOn() + " 起）";
                row.warn(ErrorCode.IMPORT_FORMER_PLACE_NAME,
                        "“" + name + "”是“" + current.name() + "”的旧称" + since + "，已按“" + current.name() + "”导入",
                        "'" + name + "' is a former name of '" + current.name() + "'"
                                + (former.effectiveOn() == null ? "" : " (renamed " + former.effectiveOn() + ")")
                                + "; imported under '" + current.name() + "'");
                return current;
            }
        }
        Region likely = likely(name);
        row.error(ErrorCode.IMPORT_UNKNOWN_TOWNSHIP,
                "“" + name + "”不是本县的乡镇" + (likely == null ? "" : "；是否为“" + likely.name()
                        + "”？如是更名或合并，请在“地名沿革”中登记"),
                "'" + name + "' is not a township of this county" + (likely == null ? "" : "; did you mean '" + likely.name()
                        + "'? If it was renamed or merged, add it to the place-name history"));
        return null;
    }

    /** A township whose name differs only in its 乡/镇/街道 ending. */
    private Region likely(String name) {
        String stem = stem(name);
        return townshipsByName.values().stream().filter(t -> stem(t.name()).equals(stem) && !stem.isEmpty()).findFirst().orElse(null);
    }

    private static String stem(String name) {
        String k = key(name);
        for (String ending : new String[] {"街道办事处", "街道", "乡", "镇"}) {
            if (k.endsWith(ending) && k.length() > ending.length()) {
                return k.substring(0, k.length() - ending.length());
            }
        }
        return k;
    }

    /** Names compare without spaces (全角 and 半角). */
    static String key(String name) {
        return name == null ? "" : SPACES.matcher(name).replaceAll("");
    }

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[\\s\\u3000]+");
}
