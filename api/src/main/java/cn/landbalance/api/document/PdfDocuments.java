package cn.landbalance.api.document;

import cn.landbalance.settlement.document.DocumentContent;
import cn.landbalance.settlement.document.DocumentService;
import cn.landbalance.settlement.document.VerificationCode;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;

/**
 * Lays a document out on A4 pages with the bundled CJK font embedded as a subset: the issuing county and the title, the
 * lines, the table, the note; on the last page the seal area (盖章处) with the issuing date, and the QR code of its
 * verification page with the code printed beside it, so that a reader without a phone can type it in.
 */
@Singleton
public class PdfDocuments implements DocumentService.Renderer {
    private static final String FONT = "/fonts/wqy-microhei.ttc";

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
            new PdfLayout(doc, new PdfText(cjk), content, code, verifyUrl(code), issuedAt, clock.getZone()).run();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
