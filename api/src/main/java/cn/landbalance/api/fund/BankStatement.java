package cn.landbalance.api.fund;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.settlement.fund.Reconciliation;
import cn.landbalance.settlement.imports.Csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a bank statement CSV: date (yyyy-MM-dd), amount (元, 2 decimals, negative for out), reference, counterparty. */
final class BankStatement {
    private BankStatement() {
    }

    static List<Reconciliation.BankLine> parse(String csv) {
        List<List<String>> records = Csv.parse(csv == null ? "" : csv);
        if (records.size() < 2) {
            throw new DomainException(ErrorCode.IMPORT_FILE_INVALID, "the bank statement has no lines");
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < records.get(0).size(); c++) {
            columns.put(records.get(0).get(c).strip().toLowerCase(), c);
        }
        for (String required : List.of("date", "amount", "reference", "counterparty")) {
            if (!columns.containsKey(required)) {
                throw new DomainException(ErrorCode.IMPORT_FILE_INVALID, "missing column " + required);
            }
        }
        List<Reconciliation.BankLine> lines = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> cells = records.get(i);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            int row = i + 1;
            try {
                LocalDate date = LocalDate.parse(cell(cells, columns, "date"));
                BigDecimal yuan = new BigDecimal(cell(cells, columns, "amount"));
                if (yuan.scale() > 2) {
                    throw new NumberFormatException("more than 2 decimals");
                }
                lines.add(new Reconciliation.BankLine(row, date, yuan.movePointRight(2).longValueExact(),
                        cell(cells, columns, "reference"), cell(cells, columns, "counterparty")));
            } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
                throw new DomainException(ErrorCode.IMPORT_FILE_INVALID, "row " + row + ": " + e.getMessage());
            }
        }
        if (lines.isEmpty()) {
            throw new DomainException(ErrorCode.IMPORT_FILE_INVALID, "the bank statement has no lines");
        }
        return lines;
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String name) {
        int index = columns.get(name);
        return index < cells.size() ? cells.get(index).strip() : "";
    }
}
