package cn.landbalance.settlement.identity;

import java.util.Objects;

/**
 * A user of the system. The password is only ever held as a slow hash. {@code sessionVersion} is written into every
 * token issued to the user; it moves on when the user is disabled or a password changes, ending those tokens.
 */
public record UserAccount(long id, String username, String passwordHash, Role role, long orgId, boolean enabled,
                          int sessionVersion) {
    public UserAccount {
        Objects.requireNonNull(username);
        Objects.requireNonNull(passwordHash);
        Objects.requireNonNull(role);
    }

    @Override
    public String toString() {
        return "UserAccount[id=" + id + ", username=" + username + ", role=" + role + ", orgId=" + orgId + "]";
    }
}
