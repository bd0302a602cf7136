package cn.landbalance.infra.identity;

import cn.landbalance.infra.audit.AuditTrail;
import cn.landbalance.settlement.identity.Role;
import cn.landbalance.settlement.identity.UserAccount;
import cn.landbalance.settlement.identity.UserAccounts;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static cn.landbalance.infra.jooq.Tables.APP_USER;
import static cn.landbalance.infra.jooq.Tables.ORGANIZATION;

@Singleton
public class JdbcUserAccounts implements UserAccounts {
    private final UserRepository repository;
    private final DSLContext db;
    private final AuditTrail audit;

    public JdbcUserAccounts(UserRepository repository, DSLContext db, AuditTrail audit) {
        this.audit = audit;
        this.repository = repository;
        this.db = db;
    }

    @Override
    public Optional<UserAccount> findByUsername(String username) {
        return repository.findByUsername(username).map(JdbcUserAccounts::toDomain);
    }

    @Override
    public Optional<UserAccount> findById(long id) {
        return repository.findById(id).map(JdbcUserAccounts::toDomain);
    }

    @Override
    public boolean existsByUsername(String username) {
        return repository.existsByUsername(username);
    }

    @Override
    public UserAccount create(String username, String passwordHash, Role role, long orgId) {
        UserAccount created = toDomain(repository.save(new UserRow(null, username, passwordHash, role.name(), orgId, true,
                OffsetDateTime.now(), 0)));
        // never the password or its hash
        audit.record("user.created", "user", created.id(), null, "username", username, "role", role.name(), "orgId", orgId);
        return created;
    }

    @Override
    public void setEnabled(long id, boolean enabled) {
        var update = db.update(APP_USER).set(APP_USER.ENABLED, enabled);
        if (!enabled) {
            update = update.set(APP_USER.SESSION_VERSION, APP_USER.SESSION_VERSION.plus(1));
        }
        update.where(APP_USER.ID.eq(id)).execute();
        audit.record(enabled ? "user.enabled" : "user.disabled", "user", id, null);
    }

    @Override
    public void setPasswordHash(long id, String passwordHash) {
        db.update(APP_USER).set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.SESSION_VERSION, APP_USER.SESSION_VERSION.plus(1))
                .where(APP_USER.ID.eq(id)).execute();
        // never the password or its hash
        audit.record("user.password_changed", "user", id, null);
    }

    @Override
    public List<UserAccount> findInCounty(long countyId, String query, long offset, int limit) {
        return db.select(APP_USER.fields()).from(APP_USER)
                .join(ORGANIZATION).on(ORGANIZATION.ID.eq(APP_USER.ORG_ID))
                .where(inCounty(countyId, query))
                .orderBy(APP_USER.ID.desc())
                .offset(offset).limit(limit)
                .fetch(r -> new UserAccount(r.get(APP_USER.ID), r.get(APP_USER.USERNAME), r.get(APP_USER.PASSWORD_HASH),
                        r.get(APP_USER.ROLE), r.get(APP_USER.ORG_ID), r.get(APP_USER.ENABLED),
                        r.get(APP_USER.SESSION_VERSION)));
    }

    @Override
    public long countInCounty(long countyId, String query) {
        return db.fetchCount(db.select(APP_USER.ID).from(APP_USER).join(ORGANIZATION).on(ORGANIZATION.ID.eq(APP_USER.ORG_ID))
                .where(inCounty(countyId, query)));
    }

    private static Condition inCounty(long countyId, String query) {
        Condition where = ORGANIZATION.COUNTY_ID.eq(countyId);
        if (query != null) {
            where = where.and(APP_USER.USERNAME.containsIgnoreCase(query).or(ORGANIZATION.NAME.containsIgnoreCase(query)));
        }
        return where;
    }

    static UserAccount toDomain(UserRow row) {
        return new UserAccount(row.id(), row.username(), row.passwordHash(), Role.valueOf(row.role()), row.orgId(),
                row.enabled(), row.sessionVersion());
    }
}
