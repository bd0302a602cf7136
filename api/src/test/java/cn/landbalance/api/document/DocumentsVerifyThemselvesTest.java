package cn.landbalance.api.document;

import cn.landbalance.api.support.ApiClient;
import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.PrintedDocuments;
import cn.landbalance.api.support.journey.Enterprise;
import cn.landbalance.infra.audit.AuditSealer;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22's printable documents: a payment notice, its receipt, the balance confirmation and a violation's freeze and
 * deduction notice, each a PDF whose QR code opens its public verification page (no login). A document is current
 * while its subject says the same; printed again it is the same file under the same code; after the subject changes
 * (the money arrives, part of a violation is restored) the earlier one verifies as genuine but superseded, with what
 * changed. A file altered after printing, or a record altered behind the audit log, does not verify.
 */
@MicronautTest(transactional = false)
class DocumentsVerifyThemselvesTest extends ApiTest {
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    DSLContext db;
    @Inject
    AuditSealer sealer;

    @Test
    void aNoticeItsReceiptAndTheConfirmationVerifyByTheirQrCodes() throws IOException {
        String officer = login("officer_gongchang");
        String enterprise = login("enterprise_coop");
        long gongchang = api().get("/api/me", officer).number("regionId");
        acceptedLot("officer_gongchang", gongchang, "旱地", 20_000, 10);
        assertEquals(201, api().post("/api/listings", officer,
                Json.object("townshipId", gongchang, "areaM2", 15000, "pricePerMuFen", 5_000_000)).status());
        long application = declaredOutflow(gongchang, 10_000);
        Response order = api().post("/api/orders", enterprise, Enterprise.order(application, 10_000));
        assertEquals(201, order.status(), order.body());
        JsonNode notice = order.json().get("notices").get(0);
        long noticeId = notice.get("id").asLong();

        // the notice printed: the county issues it, a seal area, the code in words and in the QR code
        byte[] pdf = pdf("/api/payment-notices/" + noticeId + "/document?format=pdf", enterprise);
        String text = PrintedDocuments.text(pdf);
        String url = PrintedDocuments.qr(pdf);
        String code = code(url);
        assertTrue(text.contains("人民政府") && text.contains("（盖章）") && text.contains("缴款通知书"), text);
        assertTrue(text.contains(code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8)), text);
        assertTrue(text.contains("¥750,000.00") && text.contains("人民币柒拾伍万元整"), text);

        JsonNode verified = verify(code);
        assertEquals("CURRENT", verified.get("verdict").asText(), verified.toString());
        assertEquals("PAYMENT_NOTICE", verified.get("kind").asText());
        assertEquals("待缴款", line(verified, "状态"));
        assertArrayEquals(pdf, pdf("/api/payment-notices/" + noticeId + "/document?format=pdf", enterprise),
                "printed again: the same file under the same code");
        assertTrue(api().upload("/api/verify/" + code + "/file", null, pdf, "application/pdf").json().get("fileMatches").asBoolean());
        byte[] tampered = Arrays.copyOf(pdf, pdf.length);
        tampered[pdf.length / 2] ^= 0x20;
        assertFalse(api().upload("/api/verify/" + code + "/file", null, tampered, "application/pdf").json()
                .get("fileMatches").asBoolean(), "a file changed after printing is not the one issued");
        Response page = api().get(URI.create(url).getPath(), null);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("真实有效，现行有效"), page.body());

        // no receipt before the money arrived; another enterprise cannot print the notice
        Response early = api().get("/api/payment-notices/" + noticeId + "/receipt", enterprise);
        assertEquals(409, early.status(), early.body());
        assertEquals("NOTICE_NOT_PAID", early.json().get("code").asText());
        assertEquals(404, api().download("/api/payment-notices/" + noticeId + "/document", login("enterprise_transport"),
                "application/pdf").status());

        // finance confirms the money: the notice printed before is genuine but no longer current
        Response paid = api().post("/api/payment-notices/" + noticeId + "/confirm", officer, Json.object("bankSerial", "DOC-1",
                "receivedOn", Finance.issuedOn(notice), "amountFen", notice.get("amountFen").asLong()));
        assertEquals(200, paid.status(), paid.body());
        JsonNode superseded = verify(code);
        assertEquals("SUPERSEDED", superseded.get("verdict").asText());
        assertTrue(superseded.get("genuine").asBoolean());
        JsonNode change = superseded.get("changes").get(0);
        assertEquals("状态", change.get("label").asText());
        assertEquals("待缴款", change.get("printed").asText());
        assertEquals("已到账", change.get("now").asText());
        assertTrue(api().get("/verify/" + code, null).body().contains("已不是现行有效"));

        // the receipt, printed by the payer or the township
        byte[] receipt = pdf("/api/payment-notices/" + noticeId + "/receipt", enterprise);
        String receiptCode = code(PrintedDocuments.qr(receipt));
        JsonNode receiptVerified = verify(receiptCode);
        assertEquals("CURRENT", receiptVerified.get("verdict").asText());
        assertEquals("PAYMENT_RECEIPT", receiptVerified.get("kind").asText());
        assertEquals("DOC-1", line(receiptVerified, "银行流水号"));
        assertArrayEquals(receipt, pdf("/api/payment-notices/" + noticeId + "/receipt", officer),
                "the township prints the same receipt");
        assertEquals(404, api().download("/api/payment-notices/" + noticeId + "/receipt", login("enterprise_transport"),
                "application/pdf").status());

        // the balance confirmation, once the obligation is covered
        byte[] confirmation = pdf("/api/outflow-applications/" + application + "/confirmation?format=pdf", enterprise);
        assertTrue(PrintedDocuments.text(confirmation).contains("购买指标"), PrintedDocuments.text(confirmation));
        String confirmationCode = code(PrintedDocuments.qr(confirmation));
        assertEquals("CURRENT", verify(confirmationCode).get("verdict").asText());
        assertEquals("BALANCE_CONFIRMATION", verify(confirmationCode).get("kind").asText());

        // sealed into the audit log's hash chain
        sealer.seal();
        assertTrue(verify(receiptCode).get("sealed").asBoolean());
        assertEquals("CURRENT", verify(receiptCode).get("verdict").asText());

        // a record changed behind the audit log's back is not genuine
        tx.executeWrite(status -> {
            db.execute("set local session_replication_role = replica");
            return db.execute("update issued_document set content = replace(content, '购买指标', '县级调剂') where code = ?",
                    confirmationCode);
        });
        JsonNode altered = verify(confirmationCode);
        assertEquals("ALTERED", altered.get("verdict").asText(), altered.toString());
        assertFalse(altered.get("genuine").asBoolean());
        assertTrue(api().get("/verify/" + confirmationCode, null).body().contains("记录与审计日志不符"));

        // a stored text no longer readable at all is said to be altered, not a failure of the page
        tx.executeWrite(status -> {
            db.execute("set local session_replication_role = replica");
            return db.execute("update issued_document set content = 'X' where code = ?", receiptCode);
        });
        assertEquals("ALTERED", verify(receiptCode).get("verdict").asText());
        assertEquals(200, api().get("/verify/" + receiptCode, null).status());
    }

    @Test
    void aViolationNoticeIsSupersededWhenPartOfTheCaseIsRestored() throws IOException {
        String admin = login("county_admin");
        String officer = login("officer_wenfeng");
        long wenfeng = api().get("/api/me", officer).number("regionId");
        acceptedLot("officer_wenfeng", wenfeng, "旱地", 5_000, 9);
        Response opened = api().post("/api/violations", admin, Json.object("townshipId", wenfeng, "areaM2", 3000,
                "caseNo", "陇自然资违〔2026〕77号", "description", "违法建房"));
        assertEquals(201, opened.status(), opened.body());
        long caseId = opened.number("id");
        byte[] notice = pdf("/api/violations/" + caseId + "/notice", officer);
        String code = code(PrintedDocuments.qr(notice));
        JsonNode before = verify(code);
        assertEquals("CURRENT", before.get("verdict").asText());
        assertEquals("VIOLATION_NOTICE", before.get("kind").asText());
        assertEquals("0.3000 公顷（4.5000 亩）", line(before, "仍冻结"));

        assertEquals(200, api().post("/api/violations/" + caseId + "/restore", admin, Json.object("areaM2", 1000,
                "reason", "拆除复垦")).status());
        JsonNode after = verify(code);
        assertEquals("SUPERSEDED", after.get("verdict").asText());
        boolean frozenChanged = false;
        for (JsonNode change : after.get("changes")) {
            if (change.get("label").asText().equals("仍冻结")) {
                frozenChanged = change.get("now").asText().equals("0.2000 公顷（3.0000 亩）");
            }
        }
        assertTrue(frozenChanged, after.toString());
        String again = code(PrintedDocuments.qr(pdf("/api/violations/" + caseId + "/notice", admin)));
        assertFalse(again.equals(code), "the case as it stands now is a new notice");
        assertEquals(404, api().download("/api/violations/" + caseId + "/notice", login("officer_gongchang"),
                "application/pdf").status(), "another township's case");
    }

    @Test
    void codesThatNameNothingAreSaidSoAndNothingFails() {
        JsonNode malformed = api().get("/api/verify/not-a-code", null).json();
        assertEquals("MALFORMED", malformed.get("verdict").asText());
        assertEquals("UNKNOWN", api().get("/api/verify/0000-0000-0000", null).json().get("verdict").asText());
        for (String path : new String[]{"/verify/%3Cscript%3E", "/verify/" + "A".repeat(500), "/verify/0000-0000-0000",
                "/verify", "/verify/%00"}) {
            Response page = api().get(path, null);
            assertEquals(200, page.status(), path + " " + page.body());
            assertFalse(page.body().contains("<script>"), "typed text is escaped");
        }
        Response redirect = api().get("/verify?code=0000%200000%200000", null);
        assertEquals(303, redirect.status());
        assertEquals("/verify/000000000000", redirect.header("Location"));
        assertEquals(200, api().upload("/api/verify/0000-0000-0000/file", null, new byte[]{1, 2}, "application/pdf").status());
    }

    private byte[] pdf(String path, String token) {
        ApiClient.Download d = api().download(path, token, "application/pdf");
        assertEquals(200, d.status(), path + " " + new String(d.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("application/pdf", d.contentType());
        return d.body();
    }

    private JsonNode verify(String code) {
        Response r = api().get("/api/verify/" + code, null);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static String code(String url) {
        assertTrue(url.contains("/verify/"), url);
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String line(JsonNode verification, String label) {
        for (JsonNode line : verification.get("lines")) {
            if (line.get("label").asText().equals(label)) {
                return line.get("value").asText();
            }
        }
        throw new AssertionError(label + " not in " + verification);
    }
}
