package cn.landbalance.api.payment;

import cn.landbalance.ledger.common.Units;
import cn.landbalance.settlement.payment.AmountInWords;
import cn.landbalance.settlement.payment.PaymentNotice;
import jakarta.inject.Singleton;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A payment notice (缴款通知书) as the payer prints it or hands it to its bank: PDF (the bundled CJK font embedded as a
 * subset) or .xlsx. Both carry the same lines: payee account, amount in figures and in words (大写), the remittance code
 * to quote in the transfer's memo, the due date.
 */
@Singleton
public class NoticeDocuments {
    private static final String FONT = "/fonts/wqy-microhei.ttc";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final Clock clock;
    private final byte[] font;

    public NoticeDocuments(Clock clock) {
        this.clock = clock;
        try (InputStream in = NoticeDocuments.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("the notice font " + FONT + " is missing from the application");
            }
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of the notice, label and value, in the order printed. */
    List<String[]> lines(PaymentNotice n, String townshipName) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[]{"缴款识别码", spaced(n.remittanceCode())});
        lines.add(new String[]{"开具日期", DAY.format(n.issuedAt().atZone(clock.getZone()))});
        lines.add(new String[]{"缴款期限", DAY.format(n.dueOn()) + "前（含当日）"});
        lines.add(new String[]{"缴款人", n.payerName() == null ? "" : n.payerName()});
        lines.add(new String[]{"收款人户名", n.payee().accountName()});
        lines.add(new String[]{"收款人开户行", orMissing(n.payee().bankName())});
        lines.add(new String[]{"收款人账号", orMissing(n.payee().accountNo())});
        lines.add(new String[]{"款项", n.kind() == PaymentNotice.Kind.ORDER
                ? "购买耕地进出平衡指标（订单 " + n.orderId() + "，" + townshipName + "）"
                : "耕地转出补充耕地费用（转出申请 " + n.applicationId() + "，" + townshipName + "）"});
        lines.add(new String[]{"面积", Units.m2ToMu(n.areaM2()) + " 亩（" + n.areaM2() + " 平方米）"});
        lines.add(new String[]{"金额（小写）", "¥" + Units.fenToYuan(n.amountFen())});
        lines.add(new String[]{"金额（大写）", "人民币" + AmountInWords.of(n.amountFen())});
        lines.add(new String[]{"状态", PaymentNotice.label(n.status())});
        return lines;
    }

    static final String INSTRUCTION = "请通过银行转账将上述款项汇入收款账户，并在汇款附言（用途）栏填写缴款识别码。"
            + "款项以乡镇财政确认到账为准；逾期未缴，预留的指标自动释放。";

    public byte[] pdf(PaymentNotice n, String townshipName) {
        try (TrueTypeCollection collection = new TrueTypeCollection(new java.io.ByteArrayInputStream(font));
             PDDocument doc = new PDDocument()) {
            TrueTypeFont ttf = collection.getFontByName("WenQuanYiMicroHei");
            PDType0Font cjk = PDType0Font.load(doc, ttf, true);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("缴款通知书 " + n.remittanceCode());
            float left = 70;
            float y = page.getMediaBox().getHeight() - 90;
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                text(out, cjk, 22, 220, y, "缴 款 通 知 书");
                y -= 40;
                for (String[] line : lines(n, townshipName)) {
                    text(out, cjk, 12, left, y, line[0]);
                    text(out, cjk, 12, left + 110, y, line[1]);
                    out.moveTo(left, y - 8);
                    out.lineTo(left + 460, y - 8);
                    out.setLineWidth(0.4f);
                    out.stroke();
                    y -= 30;
                }
                y -= 10;
                for (String part : wrap(INSTRUCTION, 38)) {
                    text(out, cjk, 10.5f, left, y, part);
                    y -= 18;
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] xlsx(PaymentNotice n, String townshipName) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("缴款通知书");
            sheet.setColumnWidth(0, 16 * 256);
            sheet.setColumnWidth(1, 60 * 256);
            CellStyle title = book.createCellStyle();
            Font big = book.createFont();
            big.setFontHeightInPoints((short) 16);
            big.setBold(true);
            title.setFont(big);
            CellStyle boxed = book.createCellStyle();
            boxed.setBorderBottom(BorderStyle.THIN);
            boxed.setWrapText(true);
            Row head = sheet.createRow(0);
            head.createCell(0).setCellValue("缴款通知书");
            head.getCell(0).setCellStyle(title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 1));
            int r = 2;
            for (String[] line : lines(n, townshipName)) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line[0]);
                row.createCell(1).setCellValue(line[1]);
                row.getCell(0).setCellStyle(boxed);
                row.getCell(1).setCellStyle(boxed);
            }
            // the amount in fen and the code without spaces, for a finance system to read
            Row fen = sheet.createRow(r++);
            fen.createCell(0).setCellValue("金额（分）");
            fen.createCell(1).setCellValue(n.amountFen());
            Row code = sheet.createRow(r++);
            code.createCell(0).setCellValue("缴款识别码（无空格）");
            code.createCell(1).setCellValue(n.remittanceCode());
            Row note = sheet.createRow(r + 1);
            note.createCell(0).setCellValue(INSTRUCTION);
            sheet.addMergedRegion(new CellRangeAddress(r + 1, r + 1, 0, 1));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            book.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(PDPageContentStream out, PDType0Font font, float size, float x, float y, String text)
            throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }

    private static List<String> wrap(String text, int perLine) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < text.length(); i += perLine) {
            parts.add(text.substring(i, Math.min(text.length(), i + perLine)));
        }
        return parts;
    }

    /** The code in groups of four, as it is read aloud and typed: 2026 0000 0123 45. */
    static String spaced(String code) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < code.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(code, i, Math.min(code.length(), i + 4));
        }
        return out.toString();
    }

    private static String orMissing(String value) {
        return value == null || value.isBlank() ? "（未设置，请向乡镇财政所询问）" : value;
    }
}
