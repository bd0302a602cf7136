package cn.landbalance.api.document;

import cn.landbalance.settlement.document.DocumentContent;
import cn.landbalance.settlement.document.DocumentService;
import cn.landbalance.settlement.document.VerificationCode;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;

/**
 * Lays a document out on A4 pages with the bundled CJK font embedded as a subset: the issuing county and the title, the
 * lines, the table, the note; on the last page the seal area (盖章处) with the issuing date, and the QR code of its
 * verification page with the code printed beside it, so that a reader without a phone can type it in.
 */
@Singleton
public class PdfDocuments implements DocumentService.Renderer {
    private static final String FONT = "/fonts/wqy-microhei.ttc";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final float LEFT = 70;
    private static final float WIDTH = 455;
    private static final float BOTTOM = 70;
    private static final float FOOTER = 170;

    private final byte[] font;
    private final Clock clock;
    private final String publicUrl;
    private final BeanProvider<EmbeddedServer> server;

    public PdfDocuments(Clock clock, @Value("${landbalance.public-url:}") String publicUrl, BeanProvider<EmbeddedServer> server) {
        this.clock = clock;
        this.publicUrl = publicUrl;
        this.server = server;
        try (InputStream in = PdfDocuments.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("the documents' font " + FONT + " is missing from the application");
            }
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a document's code is checked: the setting {@code landbalance.public-url} (LANDBALANCE_PUBLIC_URL), else this server. */
    public String verifyUrl(String code) {
        String base = publicUrl == null || publicUrl.isBlank() ? server.get().getURL().toString() : publicUrl;
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/verify/" + code;
    }

    @Override
    public byte[] render(DocumentContent content, String code, Instant issuedAt) {
        try (TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(font));
             PDDocument doc = new PDDocument()) {
            PDType0Font cjk = PDType0Font.load(doc, collection.getFontByName("WenQuanYiMicroHei"), true);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(content.title() + " " + VerificationCode.grouped(code));
            info.setAuthor(content.issuer());
            Calendar created = GregorianCalendar.from(issuedAt.atZone(clock.getZone()));
            info.setCreationDate(created);
            info.setModificationDate(created);
            new Layout(doc, new Writer(cjk), content, code, issuedAt).run();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One document's pages, written top to bottom; a new page when the next block does not fit. */
    private final class Layout {
        private final PDDocument doc;
        private final Writer w;
        private final DocumentContent content;
        private final String code;
        private final Instant issuedAt;
        private PDPageContentStream out;
        private float y;

        Layout(PDDocument doc, Writer w, DocumentContent content, String code, Instant issuedAt) {
            this.doc = doc;
            this.w = w;
            this.content = content;
            this.code = code;
            this.issuedAt = issuedAt;
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
            String url = verifyUrl(code);
            qr(url, LEFT, BOTTOM + 10, 90);
            w.text(out, 9, LEFT + 100, top - 16, "核验码  " + VerificationCode.grouped(code));
            w.text(out, 8, LEFT + 100, top - 32, "扫描二维码或访问下列网址核验本文件真伪及是否现行有效：");
            for (String part : w.wrap(url, 8, 210)) {
                top -= 12;
                w.text(out, 8, LEFT + 100, top - 36, part);
            }
            w.text(out, 8, LEFT + 100, BOTTOM + 22, "出具时间 " + MINUTE.format(issuedAt.atZone(clock.getZone())));
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
            String day = DAY.format(issuedAt.atZone(clock.getZone()));
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

    /** Text in the embedded font; a character the font lacks is printed as '?' instead of failing the document. */
    private static final class Writer {
        private final PDType0Font font;

        Writer(PDType0Font font) {
            this.font = font;
        }

        void text(PDPageContentStream out, float size, float x, float y, String text) throws IOException {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, y);
            out.showText(printable(text));
            out.endText();
        }

        void centered(PDPageContentStream out, float size, float y, String text) throws IOException {
            text(out, size, LEFT + (WIDTH - width(text, size)) / 2, y, text);
        }

        float width(String text, float size) {
            try {
                return font.getStringWidth(printable(text)) / 1000 * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The text in lines no wider than {@code max} points (at least one, possibly empty). */
        List<String> wrap(String text, float size, float max) {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                if (line.length() > 0 && width(line + ch, size) > max) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(ch);
                i += Character.charCount(cp);
            }
            lines.add(line.toString());
            return lines;
        }

        private String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                out.append(Character.isISOControl(cp) || !encodable(ch) ? "?" : ch);
                i += Character.charCount(cp);
            }
            return out.toString();
        }

        private boolean encodable(String ch) {
            try {
                font.encode(ch);
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }
    }
}
