package cn.landbalance.settlement.identity;

/** The roles of DOMAIN.md §1; each belongs to one kind of organisation. */
public enum Role {
    ENTERPRISE(OrgKind.ENTERPRISE),
    TOWNSHIP_OFFICER(OrgKind.TOWNSHIP),
    COUNTY_ADMIN(OrgKind.COUNTY),
    COUNTY_VIEWER(OrgKind.COUNTY);

    private final OrgKind orgKind;

    Role(OrgKind orgKind) {
        this.orgKind = orgKind;
    }

    public OrgKind orgKind() {
        return orgKind;
    }

    /** The role of this exact name, if there is one. */
    public static java.util.Optional<Role> parse(String name) {
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return java.util.Optional.of(role);
            }
        }
        return java.util.Optional.empty();
    }

    public boolean isCountyRole() {
        return orgKind == OrgKind.COUNTY;
    }

    /** The role in Chinese as the screens name it ("县级管理员"), for refusals. */
    public String label() {
        return switch (this) {
            case ENTERPRISE -> "转出主体";
            case TOWNSHIP_OFFICER -> "乡镇";
            case COUNTY_ADMIN -> "县级管理员";
            case COUNTY_VIEWER -> "县政府";
        };
    }
}
