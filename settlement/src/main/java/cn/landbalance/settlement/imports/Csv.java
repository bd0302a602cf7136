package cn.landbalance.settlement.imports;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

import java.util.ArrayList;
import java.util.List;

/** A small RFC 4180 reader for the county's spreadsheet exports (quotes, CRLF, comma or tab separated). */
public final class Csv {
    private Csv() {
    }

    /**
     * The records of {@code text}, cells separated by {@code delimiter}; each is a list of cells. Blank lines are kept as
     * empty records. A text with control characters other than tab and line breaks (a binary file, say) is refused.
     */
    public static List<List<String>> parse(String text, char delimiter) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(++i)))) {
                throw new DomainException(ErrorCode.IMPORT_FILE_INVALID,
                        "文件第 " + i + " 个字符是控制字符或乱码（是否为 CSV 文本文件？）",
                        "the file contains a control character or broken text at character " + i
                                + " (is it a CSV text file?)");
            }
        }
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }
}
