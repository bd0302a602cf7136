package cn.landbalance.api.report;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.List;

/** Every report also answers as an Excel workbook when the client asks for one (Accept header). */
public final class Xlsx {
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A sheet: its name, the header row and the data rows (numbers stay numbers). */
    public record SheetData(String name, List<String> header, List<List<Object>> rows) {
    }

    private Xlsx() {
    }

    public static boolean wanted(HttpRequest<?> request) {
        return request.accept().stream().anyMatch(m -> m.toString().startsWith(MEDIA_TYPE));
    }

    public static HttpResponse<byte[]> response(String fileName, List<SheetData> sheets) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle hectares = workbook.createCellStyle();
            hectares.setDataFormat(workbook.createDataFormat().getFormat("0.0000"));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (SheetData data : sheets) {
                Sheet sheet = workbook.createSheet(data.name());
                Row header = sheet.createRow(0);
                for (int c = 0; c < data.header().size(); c++) {
                    Cell cell = header.createCell(c);
                    cell.setCellValue(data.header().get(c));
                    cell.setCellStyle(bold);
                }
                for (int r = 0; r < data.rows().size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<Object> values = data.rows().get(r);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        Cell cell = row.createCell(c);
                        if (v instanceof java.math.BigDecimal d && d.scale() == 4) {
                            cell.setCellValue(d.doubleValue());
                            cell.setCellStyle(hectares);
                        } else if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                        } else if (v != null) {
                            cell.setCellValue(v.toString());
                        }
                    }
                }
                sheet.createFreezePane(0, 1);
                for (int c = 0; c < data.header().size(); c++) {
                    sheet.setColumnWidth(c, 18 * 256);
                }
            }
            workbook.write(out);
            String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
            return HttpResponse.ok(out.toByteArray())
                    .contentType(MediaType.of(MEDIA_TYPE))
                    .header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<List<Object>> rows() {
        return new ArrayList<>();
    }
}
