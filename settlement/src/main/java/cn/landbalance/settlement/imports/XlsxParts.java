package cn.landbalance.settlement.imports;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static cn.landbalance.settlement.imports.XlsxReader.MAX_UNPACKED_BYTES;
import static cn.landbalance.settlement.imports.XlsxReader.attribute;
import static cn.landbalance.settlement.imports.XlsxReader.invalid;
import static cn.landbalance.settlement.imports.XlsxReader.local;
import static cn.landbalance.settlement.imports.XlsxReader.xml;

/**
 * The parts of an .xlsx package that a sheet is read from (the workbook, its relationships, the shared strings and the
 * worksheets), unpacked within a bound on their size, and which worksheet is the first visible one.
 */
final class XlsxParts {
    private XlsxParts() {
    }

    static Map<String, byte[]> unzip(byte[] bytes) {
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
    static String firstSheetPath(Map<String, byte[]> parts) throws XMLStreamException {
        String relId = null;
        String anyRelId = null;
        XMLStreamReader r = xml(parts.get("xl/workbook.xml"));
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
            XMLStreamReader x = xml(rels);
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
}
