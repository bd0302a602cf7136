package cn.landbalance.api.document;

import cn.landbalance.settlement.document.DocumentService;
import io.micronaut.http.HttpResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A printed document as a download: the PDF, its file name (ASCII and UTF-8) and its code in X-Document-Code. */
public final class PrintedPdf {
    public static final String CODE_HEADER = "X-Document-Code";

    private PrintedPdf() {
    }

    /** {@code asciiName} and {@code name} without the extension. */
    public static HttpResponse<byte[]> response(DocumentService.Printed printed, String asciiName, String name) {
        return HttpResponse.ok(printed.file()).contentType("application/pdf")
                .header(CODE_HEADER, printed.document().code())
                .header("Content-Disposition", "attachment; filename=\"" + asciiName + ".pdf\"; filename*=UTF-8''"
                        + URLEncoder.encode(name + ".pdf", StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
