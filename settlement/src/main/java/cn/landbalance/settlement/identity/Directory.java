package cn.landbalance.settlement.identity;

import java.util.List;

/**
 * The county's organisations and users as lists, one page at a time, newest first, searched by part of a name: a
 * county role sees its county's, anyone else only its own organisation (users are the county admin's to see).
 */
public class Directory {
    private final Organizations organizations;
    private final UserAccounts users;

    public Directory(Organizations organizations, UserAccounts users) {
        this.organizations = organizations;
        this.users = users;
    }

    /** One page and how many there are in all. */
    public record Listing<T>(List<T> items, long total) {
    }

    public Listing<Organization> organizations(Actor actor, Long regionId, OrgKind kind, String query, int page, int size) {
        if (!actor.isCountyRole()) {
            Organization own = organizations.findById(actor.orgId()).orElseThrow();
            boolean matches = (regionId == null || regionId == own.regionId()) && (kind == null || kind == own.kind())
                    && (query == null || own.name().toLowerCase().contains(query.toLowerCase()));
            return matches && page == 0 ? new Listing<>(List.of(own), 1) : new Listing<>(List.of(), matches ? 1 : 0);
        }
        Organizations.Selection selection = new Organizations.Selection(actor.countyId(), regionId, kind, blankToNull(query));
        return new Listing<>(organizations.findInCounty(selection, Math.multiplyExact((long) page, size), size),
                organizations.countInCounty(selection));
    }

    /** The county admin's list of the county's users. */
    public Listing<UserAccount> users(Actor admin, String query, int page, int size) {
        String q = blankToNull(query);
        return new Listing<>(users.findInCounty(admin.countyId(), q, Math.multiplyExact((long) page, size), size),
                users.countInCounty(admin.countyId(), q));
    }

    private static String blankToNull(String query) {
        return query == null || query.isBlank() ? null : query.strip();
    }
}
