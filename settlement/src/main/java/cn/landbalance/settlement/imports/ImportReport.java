package cn.landbalance.settlement.imports;

import cn.landbalance.ledger.common.ErrorCode;

import java.util.List;

/** What an import did: rows read, rows imported (and their area), and every row it refused or warns about. */
public record ImportReport(int rowsRead, int imported, long importedM2, List<RowIssue> rejected, List<RowIssue> warnings) {

    /** {@code row} is the spreadsheet row number: the header is row 1. */
    public record RowIssue(int row, ErrorCode code, String message) {
    }
}
