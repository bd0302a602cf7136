package cn.landbalance.settlement.identity;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.Regions;

import java.util.List;
import java.util.Optional;

/** Use cases for organisations and users: county admins set up who works in their county. */
public class IdentityService {
    /** A hash of a random string, checked when a username is unknown so both paths cost the same. */
    private final String decoyHash;
    private final Regions regions;
    private final Organizations organizations;
    private final UserAccounts users;
    private final PasswordHasher hasher;

    public IdentityService(Regions regions, Organizations organizations, UserAccounts users, PasswordHasher hasher) {
        this.regions = regions;
        this.organizations = organizations;
        this.users = users;
        this.hasher = hasher;
        this.decoyHash = hasher.hash(Long.toHexString(System.nanoTime()) + "-decoy-password");
    }

    /** Checks a username and password; an unknown user and a wrong password are the same refusal. */
    public Actor authenticate(String username, String password) {
        Optional<UserAccount> user = username == null ? Optional.empty() : users.findByUsername(username);
        String candidate = password == null ? "" : password;
        if (user.isEmpty()) {
            hasher.matches(candidate, decoyHash);
            throw new DomainException(ErrorCode.INVALID_CREDENTIALS);
        }
        if (!hasher.matches(candidate, user.get().passwordHash()) || !user.get().enabled()) {
            throw new DomainException(ErrorCode.INVALID_CREDENTIALS);
        }
        return actorOf(user.get());
    }

    public Actor actorOf(UserAccount user) {
        Organization org = organizations.findById(user.orgId())
                .orElseThrow(() -> new IllegalStateException("user " + user.id() + " has no organisation"));
        return new Actor(user.id(), user.username(), user.role(), org.id(), org.regionId(), org.countyId());
    }

    public Organization createOrganization(Actor admin, String name, OrgKind kind, long regionId) {
        String trimmed = requireName(name);
        Region region = regions.findById(regionId)
                .filter(r -> r.countyId() != null && admin.inCounty(r.countyId()))
                .orElseThrow(() -> DomainException.field(ErrorCode.REGION_OUTSIDE_COUNTY, "regionId",
                        "region " + regionId + " is not in your county"));
        if (!kind.fits(region.level())) {
            throw DomainException.field(ErrorCode.ORGANIZATION_KIND_REGION_MISMATCH, "regionId",
                    kind + " cannot be placed at a " + region.level());
        }
        if (organizations.existsByNameInRegion(trimmed, regionId)) {
            throw DomainException.field(ErrorCode.ORGANIZATION_EXISTS, "name", trimmed);
        }
        return organizations.create(trimmed, kind, regionId, region.countyId());
    }

    public UserAccount createUser(Actor admin, String username, String password, Role role, long orgId) {
        Credentials.requireValidUsername(username);
        Credentials.requireValidPassword(password);
        Organization org = organizations.findById(orgId)
                .filter(o -> admin.inCounty(o.countyId()))
                .orElseThrow(() -> DomainException.field(ErrorCode.ORGANIZATION_NOT_FOUND, "orgId",
                        "organization " + orgId));
        if (role.orgKind() != org.kind()) {
            throw DomainException.field(ErrorCode.ROLE_ORGANIZATION_MISMATCH, "role",
                    role + " belongs to a " + role.orgKind() + " organisation, not a " + org.kind());
        }
        if (users.existsByUsername(username)) {
            throw DomainException.field(ErrorCode.USERNAME_TAKEN, "username", username);
        }
        return users.create(username, hasher.hash(password), role, orgId);
    }

    public List<Organization> listOrganizations(Actor actor, Long regionId, OrgKind kind) {
        if (!actor.isCountyRole()) {
            Organization own = organizations.findById(actor.orgId()).orElseThrow();
            boolean matches = (regionId == null || regionId == own.regionId()) && (kind == null || kind == own.kind());
            return matches ? List.of(own) : List.of();
        }
        return organizations.findInCounty(actor.countyId(), regionId, kind);
    }

    public Organization getOrganization(Actor actor, long id) {
        return organizations.findById(id)
                .filter(o -> Tenancy.canSeeOrganization(actor, o))
                .orElseThrow(() -> new DomainException(ErrorCode.ORGANIZATION_NOT_FOUND, "organization " + id));
    }

    public List<UserAccount> listUsers(Actor admin) {
        return users.findInCounty(admin.countyId());
    }

    private static String requireName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 128) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "name", "1-128 characters");
        }
        return trimmed;
    }
}
