package cn.landbalance.api.document;

import cn.landbalance.settlement.document.DocumentContent;
import cn.landbalance.settlement.document.VerificationCode;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One document's pages, written top to bottom; a new page when the next block does not fit. The last page ends with
 * the QR code of the verification address, the code, the issuing time and the seal area.
 */
final class PdfLayout {
    static final float LEFT = 70;
    static final float WIDTH = 455;
    private static final float BOTTOM = 70;
    private static final float FOOTER = 170;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final PDDocument doc;
    private final PdfText w;
    private final DocumentContent content;
    private final String code;
    private final String url;
    private final Instant issuedAt;
    private final ZoneId zone;
    private PDPageContentStream out;
    private float y;

    PdfLayout(PDDocument doc, PdfText w, DocumentContent content, String code, String url, Instant issuedAt, ZoneId zone) {
        this.doc = doc;
        this.w = w;
        this.content = content;
        this.code = code;
        this.url = url;
        this.issuedAt = issuedAt;
        this.zone = zone;
    }

    void run() throws IOException {
        newPage();
        try {
            w.centered(out, 13, y, content.issuer());
            y -= 30;
            w.centered(out, 19, y, content.title());
            y -= 22;
            w.text(out, 9, LEFT + WIDTH - w.width("核验码 " + VerificationCode.grouped(code), 9), y,
                    "核验码 " + VerificationCode.grouped(code));
            y -= 26;
            for (DocumentContent.Line line : content.lines()) {
                List<String> parts = w.wrap(line.value(), 11, WIDTH - 115);
                room(parts.size() * 17 + 12);
                w.text(out, 11, LEFT, y, line.label());
                for (String part : parts) {
                    w.text(out, 11, LEFT + 115, y, part);
                    y -= 17;
                }
                rule(y + 9);
                y -= 8;
            }
            if (!content.header().isEmpty()) {
                y -= 10;
                table();
            }
            if (!content.note().isBlank()) {
                y -= 8;
                for (String part : w.wrap(content.note(), 10, WIDTH)) {
                    room(16);
                    w.text(out, 10, LEFT, y, part);
                    y -= 16;
                }
            }
            room(FOOTER - BOTTOM + 10);
            footer();
        } finally {
            out.close();
        }
    }

    private void table() throws IOException {
        float col = WIDTH / content.header().size();
        room(40);
        row(content.header(), col);
        for (List<String> r : content.rows()) {
            room(30);
            row(r, col);
        }
    }

    private void row(List<String> cells, float col) throws IOException {
        int height = 1;
        List<List<String>> wrapped = new ArrayList<>();
        for (String cell : cells) {
            List<String> parts = w.wrap(cell, 8.5f, col - 4);
            wrapped.add(parts);
            height = Math.max(height, parts.size());
        }
        for (int i = 0; i < wrapped.size(); i++) {
            float cy = y;
            for (String part : wrapped.get(i)) {
                w.text(out, 8.5f, LEFT + i * col + 2, cy, part);
                cy -= 12;
            }
        }
        y -= height * 12;
        rule(y + 7);
        y -= 6;
    }

    /** 出具日期 and the seal area on the right; the QR code and the code on the left. */
    private void footer() throws IOException {
        float top = BOTTOM + 100;
        qr(url, LEFT, BOTTOM + 10, 90);
        w.text(out, 9, LEFT + 100, top - 16, "核验码  " + VerificationCode.grouped(code));
        w.text(out, 8, LEFT + 100, top - 32, "扫描二维码或访问下列网址核验本文件真伪及是否现行有效：");
        for (String part : w.wrap(url, 8, 210)) {
            top -= 12;
            w.text(out, 8, LEFT + 100, top - 36, part);
        }
        w.text(out, 8, LEFT + 100, BOTTOM + 22, "出具时间 " + MINUTE.format(issuedAt.atZone(zone)));
        float cx = LEFT + WIDTH - 60;
        float cy = BOTTOM + 55;
        out.setLineDashPattern(new float[]{3, 3}, 0);
        out.setLineWidth(0.6f);
        circle(cx, cy, 48);
        out.stroke();
        out.setLineDashPattern(new float[]{}, 0);
        w.text(out, 9, cx - w.width("（盖章）", 9) / 2, cy - 3, "（盖章）");
        String issuer = content.issuer();
        w.text(out, 10, cx - w.width(issuer, 10) / 2, cy - 68, issuer);
        String day = DAY.format(issuedAt.atZone(zone));
        w.text(out, 10, cx - w.width(day, 10) / 2, cy - 82, day);
    }

    private void qr(String text, float x, float yBottom, float size) throws IOException {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalStateException("the verification address cannot be a QR code: " + text, e);
        }
        float module = size / m.getWidth();
        for (int row = 0; row < m.getHeight(); row++) {
            for (int c = 0; c < m.getWidth(); c++) {
                if (m.get(c, row)) {
                    out.addRect(x + c * module, yBottom + size - (row + 1) * module, module, module);
                }
            }
        }
        out.fill();
    }

    private void circle(float cx, float cy, float r) throws IOException {
        float k = 0.552284749831f * r;
        out.moveTo(cx - r, cy);
        out.curveTo(cx - r, cy + k, cx - k, cy + r, cx, cy + r);
        out.curveTo(cx + k, cy + r, cx + r, cy + k, cx + r, cy);
        out.curveTo(cx + r, cy - k, cx + k, cy - r, cx, cy - r);
        out.curveTo(cx - k, cy - r, cx - r, cy - k, cx - r, cy);
        out.closePath();
    }

    private void rule(float at) throws IOException {
        out.setLineWidth(0.4f);
        out.moveTo(LEFT, at);
        out.lineTo(LEFT + WIDTH, at);
        out.stroke();
    }

    /** Starts a new page when fewer than {@code height} points are left above the bottom margin. */
    private void room(float height) throws IOException {
        if (y - height < BOTTOM) {
            out.close();
            newPage();
        }
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = page.getMediaBox().getHeight() - 70;
        if (doc.getNumberOfPages() > 1) {
            w.text(out, 8, LEFT, y + 30, content.title() + "（续） 核验码 " + VerificationCode.grouped(code));
        }
    }
}
