package cn.landbalance.settlement.imports;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the cells of a plan table read: decimals (thousands separators allowed), full-width text folded, dashes for
 * nothing, and the total and note rows that are not data.
 */
final class PlanCells {
    private static final Set<String> SUMMARY_LABELS = Set.of("合计", "总计", "小计", "合计面积", "总合计", "全县合计", "总面积");
    private static final List<String> NOTE_PREFIXES = List.of("注", "说明", "备注", "制表", "审核", "填表", "负责人");
    private static final Pattern DASHES = Pattern.compile("[-—–/／]+");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?|\\.\\d+");

    private PlanCells() {
    }

    /** A total, subtotal or note row: a summary label in its first cells, or a lone note. */
    static boolean summary(List<String> raw) {
        for (int c = 0; c < Math.min(3, raw.size()); c++) {
            String cell = raw.get(c);
            if (cell.length() <= 12 && SUMMARY_LABELS.contains(PlanColumns.norm(cell))) {
                return true;
            }
        }
        String only = null;
        for (String cell : raw) {
            if (!cell.isBlank()) {
                if (only != null) {
                    return false;
                }
                only = cell.strip();
            }
        }
        String note = only;
        return note != null && NOTE_PREFIXES.stream().anyMatch(note::startsWith);
    }

    /** The finest number of decimals printed in the area cells of the data rows from {@code first}, at most 4. */
    static int precision(List<List<String>> cells, int first, Map<String, Integer> columns) {
        int scale = 0;
        for (int i = first; i < cells.size(); i++) {
            List<String> row = cells.get(i);
            for (Map.Entry<String, Integer> column : columns.entrySet()) {
                if (column.getKey().equals(PlanColumns.AREA) || column.getKey().startsWith("slope_")) {
                    BigDecimal value = decimal(column.getValue() < row.size() ? row.get(column.getValue()) : "");
                    if (value != null) {
                        scale = Math.max(scale, Math.max(0, value.scale()));
                    }
                }
            }
        }
        return Math.min(scale, 4);
    }

    /** A decimal cell: digits with an optional point, thousands separators allowed; null if not such a number. */
    static BigDecimal decimal(String cell) {
        String s = fold(cell == null ? "" : cell).strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.indexOf(',') >= 0 && GROUPED.matcher(s).matches()) {
            s = s.replace(",", "");
        }
        if (!DECIMAL.matcher(s).matches()) {
            return null;
        }
        return new BigDecimal(s);
    }

    /** NFKC (full-width digits and letters folded), skipped for text that has nothing to fold. */
    static String fold(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x2000 && !(c >= 0x4E00 && c <= 0x9FFF)) {
                return Normalizer.normalize(text, Normalizer.Form.NFKC);
            }
        }
        return text;
    }

    static boolean dashes(String value) {
        return DASHES.matcher(value).matches();
    }
}
