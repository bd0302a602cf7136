package cn.landbalance.settlement.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * What a printed document says, apart from when it was printed: who issues it, its title, its lines (label and value),
 * an optional table and a closing note. Two printings saying the same thing have the same {@link #sha256()}; a document
 * is current while its subject would still be printed with the same content.
 *
 * @param issuer the county government issuing it (its name as printed)
 * @param table  the header and rows of a table below the lines; empty lists when there is none
 */
public record DocumentContent(DocumentKind kind, long subjectId, long countyId, String issuer, List<Line> lines,
                              List<String> header, List<List<String>> rows, String note) {
    private static final char FIELD = '\u001f';
    private static final char RECORD = '\u001e';

    public record Line(String label, String value) {
    }

    public DocumentContent {
        lines = List.copyOf(lines);
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        note = note == null ? "" : note;
    }

    public String title() {
        return kind.title();
    }

    /** The value of the line labelled {@code label}, or null. */
    public String value(String label) {
        return lines.stream().filter(l -> l.label().equals(label)).map(Line::value).findFirst().orElse(null);
    }

    /**
     * The content as one text (stored beside the code and hashed): records separated by U+001E, fields by U+001F,
     * neither of which a field can hold (control characters are replaced by spaces when a field is written).
     */
    public String canonical() {
        List<String> records = new ArrayList<>();
        records.add(join("D", kind.name(), Long.toString(subjectId), Long.toString(countyId), issuer));
        lines.forEach(l -> records.add(join("L", l.label(), l.value())));
        if (!header.isEmpty()) {
            records.add(join(prepend("H", header)));
        }
        rows.forEach(r -> records.add(join(prepend("R", r))));
        records.add(join("N", note));
        return String.join(String.valueOf(RECORD), records);
    }

    /** The content {@link #canonical} wrote. */
    public static DocumentContent parse(String canonical) {
        List<Line> lines = new ArrayList<>();
        List<String> header = List.of();
        List<List<String>> rows = new ArrayList<>();
        String note = "";
        String[] head = null;
        for (String record : canonical.split(String.valueOf(RECORD), -1)) {
            String[] f = record.split(String.valueOf(FIELD), -1);
            switch (f[0]) {
                case "D" -> head = f;
                case "L" -> lines.add(new Line(f[1], f[2]));
                case "H" -> header = Arrays.asList(f).subList(1, f.length);
                case "R" -> rows.add(Arrays.asList(f).subList(1, f.length));
                case "N" -> note = f[1];
                default -> throw new IllegalArgumentException("not a document record: " + f[0]);
            }
        }
        if (head == null) {
            throw new IllegalArgumentException("a document's text starts with its kind");
        }
        return new DocumentContent(DocumentKind.valueOf(head[1]), Long.parseLong(head[2]), Long.parseLong(head[3]), head[4],
                lines, header, rows, note);
    }

    /** SHA-256 of {@link #canonical()} in UTF-8, lower-case hex. */
    public String sha256() {
        return sha256(canonical().getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] prepend(String first, List<String> rest) {
        String[] all = new String[rest.size() + 1];
        all[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            all[i + 1] = rest.get(i);
        }
        return all;
    }

    private static String join(String... fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(FIELD);
            }
            String f = fields[i] == null ? "" : fields[i];
            for (char c : f.toCharArray()) {
                out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }
}
