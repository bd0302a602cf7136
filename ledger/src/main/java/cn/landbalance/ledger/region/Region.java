package cn.landbalance.ledger.region;

import java.util.Objects;

/** A place in the administrative tree. {@code countyId} is the county it belongs to (itself for a county), null above. */
public record Region(long id, String code, String name, RegionLevel level, Long parentId, Long countyId) {
    public Region {
        Objects.requireNonNull(code);
        Objects.requireNonNull(name);
        Objects.requireNonNull(level);
        if ((level == RegionLevel.PROVINCE) != (parentId == null)) {
            throw new IllegalArgumentException("only a province has no parent: " + code);
        }
    }

    public boolean isInCounty(long county) {
        return countyId != null && countyId == county;
    }
}
