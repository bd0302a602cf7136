package cn.landbalance.settlement.imports;

import cn.landbalance.ledger.common.ErrorCode;

/**
 * What an import says of one row: an error refuses the row, a warning imports it and says why; a skip is a row that
 * is not data (a total or a note). {@code row} is the spreadsheet row number. Messages come in Chinese and English.
 */
public record RowIssue(int row, ErrorCode code, Severity severity, String messageZh, String messageEn) {
    public enum Severity { ERROR, WARNING, SKIP }
}
