package cn.landbalance.settlement.imports;

import cn.landbalance.ledger.common.Sha256;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.imports.RowIssue.Severity;
import cn.landbalance.settlement.places.PlaceNames;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Imports a county's plan tables (附表1 转进, 附表2 转出) from .xlsx or CSV. A preview reads the whole file and says
 * what every row will do (import, import with a warning, refuse, skip) and which defaults apply; the commit writes
 * exactly that — if the outcome changed since the preview the caller showed (a place name edited, say), it is
 * refused. One plan, once: a table whose content, or whose county, kind and year, is already imported is refused
 * unless the county replaces it, which withdraws the earlier import in the same transaction — refused if anything
 * it wrote has been used since. The caller runs a commit in one transaction.
 */
public class PlanImportService {
    private final Regions regions;
    private final PlaceNames placeNames;
    private final PlanImports imports;
    private final Map<PlanKind, PlanWriter> writers;

    public PlanImportService(Regions regions, PlaceNames placeNames, PlanImports imports, List<PlanWriter> writers) {
        this.regions = regions;
        this.placeNames = placeNames;
        this.imports = imports;
        this.writers = Map.of(writers.get(0).kind(), writers.get(0), writers.get(1).kind(), writers.get(1));
    }

    /** What the county asks for: a file, its kind, and the choices the table does not make itself. */
    public record Request(long countyId, PlanKind kind, Integer year, Integer qualityGrade, boolean replace, String fileName,
                          byte[] file, Long userId) {
    }

    public enum Outcome { IMPORT, WARN, REFUSE, SKIP }

    /** One row as the preview shows it. */
    public record PreviewRow(int row, Outcome outcome, String township, String village, String landClass, long areaM2,
                             Integer qualityGrade, List<RowIssue> issues) {
    }

    /** A value the import applies that the table itself does not state, and where it came from. */
    public record Default(String field, String value, String sourceZh, String sourceEn) {
    }

    /** An earlier import this one collides with; {@code replaceable} says whether "replace" would withdraw it. */
    public record Conflict(PlanImports.PlanImport earlier, boolean sameContent, boolean replaceable, String reasonZh,
                           String reasonEn) {
    }

    public record Preview(PlanKind kind, long countyId, int year, String fileName, String fileFormat, String fileSha256,
                          String contentSha256, int headerRows, Map<String, String> columns, List<Default> defaults,
                          List<PreviewRow> rows, int rowsRead, int toImport, int warned, int refused, int skipped,
                          long importM2, List<Conflict> conflicts, String digest) {
        public List<RowIssue> issues(Severity severity) {
            return rows.stream().flatMap(r -> r.issues().stream()).filter(i -> i.severity() == severity).toList();
        }
    }

    public record Committed(long importId, Preview preview, List<Long> replaced) {
    }

    public Preview preview(Request request) {
        return read(request).preview();
    }

    /** Writes what the preview showed; {@code expectedDigest} (from the preview the user saw) may be null. */
    public Committed commit(Request request, String expectedDigest) {
        imports.lockCounty(request.countyId());
        Read read = read(request);
        Preview preview = read.preview();
        if (expectedDigest != null && !expectedDigest.isBlank() && !expectedDigest.equals(preview.digest())) {
            throw DomainException.field(ErrorCode.IMPORT_PREVIEW_STALE, "previewDigest",
                    "导入结果与预览不一致，请重新预览", "the outcome differs from the preview; preview again");
        }
        List<Long> replaced = new ArrayList<>();
        for (Conflict conflict : preview.conflicts()) {
            if (!request.replace() || !conflict.replaceable()) {
                throw new DomainException(ErrorCode.PLAN_ALREADY_IMPORTED, conflict.reasonZh(), conflict.reasonEn());
            }
        }
        PlanWriter writer = writers.get(request.kind());
        for (Conflict conflict : preview.conflicts()) {
            long earlier = conflict.earlier().id();
            if (replaced.contains(earlier)) {
                continue;
            }
            String[] used = writer.used(earlier).orElse(null);
            if (used != null) {
                throw new DomainException(ErrorCode.PLAN_IMPORT_IN_USE,
                        "第 " + earlier + " 次导入" + used[0], "import " + earlier + ": " + used[1]);
            }
            writer.withdraw(earlier);
            imports.markReversed(earlier);
            replaced.add(earlier);
        }
        if (read.rows().isEmpty()) {
            throw new DomainException(ErrorCode.IMPORT_FILE_INVALID,
                    "没有可导入的行（" + preview.refused() + " 行有错误）",
                    "no row can be imported (" + preview.refused() + " rows have errors)");
        }
        PlanImports.PlanImport saved = imports.insert(new PlanImports.PlanImport(0, request.countyId(), request.kind(),
                preview.year(), preview.contentSha256(), preview.fileSha256(), fileName(request), preview.fileFormat(),
                preview.toImport() + preview.warned(), preview.importM2(), preview.warned(), true, request.userId(),
                OffsetDateTime.now(), null, null));
        writer.save(request.countyId(), preview.year(), saved.id(), read.rows());
        replaced.forEach(id -> imports.linkReplacement(id, saved.id()));
        return new Committed(saved.id(), preview, replaced);
    }

    public List<PlanImports.PlanImport> history(long countyId) {
        regions.requireCounty(countyId);
        return imports.ofCounty(countyId);
    }

    private record Read(Preview preview, List<PlanRow> rows) {
    }

    private Read read(Request request) {
        PlanWriter writer = writers.get(request.kind());
        ImportScope scope = ImportScope.of(regions, placeNames, request.countyId());
        TableFile file = TableFile.read(request.file());
        PlanTable table = PlanTable.read(file, request.kind(), writer.requiredColumns());
        List<Default> defaults = new ArrayList<>();
        int year = year(request, table, defaults);
        Integer grade = request.qualityGrade();
        if (!table.has(PlanColumns.QUALITY_GRADE) && grade == null) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, "qualityGrade",
                    "表中没有“质量等别”列，请选择本次导入的质量等别",
                    "the table has no quality grade column: choose the grade for this import");
        }
        if (grade != null && (grade < 1 || grade > 15)) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "qualityGrade",
                    "质量等别应为 1-15", "quality grade must be 1-15");
        }
        List<PreviewRow> previewRows = new ArrayList<>();
        List<PlanRow> rows = new ArrayList<>();
        StringBuilder content = new StringBuilder();
        StringBuilder digest = new StringBuilder(request.kind() + "|" + request.countyId() + "|" + year + "|" + grade + "|"
                + request.replace() + "\n");
        int toImport = 0;
        int warned = 0;
        int refused = 0;
        int skipped = 0;
        int gradeDefaulted = 0;
        long importM2 = 0;
        for (PlanTable.Row row : table.rows()) {
            PlanRow parsed = row.skipped() ? null : writer.parse(table, row, scope, grade);
            Outcome outcome = row.skipped() ? Outcome.SKIP : parsed == null || row.refused() ? Outcome.REFUSE
                    : row.warned() ? Outcome.WARN : Outcome.IMPORT;
            switch (outcome) {
                case SKIP -> skipped++;
                case REFUSE -> refused++;
                case WARN -> warned++;
                case IMPORT -> toImport++;
            }
            if (!row.skipped()) {
                content.append(row.content()).append('\n');
            }
            if (outcome == Outcome.IMPORT || outcome == Outcome.WARN) {
                rows.add(parsed);
                importM2 += parsed.areaM2();
                gradeDefaulted += row.text(PlanColumns.QUALITY_GRADE).isEmpty() ? 1 : 0;
                digest.append(parsed.canonical());
            }
            digest.append(row.number()).append(outcome);
            row.issues().forEach(i -> digest.append(i.code()));
            digest.append('\n');
            previewRows.add(new PreviewRow(row.number(), outcome,
                    parsed == null ? row.text(PlanColumns.TOWNSHIP) : parsed.township().name(),
                    parsed == null ? row.text(PlanColumns.VILLAGE) : parsed.village(),
                    parsed == null ? row.text(request.kind() == PlanKind.INFLOW ? PlanColumns.LAND_CLASS_BEFORE
                            : PlanColumns.LAND_CLASS_AFTER) : parsed.landClass(),
                    parsed == null ? 0 : parsed.areaM2(), parsed == null ? null : parsed.qualityGrade(), List.copyOf(row.issues())));
        }
        if (gradeDefaulted > 0) {
            defaults.add(new Default("qualityGrade", String.valueOf(grade), "导入时选择，用于 " + gradeDefaulted + " 行",
                    "chosen for the import, applied to " + gradeDefaulted + " rows"));
        }
        defaults.add(new Default("precision", String.valueOf(table.precisionM2()),
                "表格取位 " + table.precisionScale() + " 位小数：坡度级之和与合计相差不超过 " + table.precisionM2() + " 平方米时以合计为准",
                "the table prints " + table.precisionScale() + " decimals: slope grades within " + table.precisionM2()
                        + " m² of the total are taken as rounding, the total counts"));
        String contentSha = Sha256.hex(content.toString());
        List<Conflict> conflicts = conflicts(request, year, contentSha);
        conflicts.forEach(c -> digest.append(c.earlier().id()));
        Preview preview = new Preview(request.kind(), request.countyId(), year, fileName(request), file.describe(),
                Sha256.hex(request.file()), contentSha, table.headerRows(), table.headers(), defaults, previewRows,
                toImport + warned + refused, toImport, warned, refused, skipped, importM2, conflicts,
                Sha256.hex(digest.toString()));
        return new Read(preview, rows);
    }

    private static int year(Request request, PlanTable table, List<Default> defaults) {
        Integer title = table.titleYear();
        Integer asked = request.year();
        if (asked != null && title != null && !asked.equals(title)) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "year",
                    "表题为 " + title + " 年度，与所选的 " + asked + " 年度不符",
                    "the table's title says " + title + " but the import is for " + asked);
        }
        int year;
        if (asked != null) {
            year = asked;
            defaults.add(new Default("year", String.valueOf(year), title == null ? "导入时选择（表中无年度）" : "导入时选择，与表题一致",
                    title == null ? "chosen for the import (the table states none)" : "chosen for the import, as in the title"));
        } else if (title != null) {
            year = title;
            defaults.add(new Default("year", String.valueOf(year), "取自表题", "from the table's title"));
        } else {
            throw DomainException.field(ErrorCode.MISSING_FIELD, "year",
                    "表中没有年度（如“2022年度”），请选择计划年度", "the table states no year: choose the plan year");
        }
        if (year < 2000 || year > 2100) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "year",
                    "年度应在 2000-2100 之间", "year must be 2000-2100");
        }
        return year;
    }

    private List<Conflict> conflicts(Request request, int year, String contentSha) {
        List<Conflict> conflicts = new ArrayList<>();
        imports.activeWithContent(request.countyId(), request.kind(), contentSha).ifPresent(earlier -> {
            boolean sameYear = earlier.year() == year;
            conflicts.add(new Conflict(earlier, true, sameYear,
                    "相同内容的" + request.kind().printedName() + "已于 " + earlier.createdAt().toLocalDate() + " 作为 "
                            + earlier.year() + " 年度计划导入（第 " + earlier.id() + " 次导入）"
                            + (sameYear ? "" : "，不能再作为 " + year + " 年度导入"),
                    "a table with the same content was imported on " + earlier.createdAt().toLocalDate() + " as the "
                            + earlier.year() + " plan (import " + earlier.id() + ")"
                            + (sameYear ? "" : "; it cannot be imported again as the " + year + " plan")));
        });
        imports.activeOfYear(request.countyId(), request.kind(), year)
                .filter(earlier -> conflicts.stream().noneMatch(c -> c.earlier().id() == earlier.id()))
                .ifPresent(earlier -> conflicts.add(new Conflict(earlier, false, true,
                        "本县 " + year + " 年度" + request.kind().printedName() + "已于 " + earlier.createdAt().toLocalDate()
                                + " 导入（第 " + earlier.id() + " 次导入，" + earlier.rowsImported() + " 行）",
                        "the county's " + year + " " + request.kind().name().toLowerCase(java.util.Locale.ROOT)
                                + " table was imported on " + earlier.createdAt().toLocalDate() + " (import "
                                + earlier.id() + ", " + earlier.rowsImported() + " rows)")));
        return conflicts;
    }

    private static String fileName(Request request) {
        String name = request.fileName();
        return name == null || name.isBlank() ? null : name.strip().substring(0, Math.min(200, name.strip().length()));
    }

}
