package cn.landbalance.infra.identity;

import at.favre.lib.crypto.bcrypt.BCrypt;
import cn.landbalance.settlement.identity.PasswordHasher;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

/** bcrypt with a configurable cost (default 10, about 60 ms a check on this machine). */
@Singleton
public class BcryptPasswordHasher implements PasswordHasher {
    private final int cost;

    public BcryptPasswordHasher(@Value("${landbalance.security.bcrypt-cost:10}") int cost) {
        this.cost = cost;
    }

    @Override
    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    @Override
    public boolean matches(String password, String hash) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 72) {
            return false;
        }
        return BCrypt.verifyer().verify(bytes, hash.getBytes(StandardCharsets.US_ASCII)).verified;
    }
}
