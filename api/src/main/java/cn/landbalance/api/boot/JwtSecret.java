package cn.landbalance.api.boot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The key that signs tokens: {@code JWT_SECRET} (at least 32 characters) when set — required for several
 * replicas — otherwise a random key generated once and kept in the data home. Never a constant in code.
 */
public final class JwtSecret {
    public static final String PROPERTY = "micronaut.security.token.jwt.signatures.secret.generator.secret";
    private static final Logger LOG = LoggerFactory.getLogger(JwtSecret.class);
    private static final int MIN_LENGTH = 32;

    private JwtSecret() {
    }

    public static String resolve(Map<String, String> env, DataHome home, boolean embedded) throws IOException {
        String configured = env.get("JWT_SECRET");
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < MIN_LENGTH) {
                throw new IllegalArgumentException("JWT_SECRET must be at least " + MIN_LENGTH + " characters");
            }
            return configured;
        }
        if (!embedded) {
            LOG.warn("JWT_SECRET is not set: using a key kept in {}; replicas must share JWT_SECRET", home.path());
        }
        return readOrCreate(home.resolve("jwt-secret"));
    }

    private static String readOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        }
        Files.createDirectories(file.getParent());
        byte[] key = new byte[48];
        new SecureRandom().nextBytes(key);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        Files.writeString(file, secret, StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system; the directory's own permissions apply
        }
        return secret;
    }
}
