package cn.landbalance.settlement.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a plan table's header is in a file, and what it says: the row (or two rows, with the slope grades under a
 * merged 坡度级别) naming the columns, the column each known name is in, the header each was read from, and the year in
 * the title above.
 */
record PlanHeader(Map<String, Integer> columns, Map<String, String> headers, int firstDataIndex, int headerRows,
                  Integer titleYear) {
    private static final int HEADER_SEARCH_ROWS = 30;

    /**
     * Finds the header among the file's first rows and checks that every {@code required} column is there; otherwise
     * IMPORT_FILE_INVALID naming the missing columns. A header stating areas in 亩 is refused (the plan's tables are in
     * 公顷).
     */
    static PlanHeader find(List<List<String>> rows, PlanKind kind, List<String> required) {
        int best = -1;
        int bestScore = 0;
        for (int i = 0; i < Math.min(HEADER_SEARCH_ROWS, rows.size()); i++) {
            int score = (int) rows.get(i).stream().filter(c -> PlanColumns.column(kind, c) != null || PlanColumns.slopeHeading(c)).count();
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
            if (score >= 3) {
                break;
            }
        }
        if (best < 0 || bestScore < 2) {
            if (rows.stream().allMatch(r -> r.stream().allMatch(String::isBlank))) {
                throw XlsxReader.invalid("文件为空", "the file is empty");
            }
            throw XlsxReader.invalid("找不到表头（应有 乡镇、面积 等列）", "no header row found (columns such as 乡镇/township, 面积/area_ha)");
        }
        List<String> header = rows.get(best);
        List<String> below = best + 1 < rows.size() ? rows.get(best + 1) : List.of();
        boolean twoRows = isSubHeader(header, below);
        Map<String, Integer> columns = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        int width = Math.max(header.size(), twoRows ? below.size() : 0);
        for (int c = 0; c < width; c++) {
            String top = c < header.size() ? header.get(c).strip() : "";
            String sub = twoRows && c < below.size() ? below.get(c).strip() : "";
            String name = sub.isEmpty() || sub.equals(top) ? top : top.isEmpty() ? sub : top + "/" + sub;
            String column = PlanColumns.column(kind, name);
            if (column == null && !sub.isEmpty() && !sub.equals(top)) {
                column = PlanColumns.column(kind, sub);
            }
            if (column != null && !columns.containsKey(column)) {
                if ((column.equals(PlanColumns.AREA) || column.startsWith("slope_")) && PlanColumns.inMu(name)) {
                    throw XlsxReader.invalid("列“" + name + "”的面积单位是亩；计划表面积应以公顷填写",
                            "column '" + name + "' is in 亩 (mu); plan tables state areas in 公顷 (hectares)");
                }
                columns.put(column, c);
                headers.put(column, name);
            }
        }
        List<String> missing = required.stream().filter(r -> !columns.containsKey(r)).toList();
        if (!missing.isEmpty()) {
            throw XlsxReader.invalid("缺少列：" + String.join("、", missing.stream().map(m -> PlanColumns.PRINTED.getOrDefault(m, m)).toList()),
                    "missing columns: " + String.join(", ", missing));
        }
        Integer year = null;
        for (int i = 0; i < best && year == null; i++) {
            year = PlanColumns.titleYear(String.join(" ", rows.get(i)));
        }
        int headerRows = twoRows ? 2 : 1;
        return new PlanHeader(columns, headers, best + headerRows, headerRows, year);
    }

    /** The row under a header is a second header row when it holds slope grades under a 坡度级别 heading. */
    private static boolean isSubHeader(List<String> header, List<String> below) {
        int grades = 0;
        for (int c = 0; c < below.size(); c++) {
            String top = c < header.size() ? header.get(c) : "";
            if (PlanColumns.slopeHeading(top) && PlanColumns.slopeGrade(PlanColumns.norm(top + "/" + below.get(c))) != null) {
                grades++;
            }
        }
        return grades >= 2;
    }
}
