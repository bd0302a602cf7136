package cn.landbalance.settlement.imports;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.settlement.imports.RowIssue.Severity;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A plan table (附表1/附表2 of a county's annual plan) found in a table file: the title above it (its year), the header
 * (one row, or two with the slope grades under a merged 坡度级别), and the data rows below, numbered as in the
 * spreadsheet. Total and note rows are skipped and said so; a blank grouping cell (乡镇, 行政村, 地类) takes the value
 * above it, with a warning. Cells are read exactly: problems are collected per row, never corrected silently.
 */
public final class PlanTable {
    private static final int HEADER_SEARCH_ROWS = 30;
    private static final Set<String> SUMMARY_LABELS = Set.of("合计", "总计", "小计", "合计面积", "总合计", "全县合计", "总面积");
    private static final List<String> NOTE_PREFIXES = List.of("注", "说明", "备注", "制表", "审核", "填表", "负责人");
    private static final Pattern DASHES = Pattern.compile("[-—–/／]+");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?|\\.\\d+");
    private static final Pattern GRADE = Pattern.compile("\\d{1,2}");

    private final PlanKind kind;
    private final List<List<String>> cells;
    private final Map<String, Integer> columns;
    private final Map<String, String> headers;
    private final int firstDataIndex;
    private final int headerRows;
    private final Integer titleYear;
    private final int precisionScale;
    private final List<String> sortedColumns;

    private PlanTable(PlanKind kind, List<List<String>> cells, Map<String, Integer> columns, Map<String, String> headers,
                      int firstDataIndex, int headerRows, Integer titleYear) {
        this.kind = kind;
        this.cells = cells;
        this.columns = columns;
        this.headers = headers;
        this.firstDataIndex = firstDataIndex;
        this.headerRows = headerRows;
        this.titleYear = titleYear;
        this.precisionScale = precision();
        this.sortedColumns = columns.keySet().stream().sorted().toList();
    }

    /**
     * Finds the table in the file and checks that every {@code required} column is there; otherwise IMPORT_FILE_INVALID
     * naming the missing columns. A header stating areas in 亩 is refused (the plan's tables are in 公顷).
     */
    public static PlanTable read(TableFile file, PlanKind kind, List<String> required) {
        List<List<String>> rows = file.rows();
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
        return new PlanTable(kind, rows, columns, headers, best + headerRows, headerRows, year);
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

    public PlanKind kind() {
        return kind;
    }

    /** The year in the title above the table ("2022年度"), or null. */
    public Integer titleYear() {
        return titleYear;
    }

    public int headerRows() {
        return headerRows;
    }

    /** Which header of the file each column was read from. */
    public Map<String, String> headers() {
        return headers;
    }

    public boolean has(String column) {
        return columns.containsKey(column);
    }

    /** The finest number of decimals printed in the table's area cells (4 for 0.0001 公顷), at most 4. */
    public int precisionScale() {
        return precisionScale;
    }

    /** The table's printed precision in m²: 1 m² for 4 decimals of 公顷, 100 m² for 2. */
    public long precisionM2() {
        return BigDecimal.ONE.movePointLeft(precisionScale).multiply(BigDecimal.valueOf(Units.M2_PER_HECTARE)).longValueExact();
    }

    private int precision() {
        int scale = 0;
        for (int i = firstDataIndex; i < cells.size(); i++) {
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

    /** The data rows in file order: blank rows left out; total and note rows come back as skipped. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        Map<String, String> above = new LinkedHashMap<>();
        List<String> carried = kind == PlanKind.INFLOW
                ? List.of(PlanColumns.TOWNSHIP, PlanColumns.VILLAGE, PlanColumns.LAND_CLASS_BEFORE)
                : List.of(PlanColumns.TOWNSHIP);
        for (int i = firstDataIndex; i < cells.size(); i++) {
            List<String> raw = cells.get(i);
            if (raw.stream().allMatch(String::isBlank)) {
                continue;
            }
            Row row = new Row(i + 1, new ArrayList<>(raw));
            rows.add(row);
            if (summary(raw)) {
                row.skip(ErrorCode.IMPORT_SUMMARY_ROW, "合计、小计或说明行，不导入", "a total, subtotal or note row; not imported");
                continue;
            }
            for (String column : carried) {
                if (!has(column)) {
                    continue;
                }
                if (row.text(column).isEmpty() && above.containsKey(column)) {
                    row.set(column, above.get(column));
                    row.warn(ErrorCode.IMPORT_VALUE_CARRIED_DOWN,
                            PlanColumns.PRINTED.get(column) + "为空，沿用上一行的“" + above.get(column) + "”",
                            column + " is blank; the row above's '" + above.get(column) + "' is used");
                }
                above.put(column, row.text(column));
            }
        }
        return rows;
    }

    private static boolean summary(List<String> raw) {
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

    public static boolean dashes(String value) {
        return DASHES.matcher(value).matches();
    }

    /** One data row of the table. */
    public final class Row {
        private final int number;
        private final List<String> cells;
        private final List<RowIssue> issues = new ArrayList<>();

        Row(int number, List<String> cells) {
            this.number = number;
            this.cells = cells;
        }

        public int number() {
            return number;
        }

        public List<RowIssue> issues() {
            return issues;
        }

        public String text(String column) {
            Integer index = columns.get(column);
            return index == null || index >= cells.size() ? "" : fold(cells.get(index)).strip();
        }

        void set(String column, String value) {
            int index = columns.get(column);
            while (cells.size() <= index) {
                cells.add("");
            }
            cells.set(index, value);
        }

        /** A 公顷 cell as whole m²; empty or a dash is 0; not a number or finer than 1 m² is an error of the row. */
        public long hectares(String column) {
            String value = text(column);
            if (value.isEmpty() || dashes(value)) {
                return 0;
            }
            BigDecimal number = decimal(value);
            if (number == null) {
                error(ErrorCode.IMPORT_VALUE_INVALID, headers.getOrDefault(column, column) + "“" + value + "”不是以公顷计的数字",
                        column + ": '" + value + "' is not a number of hectares");
                return 0;
            }
            try {
                return Units.hectaresToM2(number.toPlainString());
            } catch (DomainException e) {
                error(ErrorCode.IMPORT_VALUE_INVALID, headers.getOrDefault(column, column) + "“" + value
                        + "”精度超过 0.0001 公顷（1 平方米）或超出范围", column + ": " + e.detailEn());
                return 0;
            }
        }

        /** The cell as one of {@code type}'s constants (named as printed: 集体, 旱地 ...), else an error. */
        public <E extends Enum<E>> E choice(Class<E> type, String column) {
            String value = text(column);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
            String allowed = String.join("、", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
            error(ErrorCode.IMPORT_VALUE_INVALID, PlanColumns.PRINTED.getOrDefault(column, column) + "“" + value + "”不是 "
                    + allowed + " 之一", column + " '" + value + "' is not one of " + allowed);
            return null;
        }

        /** The row's quality grade: its own cell, else the import's grade; an error if neither or not 1-15. */
        public int qualityGrade(Integer importGrade) {
            String value = text(PlanColumns.QUALITY_GRADE);
            Integer grade = importGrade;
            if (!value.isEmpty()) {
                grade = GRADE.matcher(value).matches() ? Integer.valueOf(value) : -1;
            }
            if (grade == null) {
                error(ErrorCode.IMPORT_VALUE_INVALID, "没有质量等别：表中无“质量等别”列时请在导入时选择等别",
                        "no quality grade: the table has no quality_grade column, so choose the grade for the import");
                return 0;
            }
            if (grade < 1 || grade > 15) {
                error(ErrorCode.IMPORT_VALUE_INVALID, "质量等别应为 1-15 的整数，表中为“" + value + "”",
                        "quality grade must be a whole number 1-15, got '" + value + "'");
                return 0;
            }
            return grade;
        }

        public void error(ErrorCode code, String zh, String en) {
            issues.add(new RowIssue(number, code, Severity.ERROR, zh, en));
        }

        public void warn(ErrorCode code, String zh, String en) {
            issues.add(new RowIssue(number, code, Severity.WARNING, zh, en));
        }

        void skip(ErrorCode code, String zh, String en) {
            issues.add(new RowIssue(number, code, Severity.SKIP, zh, en));
        }

        public boolean skipped() {
            return issues.stream().anyMatch(i -> i.severity() == Severity.SKIP);
        }

        public boolean refused() {
            return issues.stream().anyMatch(i -> i.severity() == Severity.ERROR);
        }

        public boolean warned() {
            return issues.stream().anyMatch(i -> i.severity() == Severity.WARNING);
        }

        /** The row's cells of the mapped columns, normalised (numbers without trailing zeros): its content for fingerprints. */
        public String content() {
            StringBuilder b = new StringBuilder();
            for (String column : sortedColumns) {
                String value = text(column);
                boolean area = column.equals(PlanColumns.AREA) || column.startsWith("slope_");
                BigDecimal number = area && (value.isEmpty() || dashes(value)) ? BigDecimal.ZERO : decimal(value);
                b.append(column).append('=').append(number == null ? value : number.stripTrailingZeros().toPlainString()).append(';');
            }
            return b.toString();
        }
    }
}
