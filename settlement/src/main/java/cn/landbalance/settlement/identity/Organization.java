package cn.landbalance.settlement.identity;

import java.util.Objects;

/** An organisation placed in a region; {@code countyId} is the county that region belongs to. */
public record Organization(long id, String name, OrgKind kind, long regionId, long countyId) {
    public Organization {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
    }
}
