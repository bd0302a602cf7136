package cn.landbalance.settlement.identity;

/** Port: a slow, salted password hash (bcrypt in infra). */
public interface PasswordHasher {
    String hash(String password);

    boolean matches(String password, String hash);
}
