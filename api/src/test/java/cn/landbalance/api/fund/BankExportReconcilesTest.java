package cn.landbalance.api.fund;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import cn.landbalance.api.support.journey.Township;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A township finance officer reconciles the fund account with the statement as the bank exports it: GBK CSV with the
 * account details above Chinese headers, separate 收入/支出 columns, "75,000.00", a balance column and a 合计 line; the
 * next statement as .xlsx. The fee matches; the bank's interest and an unknown payer are in the bank, not in the books;
 * an expense is in the books, not yet in the bank; the 余额调节表 agrees. The interest is booked (once), the unknown
 * payer noted; the overlapping next statement stores one new line and books nothing twice.
 */
@MicronautTest(transactional = false)
class BankExportReconcilesTest extends ApiTest {

    @Test
    void aGbkBankExportReconcilesTheInterestIsBookedOnceAndAnOverlappingXlsxAddsOnlyItsNewLine() throws IOException {
        Township shouyangOfficer = township("officer_shouyang");
        long shouyang = shouyangOfficer.id();
        long app = enterprise("enterprise_coop").filesOutflow(OutflowDeclaration.in(shouyang));
        // the fee's notice, confirmed by the township's finance with the bank's serial
        Finance finance = new Finance(api(), this::login);
        Response fee = finance.payFee(app, 1000, "ABC20261201001", login("enterprise_coop"));
        assertEquals(200, fee.status(), fee.body());
        assertEquals(7_500_000, fee.number("amountFen"));
        Response spent = finance.spend(shouyang, 500_000, "ZC-2026-01");
        assertEquals(200, spent.status(), spent.body());

        String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString().replace("-", "/");
        String export = String.join("\r\n",
                "中国农业银行 账户交易明细",
                "账号：62284800001234,户名：首阳镇耕地保护专户,,,,,",
                "交易日期,交易流水号,收入金额,支出金额,余额,对方户名,摘要",
                day + ",ABC20261201001,\"75,000.00\",,\"75,000.00\",陇西县巩昌镇示范种养殖专业合作社,耕地占补费",
                day + ",ABC20261201002,12.34,,\"75,012.34\",,结息",
                day + ",ABC20261201003,\"1,000.00\",,\"76,012.34\",某不明单位,汇款",
                "合计,,\"76,012.34\",0.00,,,");
        Response csv = api().upload("/api/townships/" + shouyang + "/account/reconciliations", shouyangOfficer.token(),
                export.getBytes(Charset.forName("GBK")), "text/csv");
        assertEquals(200, csv.status(), csv.body());
        check(csv.json());

        theInterestIsBookedOnceAndTheUnknownPayerNoted(shouyangOfficer, csv.json().get("unmatchedBankLines"));

        // the next statement overlaps the first and adds one line: nothing is stored or booked twice
        String next = export.replace("合计,,\"76,012.34\",0.00,,,", day + ",ABC20261201004,,\"5,000.00\",\"71,012.34\",某工程公司,复垦工程款\r\n"
                + "合计,,\"76,012.34\",\"5,000.00\",,,");
        Response xlsx = api().upload("/api/townships/" + shouyang + "/account/reconciliations?fileName=next.xlsx",
                shouyangOfficer.token(), asXlsx(next), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertEquals(200, xlsx.status(), xlsx.body());
        JsonNode r = xlsx.json();
        assertEquals(1, r.get("run").get("linesNew").asInt());
        assertEquals(3, r.get("matched").size(), "the fee, the interest now in the books, and the expense the bank paid");
        assertEquals("AMOUNT_AND_DATE", r.get("matched").get(2).get("basis").asText(),
                "the bank's serial is not the expense's reference: paired by amount and date, the only pair possible");
        assertEquals(1, r.get("unmatchedBankLines").size(), "the unknown payer, noted");
        assertEquals(0, r.get("unmatchedLedgerEntries").size());
        assertEquals("来款单位不明，已向银行查询", r.get("unmatchedBankLines").get(0).get("note").asText());
        assertEquals(4, shouyangOfficer.get("/api/townships/" + shouyang + "/account/bank-lines").json().size(),
                "four lines stored, whatever the overlap");
        JsonNode a = r.get("adjustment");
        assertEquals(7_101_234, a.get("bankBalanceFen").asLong());
        assertEquals(7_001_234, a.get("bookBalanceFen").asLong());
        assertEquals(7_101_234, a.get("adjustedBookBalanceFen").asLong());
        assertTrue(a.get("balanced").asBoolean(), a.toString());
        assertEquals(2, shouyangOfficer.get("/api/townships/" + shouyang + "/account/reconciliations").json().size());
    }

    /** The bank's interest, not yet in the books, is booked as interest (once); the unknown payer is noted. */
    private void theInterestIsBookedOnceAndTheUnknownPayerNoted(Township shouyangOfficer, JsonNode unmatchedBankLines) {
        JsonNode interest = unmatchedBankLines.get(0);
        JsonNode unknown = unmatchedBankLines.get(1);
        assertEquals("OPEN", interest.get("status").asText());
        String lines = "/api/townships/" + shouyangOfficer.id() + "/account/bank-lines/";
        Response wrongKind = shouyangOfficer.post(lines + interest.get("lineId").asLong() + "/book",
                Json.object("bookedAs", "BANK_CHARGE", "reason", "结息"));
        assertEquals(400, wrongKind.status(), "money in is not a bank charge");
        Response booked = shouyangOfficer.post(lines + interest.get("lineId").asLong() + "/book",
                Json.object("bookedAs", "INTEREST", "reason", "第四季度结息"));
        assertEquals(200, booked.status(), booked.body());
        assertEquals("BOOKED", booked.string("status"));
        assertEquals(7_001_234, shouyangOfficer.fundBalance());
        assertEquals(409, shouyangOfficer.post(lines + interest.get("lineId").asLong() + "/book",
                Json.object("bookedAs", "INTEREST", "reason", "again")).status(), "a line is booked once");
        assertEquals(200, shouyangOfficer.post(lines + unknown.get("lineId").asLong() + "/note",
                Json.object("note", "来款单位不明，已向银行查询")).status());
    }

    private static void check(JsonNode r) {
        assertEquals(1, r.get("matched").size());
        assertEquals(2, r.get("unmatchedBankLines").size(), "the interest and the unknown payer");
        assertEquals(1, r.get("unmatchedLedgerEntries").size(), "the expense the bank has not paid yet");
        JsonNode a = r.get("adjustment");
        assertEquals(7_601_234, a.get("bankBalanceFen").asLong());
        assertEquals(7_000_000, a.get("bookBalanceFen").asLong());
        assertEquals(101_234, a.get("bankReceivedNotBookedFen").asLong());
        assertEquals(500_000, a.get("bookPaidNotBankedFen").asLong());
        assertEquals(7_101_234, a.get("adjustedBankBalanceFen").asLong());
        assertEquals(7_101_234, a.get("adjustedBookBalanceFen").asLong());
        assertTrue(a.get("balanced").asBoolean());
    }

    /** The same export as a bank's .xlsx: text cells as they are, amounts as numbers. */
    private static byte[] asXlsx(String csv) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("明细");
            String[] lines = csv.split("\r\n");
            for (int i = 0; i < lines.length; i++) {
                XSSFRow row = sheet.createRow(i);
                String[] cells = lines[i].split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
                for (int c = 0; c < cells.length; c++) {
                    String cell = cells[c].replace("\"", "");
                    if (i > 2 && cell.matches("[\\d,]+\\.\\d\\d")) {
                        row.createCell(c).setCellValue(Double.parseDouble(cell.replace(",", "")));
                    } else {
                        row.createCell(c).setCellValue(cell);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
