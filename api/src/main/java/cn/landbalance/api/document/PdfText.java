package cn.landbalance.api.document;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Text in the embedded font; a character the font lacks is printed as '?' instead of failing the document. */
final class PdfText {
    private final PDType0Font font;

    PdfText(PDType0Font font) {
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
        text(out, size, PdfLayout.LEFT + (PdfLayout.WIDTH - width(text, size)) / 2, y, text);
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
