package cn.landbalance.settlement.imports;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.indicator.QualityGrades;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.RegionLevel;
import cn.landbalance.ledger.region.Regions;

import java.util.HashMap;
import java.util.Map;

/** What every plan import starts from: the county, its townships by name, and a checked default quality grade. */
public record ImportScope(Region county, Map<String, Region> townshipsByName) {

    public static ImportScope of(Regions regions, long countyId, Integer defaultQualityGrade) {
        Region county = regions.findById(countyId).filter(r -> r.level() == RegionLevel.COUNTY)
                .orElseThrow(() -> new DomainException(ErrorCode.COUNTY_NOT_FOUND, "county " + countyId));
        if (defaultQualityGrade != null) {
            QualityGrades.require(defaultQualityGrade);
        }
        Map<String, Region> townships = new HashMap<>();
        regions.children(county.id()).forEach(t -> townships.put(t.name(), t));
        return new ImportScope(county, townships);
    }

    /** The row's township, or an IMPORT_UNKNOWN_TOWNSHIP problem on the row. */
    public Region township(PlanTable.Row row) {
        Region township = townshipsByName.get(row.text("township"));
        if (township == null) {
            row.problem(ErrorCode.IMPORT_UNKNOWN_TOWNSHIP, "township '" + row.text("township") + "' is not a township of this county");
        }
        return township;
    }
}
