package cn.landbalance.settlement.imports;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finding the table in a file: encodings, separators, header names and their variants, totals, notes and blank cells. */
class PlanTableTest {
    private static final List<String> OUTFLOW = List.of(PlanColumns.TOWNSHIP, PlanColumns.LAND_CLASS_AFTER, PlanColumns.AREA,
            PlanColumns.slope(1), PlanColumns.slope(5));

    private static PlanTable outflow(byte[] bytes) {
        return PlanTable.read(TableFile.read(bytes), PlanKind.OUTFLOW, OUTFLOW);
    }

    @Test
    void excelUnicodeTextIsUtf16WithTabs() {
        String text = "\uFEFF所在乡镇\t所占地类\t1级\t2级\t3级\t4级\t5级\t面积(公顷)\r\n碧岩镇\t果园\t0.1\t\t\t\t\t0.1\r\n";
        byte[] utf16 = text.substring(1).getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);
        TableFile file = TableFile.read(withBom);
        assertEquals("csv (UTF-16LE)", file.describe());
        PlanTable table = PlanTable.read(file, PlanKind.OUTFLOW, OUTFLOW);
        assertEquals(1_000, table.rows().get(0).hectares(PlanColumns.slope(1)));
    }

    @Test
    void anOldXlsIsRefusedWithAdvice() {
        DomainException e = assertThrows(DomainException.class,
                () -> TableFile.read(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}));
        assertEquals(ErrorCode.IMPORT_FILE_INVALID, e.code());
        assertTrue(e.getMessage().contains(".xlsx"));
    }

    @Test
    void excelDoublesReadAsThePrintedDecimal() {
        assertEquals("0.0823", XlsxReader.number("8.2299999999999998E-2"));
        assertEquals("1.364", XlsxReader.number("1.3640000000000001"));
        assertEquals("12", XlsxReader.number("12"));
        assertEquals("0.3", XlsxReader.number("0.30000000000000004"));
        assertEquals("1000", XlsxReader.number("1E+3"));
        assertEquals("81.1559", XlsxReader.number("81.155900000000003"));
        assertEquals(27, XlsxReader.columnOf("AB12"));
    }

    @Test
    void headerVariantsAndSlopeGrades() {
        assertEquals(PlanColumns.TOWNSHIP, PlanColumns.column(PlanKind.OUTFLOW, "所在乡镇"));
        assertEquals(PlanColumns.LAND_CLASS_AFTER, PlanColumns.column(PlanKind.OUTFLOW, "所占地利"));
        assertEquals(PlanColumns.LAND_CLASS_BEFORE, PlanColumns.column(PlanKind.INFLOW, "地类名称"));
        assertEquals(PlanColumns.AREA, PlanColumns.column(PlanKind.OUTFLOW, "面积 （公顷）"));
        assertEquals(PlanColumns.slope(3), PlanColumns.column(PlanKind.OUTFLOW, "坡度3级(公顷)"));
        assertEquals(PlanColumns.slope(3), PlanColumns.column(PlanKind.OUTFLOW, "Ⅲ级"));
        assertEquals(PlanColumns.slope(3), PlanColumns.column(PlanKind.OUTFLOW, "坡度级别/3"));
        assertEquals(PlanColumns.slope(3), PlanColumns.column(PlanKind.OUTFLOW, "坡度级别/6°-15°"));
        assertEquals(PlanColumns.slope(5), PlanColumns.column(PlanKind.OUTFLOW, "slope_5_ha"));
        assertNull(PlanColumns.column(PlanKind.OUTFLOW, "3"), "a bare number is a grade only under 坡度级别");
        assertEquals(2022, PlanColumns.titleYear("附表2 陇西县 2022 年度耕地转出情况表"));
    }

    @Test
    void areasInMuAreRefused() {
        byte[] csv = "乡镇,地类,坡度1级,坡度5级,面积（亩）\n碧岩镇,果园,1,,1\n".getBytes(StandardCharsets.UTF_8);
        DomainException e = assertThrows(DomainException.class, () -> outflow(csv));
        assertTrue(e.detailZh().contains("公顷"), e.detailZh());
    }

    @Test
    void totalsAndNotesAreSkippedAndABlankTownshipTakesTheOneAbove() {
        byte[] csv = String.join("\n", "陇西县2022年度耕地转出情况表", "乡镇,地类,坡度1级,坡度5级,面积",
                "碧岩镇,果园,0.1,,0.1", ",果园,0.2,,0.2", "合计,,0.3,,0.3", "注：面积单位为公顷").getBytes(StandardCharsets.UTF_8);
        PlanTable table = outflow(csv);
        assertEquals(2022, table.titleYear());
        List<PlanTable.Row> rows = table.rows();
        assertEquals(4, rows.size());
        assertEquals("碧岩镇", rows.get(1).text(PlanColumns.TOWNSHIP));
        assertEquals(ErrorCode.IMPORT_VALUE_CARRIED_DOWN, rows.get(1).issues().get(0).code());
        assertTrue(rows.get(2).skipped() && rows.get(3).skipped());
        assertEquals(5, rows.get(2).number(), "spreadsheet numbering: title 1, header 2, data from 3");
    }

    @Test
    void aTableWithoutItsColumnsIsRefusedNamingThem() {
        DomainException e = assertThrows(DomainException.class,
                () -> outflow("乡镇,地类,面积\n碧岩镇,果园,1\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.detailZh().contains("坡度1级"), e.detailZh());
        assertTrue(e.detailEn().contains("slope_1_ha"), e.detailEn());
    }
}
