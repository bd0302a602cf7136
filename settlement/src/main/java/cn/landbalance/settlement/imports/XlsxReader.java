package cn.landbalance.settlement.imports;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the first visible worksheet of an .xlsx workbook (Office Open XML, as Excel and WPS save it) into rows of
 * cell texts, numbered as in the spreadsheet (row 1 is index 0). Shared and inline strings, numbers (the decimal Excel
 * shows, to its 15 significant digits: a stored 8.2299999999999998E-2 is 0.0823) and booleans are read; formulas give
 * their cached value. Every cell of a merged range takes the range's top-left value, as the printed table shows it.
 * The XML is read without DTDs or external entities, and the unpacked size is bounded.
 */
final class XlsxReader {
    static final long MAX_UNPACKED_BYTES = 400L * 1024 * 1024;
    static final int MAX_COLUMNS = 256;
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XML.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    }

    private XlsxReader() {
    }

    static List<List<String>> firstSheet(byte[] bytes) {
        Map<String, byte[]> parts = unzip(bytes);
        try {
            String sheetPath = firstSheetPath(parts);
            byte[] sheet = parts.get(sheetPath);
            if (sheet == null) {
                throw invalid("工作簿中找不到工作表 " + sheetPath, "the workbook has no worksheet " + sheetPath);
            }
            List<String> shared = parts.containsKey("xl/sharedStrings.xml") ? sharedStrings(parts.get("xl/sharedStrings.xml")) : List.of();
            return sheet(sheet, shared);
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw invalid("不是有效的 .xlsx 工作簿（" + e.getClass().getSimpleName() + "）",
                    "not a valid .xlsx workbook (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Map<String, byte[]> unzip(byte[] bytes) {
        Map<String, byte[]> parts = new HashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            byte[] buffer = new byte[64 * 1024];
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName().startsWith("/") ? entry.getName().substring(1) : entry.getName();
                boolean wanted = name.equals("xl/workbook.xml") || name.equals("xl/_rels/workbook.xml.rels")
                        || name.equals("xl/sharedStrings.xml") || name.startsWith("xl/worksheets/") && name.endsWith(".xml");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    total += n;
                    if (total > MAX_UNPACKED_BYTES) {
                        throw invalid("工作簿解压后超过 " + MAX_UNPACKED_BYTES / 1024 / 1024 + " MB",
                                "the workbook unpacks to more than " + MAX_UNPACKED_BYTES / 1024 / 1024 + " MB");
                    }
                    if (wanted) {
                        out.write(buffer, 0, n);
                    }
                }
                if (wanted) {
                    parts.put(name, out.toByteArray());
                }
            }
        } catch (IOException e) {
            throw invalid("不是有效的 .xlsx 工作簿（压缩包损坏）", "not a valid .xlsx workbook (broken zip)");
        }
        if (!parts.containsKey("xl/workbook.xml")) {
            throw invalid("不是 .xlsx 工作簿（缺少 xl/workbook.xml）", "not an .xlsx workbook (no xl/workbook.xml)");
        }
        return parts;
    }

    /** The path of the first sheet that is not hidden, through the workbook's relationships. */
    private static String firstSheetPath(Map<String, byte[]> parts) throws XMLStreamException {
        String relId = null;
        String anyRelId = null;
        XMLStreamReader r = XML.createXMLStreamReader(in(parts.get("xl/workbook.xml")));
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT && local(r).equals("sheet")) {
                String id = attribute(r, "id");
                if (anyRelId == null) {
                    anyRelId = id;
                }
                String state = attribute(r, "state");
                if (relId == null && (state == null || state.equals("visible"))) {
                    relId = id;
                }
            }
        }
        relId = relId == null ? anyRelId : relId;
        if (relId == null) {
            throw invalid("工作簿中没有工作表", "the workbook has no sheet");
        }
        byte[] rels = parts.get("xl/_rels/workbook.xml.rels");
        if (rels != null) {
            XMLStreamReader x = XML.createXMLStreamReader(in(rels));
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && local(x).equals("Relationship")
                        && relId.equals(x.getAttributeValue(null, "Id"))) {
                    String target = x.getAttributeValue(null, "Target");
                    return target.startsWith("/") ? target.substring(1) : "xl/" + target;
                }
            }
        }
        return "xl/worksheets/sheet1.xml";
    }

    private static List<String> sharedStrings(byte[] xml) throws XMLStreamException {
        List<String> strings = new ArrayList<>();
        XMLStreamReader r = XML.createXMLStreamReader(in(xml));
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

    private static List<List<String>> sheet(byte[] xml, List<String> shared) throws XMLStreamException {
        List<List<String>> rows = new ArrayList<>();
        List<int[]> merges = new ArrayList<>();
        XMLStreamReader r = XML.createXMLStreamReader(in(xml));
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

    /**
     * A stored number as Excel shows it: at most 15 significant digits (Excel's own precision), trailing zeros dropped,
     * so 8.2299999999999998E-2 is 0.0823 and 1.3640000000000001 is 1.364. Exact decimal arithmetic, no floating point.
     */
    static String number(String raw) {
        try {
            BigDecimal shown = new BigDecimal(raw.strip()).round(EXCEL_PRECISION).stripTrailingZeros();
            return shown.scale() < 0 ? shown.setScale(0).toPlainString() : shown.toPlainString();
        } catch (NumberFormatException | ArithmeticException e) {
            return raw;
        }
    }

    private static final java.math.MathContext EXCEL_PRECISION = new java.math.MathContext(15, java.math.RoundingMode.HALF_EVEN);

    /** "AB12" → column index 27. */
    static int columnOf(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            } else {
                break;
            }
        }
        return column - 1;
    }

    /** "A1:B3" → {0, 0, 2, 1}; null if not a range. */
    static int[] range(String ref) {
        if (ref == null || !ref.contains(":")) {
            return null;
        }
        String[] ends = ref.split(":");
        int[] from = cell(ends[0]);
        int[] to = cell(ends[1]);
        return from == null || to == null ? null : new int[] {from[0], from[1], to[0], to[1]};
    }

    private static int[] cell(String ref) {
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            i++;
        }
        if (i == 0 || i == ref.length()) {
            return null;
        }
        try {
            return new int[] {Integer.parseInt(ref.substring(i)) - 1, columnOf(ref.substring(0, i).toUpperCase())};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String local(XMLStreamReader r) {
        String name = r.getLocalName();
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    /** An attribute by local name, whatever its prefix (r:id and id both answer "id"). */
    private static String attribute(XMLStreamReader r, String localName) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String name = r.getAttributeLocalName(i);
            int colon = name.indexOf(':');
            if ((colon < 0 ? name : name.substring(colon + 1)).equals(localName)) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    private static InputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    static DomainException invalid(String zh, String en) {
        return new DomainException(ErrorCode.IMPORT_FILE_INVALID, zh, en);
    }
}
