package cn.landbalance.settlement.identity;

import java.util.Objects;

/** A user of the system. The password is only ever held as a slow hash. */
public record UserAccount(long id, String username, String passwordHash, Role role, long orgId, boolean enabled) {
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
