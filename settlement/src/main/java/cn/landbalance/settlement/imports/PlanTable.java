package cn.landbalance.settlement.imports;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.indicator.QualityGrades;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A plan table (附表1/附表2 of a county's annual plan) as CSV: the header names the columns, every other
 * non-blank line is a row numbered as in a spreadsheet (the header is row 1). Cells are read exactly;
 * problems are collected per row, never corrected.
 */
public final class PlanTable {
    private final List<List<String>> records;
    private final Map<String, Integer> columns = new HashMap<>();
    private final Map<String, Integer> seen = new HashMap<>();

    /** One data row of the table. */
    public final class Row {
        private final int number;
        private final List<String> cells;
        private final List<ImportReport.RowIssue> issues = new ArrayList<>();

        Row(int number, List<String> cells) {
            this.number = number;
            this.cells = cells;
        }

        public int number() {
            return number;
        }

        public List<ImportReport.RowIssue> issues() {
            return issues;
        }

        public boolean has(String column) {
            return columns.containsKey(column);
        }

        public String text(String column) {
            Integer index = columns.get(column);
            return index == null || index >= cells.size() ? "" : cells.get(index).strip();
        }

        /** A 公顷 cell as whole m²; empty is 0; finer than 1 m² or not a number is a row problem. */
        public long hectares(String column) {
            String value = text(column);
            if (value.isEmpty()) {
                return 0;
            }
            try {
                return Units.hectaresToM2(value);
            } catch (DomainException e) {
                problem(ErrorCode.IMPORT_VALUE_INVALID, column + ": " + e.getMessage());
                return 0;
            }
        }

        public <E extends Enum<E>> E choice(Class<E> type, String column) {
            String value = text(column);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
            problem(ErrorCode.IMPORT_VALUE_INVALID, column + " '" + value + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }

        /** The row's quality grade: its quality_grade cell, else the import's default; a row problem if neither. */
        public int qualityGrade(Integer defaultGrade) {
            String value = text("quality_grade");
            Integer grade = defaultGrade;
            if (!value.isEmpty()) {
                try {
                    grade = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    problem(ErrorCode.IMPORT_VALUE_INVALID, "quality_grade is not a whole number: " + value);
                    return 0;
                }
            }
            if (grade == null) {
                problem(ErrorCode.IMPORT_VALUE_INVALID, "no quality grade: add a quality_grade column or the qualityGrade parameter");
                return 0;
            }
            if (grade < QualityGrades.BEST || grade > QualityGrades.WORST) {
                problem(ErrorCode.IMPORT_VALUE_INVALID, "quality grade must be 1-15, got " + grade);
            }
            return grade;
        }

        /** Checks that the slope-grade areas add up to the row's total and that it is positive. */
        public void requireTotal(long slopesTotalM2, long totalM2) {
            if (slopesTotalM2 != totalM2) {
                problem(ErrorCode.IMPORT_SLOPE_SUM_MISMATCH, "slope grades add up to " + Units.m2ToHectares(slopesTotalM2)
                        + " 公顷 but area_ha is " + Units.m2ToHectares(totalM2) + " 公顷");
            } else if (totalM2 <= 0) {
                problem(ErrorCode.IMPORT_VALUE_INVALID, "area_ha must be positive");
            }
        }

        public void problem(ErrorCode code, String message) {
            issues.add(new ImportReport.RowIssue(number, code, message));
        }

        public boolean valid() {
            return issues.isEmpty();
        }

        /**
         * A stable key of this row's content for idempotent re-imports; identical rows in one file are told
         * apart by their occurrence.
         */
        public String fingerprint(String prefix) {
            String content = String.join("|", cells).strip();
            int occurrence = seen.merge(content, 1, Integer::sum);
            return prefix + ":" + sha256(content + "#" + occurrence);
        }
    }

    private PlanTable(List<List<String>> records) {
        this.records = records;
        List<String> header = records.get(0);
        for (int c = 0; c < header.size(); c++) {
            columns.put(header.get(c).strip(), c);
        }
    }

    /** Reads the CSV and checks that every required column is there (else IMPORT_FILE_INVALID for the whole file). */
    public static PlanTable read(String csv, List<String> required) {
        List<List<String>> records = Csv.parse(csv == null ? "" : csv);
        if (records.isEmpty() || records.get(0).stream().allMatch(String::isBlank)) {
            throw new DomainException(ErrorCode.IMPORT_FILE_INVALID, "the file is empty");
        }
        PlanTable table = new PlanTable(records);
        List<String> missing = required.stream().filter(name -> !table.columns.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new DomainException(ErrorCode.IMPORT_FILE_INVALID, "missing columns: " + missing);
        }
        return table;
    }

    /** The non-blank data rows, in file order. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            if (!records.get(i).stream().allMatch(String::isBlank)) {
                rows.add(new Row(i + 1, records.get(i)));
            }
        }
        return rows;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
