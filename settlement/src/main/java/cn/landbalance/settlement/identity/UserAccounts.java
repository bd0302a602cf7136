package cn.landbalance.settlement.identity;

import java.util.List;
import java.util.Optional;

/** Port: user accounts. */
public interface UserAccounts {
    Optional<UserAccount> findByUsername(String username);

    Optional<UserAccount> findById(long id);

    boolean existsByUsername(String username);

    UserAccount create(String username, String passwordHash, Role role, long orgId);

    /** Enables or disables the user; disabling ends every session (the session version moves on). */
    void setEnabled(long id, boolean enabled);

    /** Replaces the password hash and ends every session (the session version moves on). */
    void setPasswordHash(long id, String passwordHash);

    /** Users whose organisation is in the county, ordered by id. */
    List<UserAccount> findInCounty(long countyId);
}
