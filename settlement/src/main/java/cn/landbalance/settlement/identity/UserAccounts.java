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

    /**
     * One page of the users whose organisation is in the county, newest first; {@code query} (or null) matches part of
     * the username or of the organisation's name.
     */
    List<UserAccount> findInCounty(long countyId, String query, long offset, int limit);

    /** How many users {@link #findInCounty} selects in all. */
    long countInCounty(long countyId, String query);
}
