package cn.landbalance.api.payment;

import cn.landbalance.settlement.document.DocumentContent;
import cn.landbalance.settlement.payment.PaymentNotice;
import jakarta.inject.Singleton;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A payment notice (缴款通知书) as .xlsx for a finance system or the payer's bank: the same lines as the printed PDF
 * (payee account, amount in figures and in words, the remittance code to quote, the due date), then the amount in fen
 * and the code without spaces for a machine to read.
 */
@Singleton
public class NoticeDocuments {
    public byte[] xlsx(PaymentNotice n, DocumentContent content) {
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
            for (DocumentContent.Line line : content.lines()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line.label());
                row.createCell(1).setCellValue(line.value());
                row.getCell(0).setCellStyle(boxed);
                row.getCell(1).setCellStyle(boxed);
            }
            Row fen = sheet.createRow(r++);
            fen.createCell(0).setCellValue("金额（分）");
            fen.createCell(1).setCellValue(n.amountFen());
            Row code = sheet.createRow(r++);
            code.createCell(0).setCellValue("缴款识别码（无空格）");
            code.createCell(1).setCellValue(n.remittanceCode());
            Row note = sheet.createRow(r + 1);
            note.createCell(0).setCellValue(content.note());
            sheet.addMergedRegion(new CellRangeAddress(r + 1, r + 1, 0, 1));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            book.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
