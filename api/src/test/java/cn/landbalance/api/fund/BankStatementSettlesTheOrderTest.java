package cn.landbalance.api.fund;

import cn.landbalance.api.support.ApiClient;
import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.Enterprise;
import cn.landbalance.api.support.journey.Township;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The finance journey of issue 19 end to end: an enterprise orders indicators and downloads its payment notice (PDF and
 * .xlsx); nothing is settled until the money arrives. The township imports its bank's GBK export (Chinese headers,
 * "780,000.00", the payer's 附言 beside the bank's 摘要) holding the transfer that quotes the notice's code, the bank's
 * interest and a transfer from an unknown payer: the order settles on the bank's date, the interest is booked as a
 * receipt, the unknown line stays open with a note; an overlapping statement settles and books nothing twice; the
 * 余额调节表 agrees and the invariants hold.
 */
@MicronautTest(transactional = false)
class BankStatementSettlesTheOrderTest extends ApiTest {
    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void aBankExportQuotingTheNoticeSettlesTheOrderOnceAndTheRestIsBookedOrNoted() throws IOException {
        Township gongchangOfficer = township("officer_gongchang");
        Enterprise coop = enterprise("enterprise_coop");
        String officer = gongchangOfficer.token();
        String enterprise = coop.token();
        long gongchang = gongchangOfficer.id();
        acceptedLot("officer_gongchang", gongchang, "旱地", 20_000, 10);
        gongchangOfficer.lists(15_000, 5_200_000);
        long application = declaredOutflow(gongchang, 10_000);
        long fundBefore = api().get("/api/townships/" + gongchang + "/account", officer).number("balanceFen");

        // 10 000 m² = 15 亩 at 5.2万元/亩 = 780 000.00 元: one notice, payable to 巩昌镇's fund
        Response order = coop.tryOrder(application, 10_000);
        assertEquals(201, order.status(), order.body());
        JsonNode notice = order.json().get("notices").get(0);
        assertEquals(1, order.json().get("notices").size());
        assertEquals(78_000_000, notice.get("amountFen").asLong());
        assertEquals("人民币柒拾捌万元整", notice.get("amountInWords").asText());
        assertEquals("OPEN", notice.get("status").asText());
        String code = notice.get("remittanceCode").asText();
        assertEquals(14, code.length());
        long noticeId = notice.get("id").asLong();

        theNoticePrintsAsPdfAndXlsxForItsBuyerOnly(noticeId, code, enterprise);
        assertEquals(0, api().get("/api/outflow-applications/" + application, enterprise).json().get("obligation")
                .get("coveredM2").asLong(), "ordering is not paying");

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String spaced = code.substring(0, 4) + " " + code.substring(4, 8) + " " + code.substring(8, 12) + " " + code.substring(12);
        String header = "中国农业银行账户明细\n账号：27380101040012345\n"
                + "交易日期,交易流水号,贷方发生额,借方发生额,余额,对方户名,对方账号,摘要,附言\n";
        String paid = today + ",ABC-7781,\"780,000.00\",,\"780,000.00\",陇西县巩昌镇示范种养殖专业合作社,6228480000000000,转账,指标款 "
                + spaced + "\n";
        String interest = today + ",INT-0001,12.34,,\"780,012.34\",,,结息,\n";
        String unknown = today + ",UNK-0001,\"5,000.00\",,\"785,012.34\",某某商贸有限公司,6222000000000000,转账,货款\n";
        String path = "/api/townships/" + gongchang + "/account/reconciliations?fileName=bank.csv";

        Response first = api().upload(path, officer, (header + paid + interest + unknown + "合计,,\"785,012.34\",,,,,,\n").getBytes(GBK),
                "text/csv");
        assertEquals(200, first.status(), first.body());
        JsonNode settled = first.json().get("settled");
        assertEquals(1, settled.size(), first.body());
        assertTrue(settled.get(0).get("paid").asBoolean());
        assertEquals(code, settled.get(0).get("remittanceCode").asText());
        JsonNode settledOrder = api().get("/api/orders/" + order.number("id"), enterprise).json();
        assertEquals("SETTLED", settledOrder.get("status").asText());
        assertEquals("ABC-7781", settledOrder.get("paymentReference").asText());
        JsonNode paidNotice = settledOrder.get("notices").get(0);
        assertEquals("PAID", paidNotice.get("status").asText());
        assertEquals(today, paidNotice.get("receipt").get("receivedOn").asText());
        assertEquals("陇西县巩昌镇示范种养殖专业合作社", paidNotice.get("receipt").get("payerName").asText());
        assertEquals(0, api().get("/api/outflow-applications/" + application, enterprise).json().get("obligation")
                .get("remainingM2").asLong(), "the obligation is covered by the settlement");
        assertEquals(fundBefore + 78_000_000, api().get("/api/townships/" + gongchang + "/account", officer).number("balanceFen"));
        assertEquals(1, first.json().get("matched").size(), "the settled line matches its booking");
        assertEquals(2, first.json().get("unmatchedBankLines").size(), "interest and the unknown payer: the bank's, not the books'");

        theInterestIsBookedAsAReceiptAndTheUnknownPayerNoted(gongchangOfficer);

        theNextStatementOverlapsThisOneAndNothingSettlesOrIsBookedTwice(gongchangOfficer, path,
                header + paid + interest + unknown, today, fundBefore);
    }

    /** The notice as a PDF (the amount in words, the code in groups of four) and as .xlsx; another enterprise gets 404. */
    private void theNoticePrintsAsPdfAndXlsxForItsBuyerOnly(long noticeId, String code, String enterprise)
            throws IOException {
        ApiClient.Download pdf = api().download("/api/payment-notices/" + noticeId + "/document?format=pdf", enterprise, "application/pdf");
        assertEquals(200, pdf.status());
        assertEquals("application/pdf", pdf.contentType());
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertTrue(text.contains("人民币柒拾捌万元整") && text.contains(code.substring(0, 4) + " " + code.substring(4, 8)), text);
        }
        ApiClient.Download xlsx = api().download("/api/payment-notices/" + noticeId + "/document?format=xlsx", enterprise, "*/*");
        assertEquals(200, xlsx.status());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheetAt(0);
            boolean found = false;
            for (var row : sheet) {
                if (row.getCell(1) != null && code.equals(row.getCell(1).toString())) {
                    found = true;
                }
            }
            assertTrue(found, "the .xlsx carries the code without spaces");
        }
        assertEquals(404, api().download("/api/payment-notices/" + noticeId + "/document", login("enterprise_transport"),
                "application/pdf").status(), "another enterprise cannot read it");
    }

    /** The interest is booked as a receipt; the unknown payer is noted and stays open. */
    private void theInterestIsBookedAsAReceiptAndTheUnknownPayerNoted(Township gongchangOfficer) {
        long gongchang = gongchangOfficer.id();
        String officer = gongchangOfficer.token();
        JsonNode open = api().get("/api/townships/" + gongchang + "/account/bank-lines?status=OPEN", officer).json();
        assertEquals(2, open.size());
        long interestLine = -1;
        long unknownLine = -1;
        for (JsonNode line : open) {
            if ("INT-0001".equals(line.get("reference").asText())) {
                interestLine = line.get("id").asLong();
            } else {
                unknownLine = line.get("id").asLong();
            }
        }
        assertEquals(200, gongchangOfficer.post("/api/townships/" + gongchang + "/account/bank-lines/" + interestLine + "/book",
                Json.object("bookedAs", "INTEREST", "reason", "第四季度结息")).status());
        assertEquals(200, gongchangOfficer.post("/api/townships/" + gongchang + "/account/bank-lines/" + unknownLine + "/note",
                Json.object("note", "来款单位不明，已向银行查询")).status());
    }

    /** The next statement overlaps {@code statement} (the first one, without its 合计) and adds a line. */
    private void theNextStatementOverlapsThisOneAndNothingSettlesOrIsBookedTwice(Township gongchangOfficer, String path,
                                                                                 String statement, String today,
                                                                                 long fundBefore) {
        long gongchang = gongchangOfficer.id();
        String officer = gongchangOfficer.token();
        // the next statement overlaps this one and adds a line: nothing settles or is booked twice
        String more = today + ",INT-0002,0.66,,\"785,013.00\",,,结息,\n";
        Response second = api().upload(path, officer, (statement + more).getBytes(GBK), "text/csv");
        assertEquals(200, second.status(), second.body());
        assertEquals(0, second.json().get("settled").size(), "the line that paid is matched already");
        assertEquals(1, second.json().get("run").get("linesNew").asInt());
        assertEquals(fundBefore + 78_000_000 + 1_234, api().get("/api/townships/" + gongchang + "/account", officer)
                .number("balanceFen"), "the order once, the interest once");
        JsonNode adjustment = second.json().get("adjustment");
        assertTrue(adjustment.get("balanced").asBoolean(), second.body());
        assertEquals(78_501_300, adjustment.get("bankBalanceFen").asLong());
        assertEquals(78_501_300, adjustment.get("adjustedBookBalanceFen").asLong(),
                "books + what the bank has and the books not (the unknown 5 000.00 and the new 0.66)");
        JsonNode stillOpen = api().get("/api/townships/" + gongchang + "/account/bank-lines?status=OPEN", officer).json();
        assertEquals(2, stillOpen.size());
        boolean noted = false;
        for (JsonNode line : stillOpen) {
            noted |= "来款单位不明，已向银行查询".equals(line.get("note").asText());
        }
        assertTrue(noted);
        assertTrue(api().get("/api/audit/invariants", login("county_admin")).json().get("ok").asBoolean());
    }

    @Test
    void aLineQuotingAnExpiredOrWrongAmountNoticeStaysOpenWithTheReason() {
        String officer = login("officer_wenfeng");
        String enterprise = login("enterprise_coop");
        long wenfeng = api().get("/api/me", officer).number("regionId");
        long application = declaredOutflow(wenfeng, 2_000);
        Response notice = new Finance(api(), this::login).feeNotice(application, 2000, enterprise);
        assertEquals(201, notice.status(), notice.body());
        assertEquals(15_000_000, notice.number("amountFen"), "3 亩 at 5万元/亩");
        String code = notice.string("remittanceCode");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Response run = api().upload("/api/townships/" + wenfeng + "/account/reconciliations", officer,
                ("交易日期,交易流水号,收入金额,支出金额,对方户名,用途\n" + today + ",WRONG-1,\"1,500.00\",,某合作社,缴款识别码" + code + "\n")
                        .getBytes(GBK), "text/csv");
        assertEquals(200, run.status(), run.body());
        JsonNode settled = run.json().get("settled").get(0);
        assertFalse(settled.get("paid").asBoolean());
        assertTrue(settled.get("refusal").asText().contains("不符"), settled.toString());
        assertEquals("OPEN", api().get("/api/payment-notices/" + notice.number("id"), enterprise).string("status"));
        JsonNode line = api().get("/api/townships/" + wenfeng + "/account/bank-lines?status=OPEN", officer).json().get(0);
        assertTrue(line.get("note").asText().contains("不符"), "the reason is noted on the line");
    }
}
