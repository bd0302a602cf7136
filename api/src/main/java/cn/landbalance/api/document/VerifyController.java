package cn.landbalance.api.document;

import cn.landbalance.settlement.document.DocumentContent;
import cn.landbalance.settlement.document.DocumentService;
import cn.landbalance.settlement.document.DocumentService.Verification;
import cn.landbalance.settlement.document.DocumentService.Verdict;
import cn.landbalance.settlement.document.VerificationCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The public verification of printed documents (no login): {@code /verify/{code}} is the page a document's QR code opens
 * — genuine or not, current or superseded, what it said, and a check that a file in hand is the one issued;
 * {@code /api/verify/{code}} answers the same as JSON for other systems.
 */
@Tag(name = "documents")
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@SerdeImport(DocumentContent.Line.class)
public class VerifyController {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final long MAX_FILE = 10L * 1024 * 1024;

    private final DocumentService documents;
    private final Clock clock;

    public VerifyController(DocumentService documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    /** What a verification found, for machines: the verdict, the document as issued, what changed since. */
    @Serdeable
    public record VerificationView(String verdict, boolean genuine, boolean current, String code, String kind, String title,
                                   String issuer, Instant issuedAt, List<DocumentContent.Line> lines,
                                   List<Change> changes, @Nullable Boolean fileMatches, boolean sealed) {
    }

    /** A line whose value differs now from the printed one; {@code now} null when the subject cannot be printed now. */
    @Serdeable
    public record Change(String label, String printed, @Nullable String now) {
    }

    @Get(value = "/api/verify/{code}", produces = MediaType.APPLICATION_JSON)
    @ReadOnly
    public VerificationView verifyJson(@PathVariable String code) {
        return view(documents.verify(code, null));
    }

    /** The file in hand (the raw PDF as the body) compared with the one issued under {@code code}. */
    @Post(value = "/api/verify/{code}/file", consumes = {"application/pdf", MediaType.APPLICATION_OCTET_STREAM},
            produces = MediaType.APPLICATION_JSON)
    @ReadOnly
    public VerificationView verifyFileJson(@PathVariable String code, @Body byte[] file) {
        return view(documents.verify(code, file));
    }

    @Get(value = "/verify{?code}", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> form(@Nullable @QueryValue String code) {
        if (code != null && !code.isBlank()) {
            String stripped = code.replaceAll("[^0-9A-Za-z-]", "");
            String typed = VerificationCode.normalize(code).orElse(stripped.substring(0, Math.min(stripped.length(), 40)));
            return HttpResponse.seeOther(URI.create("/verify/" + (typed.isEmpty() ? "-" : typed)));
        }
        return HttpResponse.ok(page("文件核验 / Verify a document", codeForm("")));
    }

    @Get(value = "/verify/{code}", produces = MediaType.TEXT_HTML)
    @ReadOnly
    public HttpResponse<String> verify(@PathVariable String code) {
        return HttpResponse.ok(result(code, documents.verify(code, null)));
    }

    /** The page again with the uploaded file compared (a form post from the page itself). */
    @Post(value = "/verify/{code}", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    @ReadOnly
    public HttpResponse<String> verifyFile(@PathVariable String code, @Nullable @Part("file") CompletedFileUpload file) {
        // no file chosen (or one larger than any document) is no file to compare: the page answers as without one
        byte[] bytes = null;
        if (file != null && file.getSize() > 0 && file.getSize() <= MAX_FILE) {
            try {
                bytes = file.getBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return HttpResponse.ok(result(code, documents.verify(code, bytes)));
    }

    private VerificationView view(Verification v) {
        DocumentContent issued = v.issued() == null ? null : v.issued().content();
        return new VerificationView(v.verdict().name(), v.genuine(), v.verdict() == Verdict.CURRENT, v.code(),
                issued == null ? null : issued.kind().name(), issued == null ? null : issued.title(),
                issued == null ? null : issued.issuer(), v.issued() == null ? null : v.issued().issuedAt(),
                issued == null ? List.of() : issued.lines(), v.verdict() == Verdict.SUPERSEDED ? changes(issued, v.now()) : List.of(),
                v.fileMatches(), v.sealed());
    }

    /** The printed lines whose value is different now (all of them, with null, when it cannot be printed now). */
    static List<Change> changes(DocumentContent printed, DocumentContent now) {
        List<Change> changes = new ArrayList<>();
        for (DocumentContent.Line line : printed.lines()) {
            String current = now == null ? null : now.value(line.label());
            if (now == null || !line.value().equals(current)) {
                changes.add(new Change(line.label(), line.value(), current));
            }
        }
        if (now != null && changes.isEmpty()) {
            changes.add(new Change("明细或说明 / table or note", "文件所载 / as printed", "已有变化 / changed since"));
        }
        return changes;
    }

    private String result(String typed, Verification v) {
        StringBuilder body = new StringBuilder();
        switch (v.verdict()) {
            case MALFORMED -> body.append(banner("bad", "核验码格式有误", "This is not a verification code",
                    "核验码为 12 位字母和数字（如 7KQM-4TZP-9C2X），请核对后重新输入。 / A code is 12 letters and digits; check it and try again."));
            case UNKNOWN -> body.append(banner("bad", "查无此文件", "No document has this code",
                    "系统未签发过核验码为 " + esc(VerificationCode.grouped(v.code())) + " 的文件，该文件不是本系统出具的。"
                            + " / The system never issued a document with this code."));
            case ALTERED -> body.append(banner("bad", "记录与审计日志不符", "The record does not match the audit log",
                    "该核验码的签发记录与哈希链审计日志不一致，无法证明文件为真，请联系县自然资源主管部门。"
                            + " / The issuance record disagrees with the hash-chained audit log; the document cannot be shown genuine."));
            case CURRENT -> body.append(banner("ok", "真实有效，现行有效", "Genuine and current",
                    "该文件由本系统出具，所载内容与现有记录一致。 / Issued by this system; what it says still matches the records."));
            case SUPERSEDED -> body.append(banner("warn", "真实，但已不是现行有效", "Genuine, but no longer current",
                    v.now() == null ? "该文件由本系统出具，但其所述事项已撤销或不再成立。 / Issued by this system, but what it states no longer holds."
                            : "该文件由本系统出具，但其所述事项此后已发生变化（见下表）。 / Issued by this system, but its subject has changed since (below)."));
        }
        if (v.fileMatches() != null) {
            body.append(v.fileMatches()
                    ? banner("ok", "文件与签发件一致", "The file is the one issued", "您上传的文件与签发时的文件逐字节相同。 / Byte for byte the file issued.")
                    : banner("bad", "文件与签发件不一致", "The file differs from the one issued",
                    "您上传的文件不是签发时的文件，可能已被修改，请以本页所列内容为准。 / Not the file issued: it may have been altered; rely on this page."));
        }
        if (v.issued() != null) {
            DocumentContent c = v.issued().content();
            body.append("<h2>").append(esc(c.title())).append("</h2>");
            body.append("<p class=meta>").append(esc(c.issuer())).append(" · 核验码 / code ")
                    .append(esc(VerificationCode.grouped(v.code()))).append(" · 出具时间 / issued ")
                    .append(esc(MINUTE.format(v.issued().issuedAt().atZone(clock.getZone())))).append("</p>");
            body.append("<table class=lines>");
            for (DocumentContent.Line line : c.lines()) {
                body.append("<tr><th>").append(esc(line.label())).append("</th><td>").append(esc(line.value())).append("</td></tr>");
            }
            body.append("</table>");
            if (!c.header().isEmpty()) {
                body.append("<table class=rows><tr>");
                c.header().forEach(h -> body.append("<th>").append(esc(h)).append("</th>"));
                body.append("</tr>");
                for (List<String> row : c.rows()) {
                    body.append("<tr>");
                    row.forEach(cell -> body.append("<td>").append(esc(cell)).append("</td>"));
                    body.append("</tr>");
                }
                body.append("</table>");
            }
            if (v.verdict() == Verdict.SUPERSEDED) {
                body.append("<h3>此后的变化 / What changed since</h3><table class=lines><tr><th>项目</th><td><b>文件所载 / printed</b></td>"
                        + "<td><b>现在 / now</b></td></tr>");
                for (Change ch : changes(c, v.now())) {
                    body.append("<tr class=change><th>").append(esc(ch.label())).append("</th><td>").append(esc(ch.printed()))
                            .append("</td><td>").append(ch.now() == null ? "（已不成立 / no longer holds）" : esc(ch.now())).append("</td></tr>");
                }
                body.append("</table>");
            }
            body.append("<p class=meta>").append(v.sealed() ? "签发记录已封存于哈希链审计日志。 / The issuance is sealed in the hash-chained audit log."
                    : "签发记录已写入审计日志，稍后封存于哈希链。 / The issuance is in the audit log, to be sealed into its hash chain shortly.").append("</p>");
            body.append("<form method=post enctype=multipart/form-data action=\"/verify/").append(esc(v.code())).append("\">")
                    .append("<label for=file>核对手中的 PDF 文件是否为签发件 / Check that a PDF in hand is the file issued</label>")
                    .append("<input type=file id=file name=file accept=\"application/pdf\" data-testid=verify-file>")
                    .append("<button type=submit data-testid=verify-file-submit>核对 / Check</button></form>");
        }
        body.append(codeForm(v.verdict() == Verdict.MALFORMED ? typed : ""));
        return page("文件核验 / Verify a document", body.toString());
    }

    private static String banner(String tone, String zh, String en, String detail) {
        return "<div class=\"banner " + tone + "\" data-testid=verdict-" + tone + " role=status><strong>" + esc(zh) + "</strong> / "
                + esc(en) + "<p>" + esc(detail) + "</p></div>";
    }

    private static String codeForm(String typed) {
        return "<form method=get action=\"/verify\"><label for=code>核验码 / Verification code</label>"
                + "<input id=code name=code maxlength=40 autocomplete=off placeholder=\"XXXX-XXXX-XXXX\" value=\"" + esc(typed)
                + "\" data-testid=verify-code><button type=submit data-testid=verify-submit>核验 / Verify</button></form>";
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=zh-CN><head><meta charset=utf-8><meta name=viewport content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + "</title><link rel=icon href=\"/favicon.svg\"><style>"
                + "body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;max-width:760px;margin:24px auto;padding:0 16px;color:#222}"
                + ".banner{padding:12px 16px;border-radius:6px;margin:12px 0}.ok{background:#e8f6ec;border:1px solid #67c23a}"
                + ".warn{background:#fdf6ec;border:1px solid #e6a23c}.bad{background:#fef0f0;border:1px solid #f56c6c}"
                + "table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border-bottom:1px solid #ddd;padding:6px;text-align:left;vertical-align:top}"
                + "table.lines th{width:9em;color:#555;font-weight:normal}.meta{color:#666;font-size:90%}"
                + "form{margin:16px 0;display:flex;gap:8px;flex-wrap:wrap;align-items:center}label{width:100%}"
                + "input[type=text],#code{padding:6px;font-size:16px;min-width:16em}button{padding:6px 14px}</style></head><body>"
                + "<h1>耕地“进出平衡”文件核验 <small>Document verification</small></h1>" + body + "</body></html>";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
