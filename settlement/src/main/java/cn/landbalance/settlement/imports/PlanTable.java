package cn.landbalance.settlement.imports;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.settlement.imports.RowIssue.Severity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A plan table (附表1/附表2 of a county's annual plan) found in a table file: the title above it (its year), the header
 * (one row, or two with the slope grades under a merged 坡度级别), and the data rows below, numbered as in the
 * spreadsheet. Total and note rows are skipped and said so; a blank grouping cell (乡镇, 行政村, 地类) takes the value
 * above it, with a warning. Cells are read exactly: problems are collected per row, never corrected silently.
 */
public final class PlanTable {
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
        this.precisionScale = PlanCells.precision(cells, firstDataIndex, columns);
        this.sortedColumns = columns.keySet().stream().sorted().toList();
    }

    /**
     * Finds the table in the file and checks that every {@code required} column is there; otherwise IMPORT_FILE_INVALID
     * naming the missing columns. A header stating areas in 亩 is refused (the plan's tables are in 公顷).
     */
    public static PlanTable read(TableFile file, PlanKind kind, List<String> required) {
        List<List<String>> rows = file.rows();
        PlanHeader header = PlanHeader.find(rows, kind, required);
        return new PlanTable(kind, rows, header.columns(), header.headers(), header.firstDataIndex(), header.headerRows(),
                header.titleYear());
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
            if (PlanCells.summary(raw)) {
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

    /** A cell of dashes only ("—", "/"): nothing stated. */
    public static boolean dashes(String value) {
        return PlanCells.dashes(value);
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
            return index == null || index >= cells.size() ? "" : PlanCells.fold(cells.get(index)).strip();
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
            BigDecimal number = PlanCells.decimal(value);
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
                BigDecimal number = area && (value.isEmpty() || dashes(value)) ? BigDecimal.ZERO : PlanCells.decimal(value);
                b.append(column).append('=').append(number == null ? value : number.stripTrailingZeros().toPlainString()).append(';');
            }
            return b.toString();
        }
    }
}
