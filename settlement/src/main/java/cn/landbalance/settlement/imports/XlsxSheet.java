package cn.landbalance.settlement.imports;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.ArrayList;
import java.util.List;

import static cn.landbalance.settlement.imports.XlsxReader.MAX_COLUMNS;
import static cn.landbalance.settlement.imports.XlsxReader.attribute;
import static cn.landbalance.settlement.imports.XlsxReader.columnOf;
import static cn.landbalance.settlement.imports.XlsxReader.local;
import static cn.landbalance.settlement.imports.XlsxReader.number;
import static cn.landbalance.settlement.imports.XlsxReader.range;
import static cn.landbalance.settlement.imports.XlsxReader.xml;

/**
 * A worksheet's XML read into rows of cell texts: shared and inline strings, numbers, booleans and cached formula
 * values, with every cell of a merged range taking the range's top-left text.
 */
final class XlsxSheet {
    private XlsxSheet() {
    }

    static List<String> sharedStrings(byte[] xml) throws XMLStreamException {
        List<String> strings = new ArrayList<>();
        XMLStreamReader r = xml(xml);
        StringBuilder text = null;
        int phonetic = 0;
        boolean inT = false;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (local(r)) {
                    case "si" -> text = new StringBuilder();
                    case "rPh" -> phonetic++;
                    case "t" -> inT = phonetic == 0;
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                switch (local(r)) {
                    case "si" -> strings.add(text == null ? "" : text.toString());
                    case "rPh" -> phonetic--;
                    case "t" -> inT = false;
                    default -> {
                    }
                }
            } else if (inT && text != null && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                text.append(r.getText());
            }
        }
        return strings;
    }

    static List<List<String>> sheet(byte[] xml, List<String> shared) throws XMLStreamException {
        List<List<String>> rows = new ArrayList<>();
        List<int[]> merges = new ArrayList<>();
        XMLStreamReader r = xml(xml);
        List<String> row = null;
        int rowIndex = -1;
        int column = 0;
        String type = null;
        StringBuilder value = null;
        boolean inValue = false;
        boolean inInline = false;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (local(r)) {
                    case "row" -> {
                        String number = attribute(r, "r");
                        rowIndex = number == null ? rowIndex + 1 : Integer.parseInt(number) - 1;
                        while (rows.size() < rowIndex) {
                            rows.add(new ArrayList<>());
                        }
                        row = new ArrayList<>();
                        column = 0;
                    }
                    case "c" -> {
                        String ref = attribute(r, "r");
                        column = ref == null ? column : columnOf(ref);
                        type = attribute(r, "t");
                        value = new StringBuilder();
                    }
                    case "v" -> inValue = true;
                    case "is" -> inInline = true;
                    case "t" -> inValue = inInline;
                    case "mergeCell" -> {
                        int[] range = range(attribute(r, "ref"));
                        if (range != null) {
                            merges.add(range);
                        }
                    }
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                switch (local(r)) {
                    case "row" -> {
                        rows.add(row);
                        row = null;
                    }
                    case "c" -> {
                        if (row != null && column < MAX_COLUMNS) {
                            while (row.size() <= column) {
                                row.add("");
                            }
                            row.set(column, cellText(type, value.toString(), shared));
                        }
                        column++;
                    }
                    case "v", "t" -> inValue = false;
                    case "is" -> inInline = false;
                    default -> {
                    }
                }
            } else if (inValue && value != null && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                value.append(r.getText());
            }
        }
        for (int[] m : merges) {
            fill(rows, m);
        }
        return rows;
    }

    /** Every cell of the merged range {firstRow, firstColumn, lastRow, lastColumn} gets the top-left cell's text. */
    private static void fill(List<List<String>> rows, int[] m) {
        if (m[0] >= rows.size()) {
            return;
        }
        List<String> top = rows.get(m[0]);
        String text = m[1] < top.size() ? top.get(m[1]) : "";
        if (text.isEmpty()) {
            return;
        }
        int lastRow = Math.min(m[2], rows.size() - 1);
        int lastColumn = Math.min(m[3], MAX_COLUMNS - 1);
        for (int i = m[0]; i <= lastRow; i++) {
            List<String> row = rows.get(i);
            for (int c = m[1]; c <= lastColumn; c++) {
                while (row.size() <= c) {
                    row.add("");
                }
                if (row.get(c).isEmpty()) {
                    row.set(c, text);
                }
            }
        }
    }

    private static String cellText(String type, String raw, List<String> shared) {
        if (type == null || type.equals("n")) {
            return raw.isEmpty() ? "" : number(raw);
        }
        return switch (type) {
            case "s" -> {
                int index = Integer.parseInt(raw.strip());
                yield index >= 0 && index < shared.size() ? shared.get(index) : "";
            }
            case "b" -> raw.strip().equals("1") ? "TRUE" : "FALSE";
            case "e" -> "";
            default -> raw; // str (formula text), inlineStr
        };
    }
}
