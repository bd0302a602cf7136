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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The key that signs tokens: {@code JWT_SECRET} (at least 32 characters) when set — required for several
 * replicas — otherwise a random key generated once and kept in the data home. Never a constant in code.
 * {@code JWT_PREVIOUS_SECRET}, during a key rotation, is a key that still validates tokens but signs none: tokens
 * issued before the rotation keep working until they expire (docs/operations.md).
 */
public final class JwtSecret {
    public static final String PROPERTY = "micronaut.security.token.jwt.signatures.secret.generator.secret";
    /** A second signature configuration: Micronaut validates with every one and signs with "generator" only. */
    public static final String PREVIOUS_PROPERTY = "micronaut.security.token.jwt.signatures.secret.previous.secret";
    public static final String PREVIOUS_ALGORITHM_PROPERTY =
            "micronaut.security.token.jwt.signatures.secret.previous.jws-algorithm";
    private static final Logger LOG = LoggerFactory.getLogger(JwtSecret.class);
    private static final int MIN_LENGTH = 32;

    private JwtSecret() {
    }

    /** The signing key and, during a rotation, the previous key, as application properties. */
    public static Map<String, String> properties(Map<String, String> env, DataHome home, boolean embedded) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        String current = resolve(env, home, embedded);
        properties.put(PROPERTY, current);
        String previous = env.get("JWT_PREVIOUS_SECRET");
        if (previous != null && !previous.isBlank()) {
            if (previous.length() < MIN_LENGTH) {
                throw new IllegalArgumentException("JWT_PREVIOUS_SECRET must be at least " + MIN_LENGTH + " characters");
            }
            if (previous.equals(current)) {
                throw new IllegalArgumentException("JWT_PREVIOUS_SECRET is the same as JWT_SECRET: remove it or rotate");
            }
            properties.put(PREVIOUS_PROPERTY, previous);
            properties.put(PREVIOUS_ALGORITHM_PROPERTY, "HS256");
        }
        return properties;
    }

    private static String resolve(Map<String, String> env, DataHome home, boolean embedded) throws IOException {
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
