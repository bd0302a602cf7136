package cn.landbalance.settlement.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A table file as counties hold them, read into rows of cell texts: an .xlsx workbook (its first visible sheet), or a
 * CSV text in UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), or GBK/GB18030 (what Excel
 * saves as CSV on a Chinese Windows), comma- or tab-separated. Row {@code i} of {@link #rows()} is spreadsheet row
 * {@code i + 1}. An old binary .xls is refused with the advice to save it as .xlsx.
 */
public record TableFile(String format, String encoding, List<List<String>> rows) {
    public static final String XLSX = "xlsx";
    public static final String CSV = "csv";

    public static TableFile read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw XlsxReader.invalid("文件为空", "the file is empty");
        }
        if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04)) {
            return new TableFile(XLSX, null, XlsxReader.firstSheet(bytes));
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw XlsxReader.invalid("这是旧版 Excel（.xls）文件，请在 Excel 或 WPS 中另存为 .xlsx 后再导入",
                    "this is an old Excel .xls file: save it as .xlsx in Excel or WPS and import that");
        }
        String encoding;
        String text;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            encoding = "UTF-8";
            text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            encoding = "UTF-16LE";
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            encoding = "UTF-16BE";
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        } else {
            String utf8 = strict(bytes, StandardCharsets.UTF_8);
            if (utf8 != null) {
                encoding = "UTF-8";
                text = utf8;
            } else {
                String gbk = strict(bytes, Charset.forName("GB18030"));
                if (gbk == null) {
                    throw XlsxReader.invalid("文件既不是 .xlsx 也不是 UTF-8 或 GBK 编码的 CSV 文本",
                            "the file is neither .xlsx nor a CSV text in UTF-8 or GBK");
                }
                encoding = "GBK";
                text = gbk;
            }
        }
        return new TableFile(CSV, encoding, Csv.parse(text, delimiter(text)));
    }

    /** Tab when the first non-blank line has more tabs than commas (Excel's "text" export), else comma. */
    static char delimiter(String text) {
        int tabs = 0;
        int commas = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' && (tabs > 0 || commas > 0)) {
                break;
            }
            tabs += c == '\t' ? 1 : 0;
            commas += c == ',' ? 1 : 0;
        }
        return tabs > commas ? '\t' : ',';
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** A description for the preview: "xlsx", "csv (GBK)". */
    public String describe() {
        return encoding == null ? format : format + " (" + encoding + ")";
    }
}
