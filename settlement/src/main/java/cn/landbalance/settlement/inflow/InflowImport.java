package cn.landbalance.settlement.inflow;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.indicator.QualityGrades;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.RegionLevel;
import cn.landbalance.ledger.region.Regions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Imports an approved plan's 附表1 (耕地转进) in the format of longxi-2022-zhuanjin.csv: each valid row
 * becomes an accepted project and its indicator lot; every invalid row is reported with its row number,
 * code and reason, never corrected. Re-importing the same rows adds nothing (each row has a fingerprint).
 * The caller runs the whole import in one transaction.
 */
public class InflowImport {
    static final List<String> REQUIRED = List.of("township", "village", "land_class_before", "target_class", "ownership",
            "restoration_attr", "slope_1_ha", "slope_2_ha", "slope_3_ha", "slope_4_ha", "area_ha");

    private final Regions regions;
    private final InflowProjects projects;
    private final InflowService service;

    public InflowImport(Regions regions, InflowProjects projects, InflowService service) {
        this.regions = regions;
        this.projects = projects;
        this.service = service;
    }

    public ImportReport run(long countyId, int year, Integer defaultQualityGrade, String csv) {
        Region county = regions.findById(countyId).filter(r -> r.level() == RegionLevel.COUNTY)
                .orElseThrow(() -> new DomainException(ErrorCode.COUNTY_NOT_FOUND, "county " + countyId));
        if (defaultQualityGrade != null) {
            QualityGrades.require(defaultQualityGrade);
        }
        List<List<String>> records = Csv.parse(csv == null ? "" : csv);
        Map<String, Integer> columns = header(records);
        Map<String, Region> townships = new HashMap<>();
        regions.children(county.id()).forEach(t -> townships.put(t.name(), t));

        List<ImportReport.RowIssue> rejected = new ArrayList<>();
        List<ImportReport.RowIssue> warnings = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int rowsRead = 0;
        int imported = 0;
        long importedM2 = 0;
        for (int i = 1; i < records.size(); i++) {
            List<String> cells = records.get(i);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            rowsRead++;
            int row = i + 1;
            InflowRow parsed = InflowRow.parse(row, cells, columns, townships, defaultQualityGrade, rejected);
            if (parsed == null) {
                continue;
            }
            String content = String.join("|", cells).strip();
            int occurrence = seen.merge(content, 1, Integer::sum);
            String key = "inflow:" + year + ":" + sha256(content + "#" + occurrence);
            if (projects.importKeyExists(county.id(), key)) {
                warnings.add(new ImportReport.RowIssue(row, ErrorCode.IMPORT_DUPLICATE_ROW,
                        "row already imported for " + county.name() + " " + year + "; not imported again"));
                continue;
            }
            InflowProject project = projects.insert(new InflowProject(0, county.id(), parsed.township().id(),
                    parsed.village(), parsed.landClassBefore(), parsed.targetClass(), parsed.ownership(),
                    parsed.restorationAttr(), parsed.slopes(), SiteConstraints.NONE, year, InflowStatus.SUBMITTED,
                    null, null, null, key));
            service.issue(project, parsed.qualityGrade(), year);
            imported++;
            importedM2 += parsed.slopes().totalM2();
        }
        return new ImportReport(rowsRead, imported, importedM2, rejected, warnings);
    }

    private static Map<String, Integer> header(List<List<String>> records) {
        if (records.isEmpty()) {
            throw new DomainException(ErrorCode.IMPORT_FILE_INVALID, "the file is empty");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0);
        for (int c = 0; c < header.size(); c++) {
            columns.put(header.get(c).strip(), c);
        }
        List<String> missing = REQUIRED.stream().filter(name -> !columns.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new DomainException(ErrorCode.IMPORT_FILE_INVALID, "missing columns: " + missing);
        }
        return columns;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One parsed and checked row; {@link #parse} reports its problems and returns null when there are any. */
    record InflowRow(Region township, String village, String landClassBefore, TargetClass targetClass,
                     Ownership ownership, RestorationAttr restorationAttr, SlopeAreas slopes, int qualityGrade) {

        static InflowRow parse(int row, List<String> cells, Map<String, Integer> columns, Map<String, Region> townships,
                               Integer defaultGrade, List<ImportReport.RowIssue> issues) {
            int before = issues.size();
            String townshipName = cell(cells, columns, "township");
            Region township = townships.get(townshipName);
            if (township == null) {
                issues.add(new ImportReport.RowIssue(row, ErrorCode.IMPORT_UNKNOWN_TOWNSHIP,
                        "township '" + townshipName + "' is not a township of this county"));
            }
            String village = cell(cells, columns, "village");
            String landClass = cell(cells, columns, "land_class_before");
            if (village.isEmpty() || landClass.isEmpty()) {
                issues.add(invalid(row, "village and land_class_before are required"));
            }
            TargetClass target = enumCell(TargetClass.class, cell(cells, columns, "target_class"), row, "target_class", issues);
            Ownership ownership = enumCell(Ownership.class, cell(cells, columns, "ownership"), row, "ownership", issues);
            String attr = cell(cells, columns, "restoration_attr");
            RestorationAttr restoration = attr.isEmpty() || attr.equals("——") || attr.equals("—") ? null
                    : enumCell(RestorationAttr.class, attr, row, "restoration_attr", issues);
            long[] grades = new long[5];
            for (int g = 1; g <= 5; g++) {
                String name = "slope_" + g + "_ha";
                grades[g - 1] = columns.containsKey(name) ? hectares(cell(cells, columns, name), row, name, issues) : 0;
            }
            long total = hectares(cell(cells, columns, "area_ha"), row, "area_ha", issues);
            Integer grade = columns.containsKey("quality_grade") && !cell(cells, columns, "quality_grade").isEmpty()
                    ? integer(cell(cells, columns, "quality_grade"), row, issues) : defaultGrade;
            if (grade == null) {
                issues.add(invalid(row, "no quality grade: add a quality_grade column or the qualityGrade parameter"));
            } else if (grade < QualityGrades.BEST || grade > QualityGrades.WORST) {
                issues.add(invalid(row, "quality grade must be 1-15, got " + grade));
            }
            if (issues.size() > before) {
                return null;
            }
            SlopeAreas slopes = new SlopeAreas(grades[0], grades[1], grades[2], grades[3], grades[4]);
            if (slopes.totalM2() != total) {
                issues.add(new ImportReport.RowIssue(row, ErrorCode.IMPORT_SLOPE_SUM_MISMATCH, "slope grades add up to "
                        + Units.m2ToHectares(slopes.totalM2()) + " 公顷 but area_ha is " + Units.m2ToHectares(total) + " 公顷"));
            }
            if (total <= 0) {
                issues.add(invalid(row, "area_ha must be positive"));
            }
            for (ErrorCode refusal : Eligibility.refusals(slopes, SiteConstraints.NONE)) {
                issues.add(new ImportReport.RowIssue(row, refusal, refusal.messageEn()));
            }
            if (issues.size() > before) {
                return null;
            }
            return new InflowRow(township, village, landClass, target, ownership, restoration, slopes, grade);
        }

        private static String cell(List<String> cells, Map<String, Integer> columns, String name) {
            int index = columns.get(name);
            return index < cells.size() ? cells.get(index).strip() : "";
        }

        private static long hectares(String text, int row, String column, List<ImportReport.RowIssue> issues) {
            if (text.isEmpty()) {
                return 0;
            }
            try {
                return Units.hectaresToM2(text);
            } catch (DomainException e) {
                issues.add(invalid(row, column + ": " + e.getMessage()));
                return 0;
            }
        }

        private static Integer integer(String text, int row, List<ImportReport.RowIssue> issues) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                issues.add(invalid(row, "quality_grade is not a whole number: " + text));
                return null;
            }
        }

        private static <E extends Enum<E>> E enumCell(Class<E> type, String text, int row, String column,
                                                     List<ImportReport.RowIssue> issues) {
            for (E value : type.getEnumConstants()) {
                if (value.name().equals(text)) {
                    return value;
                }
            }
            issues.add(invalid(row, column + " '" + text + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }

        private static ImportReport.RowIssue invalid(int row, String message) {
            return new ImportReport.RowIssue(row, ErrorCode.IMPORT_VALUE_INVALID, message);
        }
    }
}
