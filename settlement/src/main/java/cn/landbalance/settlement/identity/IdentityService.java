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

    /** A signed-in user and the session version its token carries. */
    public record SignedIn(Actor actor, int sessionVersion) {
    }

    /** Checks a username and password; an unknown user and a wrong password are the same refusal. */
    public Actor authenticate(String username, String password) {
        return signIn(username, password).actor();
    }

    /** {@link #authenticate} with the session version to write into the token. */
    public SignedIn signIn(String username, String password) {
        Optional<UserAccount> user = username == null ? Optional.empty() : users.findByUsername(username);
        String candidate = password == null ? "" : password;
        if (user.isEmpty()) {
            hasher.matches(candidate, decoyHash);
            throw new DomainException(ErrorCode.INVALID_CREDENTIALS);
        }
        if (!hasher.matches(candidate, user.get().passwordHash()) || !user.get().enabled()) {
            throw new DomainException(ErrorCode.INVALID_CREDENTIALS);
        }
        return new SignedIn(actorOf(user.get()), user.get().sessionVersion());
    }

    /**
     * Whether a token issued for this session version still stands: the user exists, is enabled and has not changed
     * password or been disabled since.
     */
    public boolean sessionStands(long userId, int sessionVersion) {
        return users.findById(userId).filter(u -> u.enabled() && u.sessionVersion() == sessionVersion).isPresent();
    }

    /** A county admin disables a user of the county: sign-in is refused and every token of the user ends. */
    public UserAccount disableUser(Actor admin, long userId) {
        UserAccount user = manageable(admin, userId);
        if (user.id() == admin.userId()) {
            throw DomainException.field(ErrorCode.CANNOT_DISABLE_SELF, "id", "用户 " + userId, "user " + userId);
        }
        users.setEnabled(user.id(), false);
        return users.findById(user.id()).orElseThrow();
    }

    public UserAccount enableUser(Actor admin, long userId) {
        UserAccount user = manageable(admin, userId);
        users.setEnabled(user.id(), true);
        return users.findById(user.id()).orElseThrow();
    }

    /** A county admin sets a new password for a user of the county (who forgot theirs); the user's tokens end. */
    public UserAccount resetPassword(Actor admin, long userId, String newPassword) {
        UserAccount user = manageable(admin, userId);
        Credentials.requireValidPassword(newPassword, "newPassword");
        users.setPasswordHash(user.id(), hasher.hash(newPassword));
        return users.findById(user.id()).orElseThrow();
    }

    /**
     * A user changes their own password, proving the current one; every token of theirs ends, so the answer is a
     * new session.
     */
    public SignedIn changeOwnPassword(Actor actor, String currentPassword, String newPassword) {
        UserAccount user = users.findById(actor.userId()).filter(UserAccount::enabled)
                .orElseThrow(() -> new DomainException(ErrorCode.UNAUTHENTICATED));
        if (currentPassword == null || !hasher.matches(currentPassword, user.passwordHash())) {
            throw DomainException.field(ErrorCode.CURRENT_PASSWORD_WRONG, "currentPassword",
                    "当前密码不正确", "the current password does not match");
        }
        Credentials.requireValidPassword(newPassword, "newPassword");
        if (hasher.matches(newPassword, user.passwordHash())) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "newPassword",
                    "新密码不能与当前密码相同", "the new password is the current one");
        }
        users.setPasswordHash(user.id(), hasher.hash(newPassword));
        UserAccount changed = users.findById(user.id()).orElseThrow();
        return new SignedIn(actorOf(changed), changed.sessionVersion());
    }

    /** A user of the admin's county, or 404 (another county's users are not visible). */
    private UserAccount manageable(Actor admin, long userId) {
        if (admin.role() != Role.COUNTY_ADMIN) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        return users.findById(userId)
                .filter(u -> organizations.findById(u.orgId()).map(o -> admin.inCounty(o.countyId())).orElse(false))
                .orElseThrow(() -> DomainException.field(ErrorCode.USER_NOT_FOUND, "id",
                        "用户 " + userId, "user " + userId));
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
                        "行政区 " + regionId + " 不在您所在的县", "region " + regionId + " is not in your county"));
        if (!kind.fits(region.level())) {
            throw DomainException.field(ErrorCode.ORGANIZATION_KIND_REGION_MISMATCH, "regionId",
                    kind.label() + "不能设在" + region.level().label() + "级行政区",
                    kind + " cannot be placed at a " + region.level());
        }
        if (organizations.existsByNameInRegion(trimmed, regionId)) {
            throw DomainException.field(ErrorCode.ORGANIZATION_EXISTS, "name", "单位“" + trimmed + "”已存在", trimmed);
        }
        return organizations.create(trimmed, kind, regionId, region.countyId());
    }

    public UserAccount createUser(Actor admin, String username, String password, Role role, long orgId) {
        Credentials.requireValidUsername(username);
        Credentials.requireValidPassword(password);
        Organization org = organizations.findById(orgId)
                .filter(o -> admin.inCounty(o.countyId()))
                .orElseThrow(() -> DomainException.field(ErrorCode.ORGANIZATION_NOT_FOUND, "orgId",
                        "单位 " + orgId, "organization " + orgId));
        if (role.orgKind() != org.kind()) {
            throw DomainException.field(ErrorCode.ROLE_ORGANIZATION_MISMATCH, "role",
                    "“" + role.label() + "”角色须属于" + role.orgKind().label() + "，该单位是" + org.kind().label(),
                    role + " belongs to a " + role.orgKind() + " organisation, not a " + org.kind());
        }
        if (users.existsByUsername(username)) {
            throw DomainException.field(ErrorCode.USERNAME_TAKEN, "username", "用户名“" + username + "”已被占用", username);
        }
        return users.create(username, hasher.hash(password), role, orgId);
    }

    public Organization getOrganization(Actor actor, long id) {
        return organizations.findById(id)
                .filter(o -> Tenancy.canSeeOrganization(actor, o))
                .orElseThrow(() -> new DomainException(ErrorCode.ORGANIZATION_NOT_FOUND,
                        "单位 " + id, "organization " + id));
    }

    private static String requireName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 128) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "name", "单位名称应为 1-128 个字", "1-128 characters");
        }
        return trimmed;
    }
}
