package cn.landbalance.settlement.fund;

import cn.landbalance.ledger.common.DomainException;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bank statements as banks export them: encodings, Chinese headers, separate in/out columns, "780,000.00", totals. */
class BankStatementTest {

    @Test
    void aGbkExportWithAccountDetailsSeparateInAndOutColumnsAndATotalLine() {
        String export = String.join("\r\n",
                "中国农业银行账户交易明细",
                "账号：62284800001234,户名：陇西县巩昌镇耕地保护专户,,,,,",
                "交易日期,交易流水号,收入金额,支出金额,余额,对方户名,摘要",
                "2026/12/01,ABC0001,\"780,000.00\",,\"1,780,000.00\",陇西县某合作社,指标款 JK-2026-0007",
                "20261202,ABC0002,,\"50,000.00\",\"1,730,000.00\",某工程公司,复垦工程款",
                "2026年12月3日,ABC0003,12.34,,\"1,730,012.34\",,利息",
                "合计,,\"780,012.34\",\"50,000.00\",,,");
        List<BankStatement.Line> lines = BankStatement.read(export.getBytes(Charset.forName("GBK")));
        assertEquals(3, lines.size(), "title, account line and total are not transactions");
        assertEquals(new BankStatement.Line(4, LocalDate.of(2026, 12, 1), 78_000_000, "ABC0001", "陇西县某合作社", "",
                "指标款 JK-2026-0007", 178_000_000L), lines.get(0));
        assertEquals(-5_000_000, lines.get(1).amountFen());
        assertEquals(LocalDate.of(2026, 12, 3), lines.get(2).date());
        assertEquals(1_234, lines.get(2).amountFen());
        assertEquals(173_001_234L, lines.get(2).balanceFen());
    }

    @Test
    void oneSignedAmountWithADirectionColumn() {
        String export = "记账日期\t金额\t借贷标志\t凭证号\t对方账户名称\n2026-12-01 09:30:00\t¥150,000.00\t贷\tV1\t某公司\n"
                + "2026-12-02\t300.00\t借\tV2\t某银行\n";
        List<BankStatement.Line> lines = BankStatement.read(export.getBytes(StandardCharsets.UTF_8));
        assertEquals(15_000_000, lines.get(0).amountFen());
        assertEquals(-30_000, lines.get(1).amountFen());
        assertNull(lines.get(0).balanceFen());
    }

    @Test
    void theSimpleFormatStillReads() {
        List<BankStatement.Line> lines = BankStatement.read(
                "date,amount,reference,counterparty\n2026-12-01,-12.5,EXP-1,某公司\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(-1_250, lines.get(0).amountFen());
    }

    @Test
    void amountsAreConvertedExactlyAndAFractionOfAFenIsRefused() {
        assertEquals(78_000_000L, BankStatement.fen(1, "780,000.00"));
        assertEquals(-1_234L, BankStatement.fen(1, "(12.34)"));
        assertEquals(10L, BankStatement.fen(1, "0.1"));
        assertEquals(2_000_000_000_001L, BankStatement.fen(1, "20,000,000,000.01"), "no floating point on the way");
        assertTrue(assertThrows(DomainException.class, () -> BankStatement.fen(7, "1.005")).detailZh()
                .contains("第 7 行"));
        assertThrows(DomainException.class, () -> BankStatement.fen(8, "99999999999999999999"));
        assertEquals(LocalDate.of(2026, 12, 1), BankStatement.date("46357"), "an Excel date");
        assertNull(BankStatement.date("2026-13-01"));
    }
}
