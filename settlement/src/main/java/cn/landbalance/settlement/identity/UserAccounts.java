package cn.landbalance.settlement.identity;

import java.util.List;
import java.util.Optional;

/** Port: user accounts. */
public interface UserAccounts {
    Optional<UserAccount> findByUsername(String username);

    Optional<UserAccount> findById(long id);

    boolean existsByUsername(String username);

    UserAccount create(String username, String passwordHash, Role role, long orgId);

    /** Users whose organisation is in the county, ordered by id. */
    List<UserAccount> findInCounty(long countyId);
}
