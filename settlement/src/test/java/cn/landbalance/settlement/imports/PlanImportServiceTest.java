package cn.landbalance.settlement.imports;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.settlement.imports.PlanImportService.Outcome;
import cn.landbalance.settlement.imports.PlanImportService.Preview;
import cn.landbalance.settlement.inflow.InflowImport;
import cn.landbalance.settlement.outflow.OutflowImport;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan import's rules on the Longxi 2022 tables, without a database: both tables, as CSV (UTF-8 and GBK) and as
 * .xlsx in the printed form, import with no refused row and the same four warnings, and give the published totals;
 * one plan is imported once; replace withdraws the earlier import unless it was used.
 */
class PlanImportServiceTest {
    private final LongxiCounty county = new LongxiCounty().withFormerName("双泉乡", "双泉镇");
    private final Recording inflow = new Recording(new InflowImport(null, null));
    private final Recording outflow = new Recording(new OutflowImport(null, null, null));
    private final PlanImportService service = new PlanImportService(county.regions(), county.placeNames(),
            county.planImports(), List.of(inflow, outflow));

    /** Delegates reading to the real writer and records what would be written. */
    static final class Recording implements PlanWriter {
        final PlanWriter real;
        final List<List<PlanRow>> saved = new ArrayList<>();
        final List<Long> withdrawn = new ArrayList<>();
        String[] used;

        Recording(PlanWriter real) {
            this.real = real;
        }

        public PlanKind kind() {
            return real.kind();
        }

        public List<String> requiredColumns() {
            return real.requiredColumns();
        }

        public PlanRow parse(PlanTable table, PlanTable.Row row, ImportScope scope, Integer qualityGrade) {
            return real.parse(table, row, scope, qualityGrade);
        }

        public void save(long countyId, int year, long importId, List<PlanRow> rows) {
            saved.add(rows);
        }

        public Optional<String[]> used(long importId) {
            return Optional.ofNullable(used);
        }

        public void withdraw(long importId) {
            withdrawn.add(importId);
        }
    }

    private PlanImportService.Request request(PlanKind kind, String file, Integer year, boolean replace) {
        return request(kind, LongxiCounty.sample(file), year, replace);
    }

    private PlanImportService.Request request(PlanKind kind, byte[] file, Integer year, boolean replace) {
        return new PlanImportService.Request(LongxiCounty.COUNTY, kind, year, 14, replace, "file", file, 1L);
    }

    private static Map<Integer, String> warnings(Preview p) {
        return p.issues(RowIssue.Severity.WARNING).stream().collect(Collectors.toMap(RowIssue::row, i -> i.code().name(),
                (a, b) -> a + "," + b, TreeMap::new));
    }

    @Test
    void theOutflowTableAsCsvAndAsPrintedXlsxGivesThePublishedPlanWithFourWarnings() {
        Preview csv = service.preview(request(PlanKind.OUTFLOW, "longxi-2022-zhuanchu.csv", 2022, false));
        Preview xlsx = service.preview(request(PlanKind.OUTFLOW, "longxi-2022-zhuanchu.xlsx", null, false));
        for (Preview p : List.of(csv, xlsx)) {
            assertEquals(81, p.rowsRead());
            assertEquals(0, p.refused(), p.issues(RowIssue.Severity.ERROR).toString());
            assertEquals(4, p.warned());
            assertEquals(801_011, p.importM2());
            assertEquals(Map.of(42, "IMPORT_SLOPE_ROUNDING", 53, "IMPORT_FORMER_PLACE_NAME", 54, "IMPORT_FORMER_PLACE_NAME",
                    55, "IMPORT_FORMER_PLACE_NAME"), warnings(p.fileFormat().equals("xlsx") ? shifted(p, -3) : p));
            assertEquals(2022, p.year());
        }
        assertEquals(1, csv.headerRows());
        assertEquals(2, xlsx.headerRows());
        assertEquals(1, xlsx.skipped(), "the 合计 row");
        assertEquals(csv.contentSha256(), xlsx.contentSha256(), "the same plan, whatever the file");
        assertEquals("取自表题", xlsx.defaults().get(0).sourceZh());
        for (Preview p : List.of(csv, xlsx)) {
            assertEquals(published(0), totals(p, true), "every township's published total");
            assertEquals(published(1), totals(p, false), "every land class's published total");
        }
    }

    /** The CSV's total per township (column 0, 双泉乡 being 双泉镇) or per land class (column 1), in m². */
    private static Map<String, Long> published(int column) {
        Map<String, Long> totals = new TreeMap<>();
        String csv = new String(LongxiCounty.sample("longxi-2022-zhuanchu.csv"), StandardCharsets.UTF_8);
        for (String line : csv.strip().split("\n")) {
            String[] cells = line.split(",", -1);
            if (!cells[0].equals("township")) {
                totals.merge(cells[column].replace("双泉乡", "双泉镇"),
                        new java.math.BigDecimal(cells[8].strip()).movePointRight(4).longValueExact(), Long::sum);
            }
        }
        return totals;
    }

    private static Map<String, Long> totals(Preview p, boolean byTownship) {
        Map<String, Long> totals = new TreeMap<>();
        p.rows().stream().filter(r -> r.outcome() != Outcome.SKIP)
                .forEach(r -> totals.merge(byTownship ? r.township() : r.landClass(), r.areaM2(), Long::sum));
        return totals;
    }

    /** The xlsx has a title, a unit line and two header rows where the CSV has one header: its rows are 3 further down. */
    private static Preview shifted(Preview p, int by) {
        List<PlanImportService.PreviewRow> rows = p.rows().stream().map(r -> new PlanImportService.PreviewRow(r.row() + by,
                r.outcome(), r.township(), r.village(), r.landClass(), r.areaM2(), r.qualityGrade(),
                r.issues().stream().map(i -> new RowIssue(i.row() + by, i.code(), i.severity(), i.messageZh(), i.messageEn())).toList()))
                .toList();
        return new Preview(p.kind(), p.countyId(), p.year(), p.fileName(), p.fileFormat(), p.fileSha256(), p.contentSha256(),
                p.headerRows(), p.columns(), p.defaults(), rows, p.rowsRead(), p.toImport(), p.warned(), p.refused(),
                p.skipped(), p.importM2(), p.conflicts(), p.digest());
    }

    @Test
    void theInflowTableAsCsvGbkAndPrintedXlsxImportsWholeWithoutWarnings() {
        byte[] gbk = new String(LongxiCounty.sample("longxi-2022-zhuanjin.csv"), StandardCharsets.UTF_8).getBytes(Charset.forName("GBK"));
        Preview gbkCsv = service.preview(request(PlanKind.INFLOW, gbk, 2022, false));
        Preview xlsx = service.preview(request(PlanKind.INFLOW, "longxi-2022-zhuanjin.xlsx", 2022, false));
        assertEquals("csv (GBK)", gbkCsv.fileFormat());
        for (Preview p : List.of(gbkCsv, xlsx)) {
            assertEquals(56, p.rowsRead());
            assertEquals(0, p.refused(), p.issues(RowIssue.Severity.ERROR).toString());
            assertEquals(0, p.warned(), p.issues(RowIssue.Severity.WARNING).toString());
            assertEquals(881_559, p.importM2());
        }
        assertEquals(gbkCsv.contentSha256(), xlsx.contentSha256());
    }

    @Test
    void onePlanOnceAndReplaceWithdrawsTheEarlierImportUnlessItWasUsed() {
        PlanImportService.Committed first = service.commit(request(PlanKind.OUTFLOW, "longxi-2022-zhuanchu.csv", 2022, false), null);
        assertEquals(81, outflow.saved.get(0).size());

        DomainException again = assertThrows(DomainException.class,
                () -> service.commit(request(PlanKind.OUTFLOW, "longxi-2022-zhuanchu.xlsx", 2022, false), null));
        assertEquals(ErrorCode.PLAN_ALREADY_IMPORTED, again.code());
        DomainException otherYear = assertThrows(DomainException.class,
                () -> service.commit(request(PlanKind.OUTFLOW, "longxi-2022-zhuanchu.csv", 2016, true), null));
        assertEquals(ErrorCode.PLAN_ALREADY_IMPORTED, otherYear.code(), "the same content under another year, even with replace");
        DomainException titleSaysOtherwise = assertThrows(DomainException.class,
                () -> service.preview(request(PlanKind.OUTFLOW, "longxi-2022-zhuanchu.xlsx", 2016, false)));
        assertEquals(ErrorCode.VALIDATION_FAILED, titleSaysOtherwise.code());
        assertEquals(1, outflow.saved.size());

        Preview preview = service.preview(request(PlanKind.OUTFLOW, "longxi-2022-zhuanchu.xlsx", null, true));
        assertEquals(1, preview.conflicts().size());
        assertTrue(preview.conflicts().get(0).replaceable());
        PlanImportService.Committed replaced = service.commit(request(PlanKind.OUTFLOW, "longxi-2022-zhuanchu.xlsx", null, true),
                preview.digest());
        assertEquals(List.of(first.importId()), replaced.replaced());
        assertEquals(List.of(first.importId()), outflow.withdrawn);

        outflow.used = new String[] {"已被使用", "used"};
        DomainException inUse = assertThrows(DomainException.class,
                () -> service.commit(request(PlanKind.OUTFLOW, "longxi-2022-zhuanchu.csv", 2022, true), null));
        assertEquals(ErrorCode.PLAN_IMPORT_IN_USE, inUse.code());
        assertEquals(List.of(first.importId()), outflow.withdrawn, "nothing more withdrawn");
    }

    @Test
    void aCommitIsRefusedWhenItsOutcomeIsNoLongerWhatThePreviewShowed() {
        Preview preview = service.preview(request(PlanKind.OUTFLOW, "longxi-2022-zhuanchu.csv", 2022, false));
        county.placeNames.clear(); // the county removes 双泉乡 from its history after the preview
        DomainException stale = assertThrows(DomainException.class,
                () -> service.commit(request(PlanKind.OUTFLOW, "longxi-2022-zhuanchu.csv", 2022, false), preview.digest()));
        assertEquals(ErrorCode.IMPORT_PREVIEW_STALE, stale.code());
        assertTrue(outflow.saved.isEmpty());
        Preview now = service.preview(request(PlanKind.OUTFLOW, "longxi-2022-zhuanchu.csv", 2022, false));
        assertNotEquals(preview.digest(), now.digest());
        assertEquals(3, now.refused(), "without the history 双泉乡 is unknown");
        assertTrue(now.issues(RowIssue.Severity.ERROR).get(0).messageZh().contains("是否为“双泉镇”"));
    }

    @Test
    void theYearAndGradeAreExplicit() {
        DomainException noYear = assertThrows(DomainException.class,
                () -> service.preview(request(PlanKind.OUTFLOW, "longxi-2022-zhuanchu.csv", null, false)));
        assertEquals(ErrorCode.MISSING_FIELD, noYear.code());
        assertEquals("year", noYear.field());
        DomainException noGrade = assertThrows(DomainException.class, () -> service.preview(new PlanImportService.Request(
                LongxiCounty.COUNTY, PlanKind.OUTFLOW, 2022, null, false, null, LongxiCounty.sample("longxi-2022-zhuanchu.csv"), 1L)));
        assertEquals("qualityGrade", noGrade.field());
        Preview p = service.preview(request(PlanKind.OUTFLOW, "longxi-2022-zhuanchu.csv", 2022, false));
        assertEquals(List.of("year", "qualityGrade", "precision"), p.defaults().stream().map(PlanImportService.Default::field).toList());
        assertEquals("14", p.defaults().get(1).value());
        assertEquals("1", p.defaults().get(2).value(), "4 decimals of 公顷: 1 m²");
    }
}
