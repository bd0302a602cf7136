package cn.landbalance.settlement.imports;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

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
        Map<String, byte[]> parts = XlsxParts.unzip(bytes);
        try {
            String sheetPath = XlsxParts.firstSheetPath(parts);
            byte[] sheet = parts.get(sheetPath);
            if (sheet == null) {
                throw invalid("工作簿中找不到工作表 " + sheetPath, "the workbook has no worksheet " + sheetPath);
            }
            List<String> shared = parts.containsKey("xl/sharedStrings.xml") ? XlsxSheet.sharedStrings(parts.get("xl/sharedStrings.xml")) : List.of();
            return XlsxSheet.sheet(sheet, shared);
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw invalid("不是有效的 .xlsx 工作簿（" + e.getClass().getSimpleName() + "）",
                    "not a valid .xlsx workbook (" + e.getClass().getSimpleName() + ")");
        }
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

    /** An element's local name, whatever its prefix. */
    static String local(XMLStreamReader r) {
        String name = r.getLocalName();
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    /** An attribute by local name, whatever its prefix (r:id and id both answer "id"). */
    static String attribute(XMLStreamReader r, String localName) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String name = r.getAttributeLocalName(i);
            int colon = name.indexOf(':');
            if ((colon < 0 ? name : name.substring(colon + 1)).equals(localName)) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    /** A reader of the XML, without DTDs or external entities. */
    static XMLStreamReader xml(byte[] bytes) throws XMLStreamException {
        return XML.createXMLStreamReader(new ByteArrayInputStream(bytes));
    }

    static DomainException invalid(String zh, String en) {
        return new DomainException(ErrorCode.IMPORT_FILE_INVALID, zh, en);
    }
}
