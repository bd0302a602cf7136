package cn.landbalance.api.market;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.idempotency.IdempotencyKeys;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for writes that move indicators or money: a repeat with the same key and body gets
 * the first answer; the same key with another body is 409 IDEMPOTENCY_KEY_REUSED. Runs inside the write's
 * transaction, so a failed write leaves no key behind and a concurrent repeat waits for the first.
 */
@Singleton
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;
    private final IdempotencyKeys keys;
    private final JsonMapper json;

    public Idempotency(IdempotencyKeys keys, JsonMapper json) {
        this.keys = keys;
        this.json = json;
    }

    public HttpResponse<?> run(Actor actor, @Nullable String key, String scope, Object request, HttpStatus status,
                               Supplier<?> write) {
        if (key == null) {
            return HttpResponse.status(status).body(write.get());
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, HEADER, "1-" + MAX_KEY_LENGTH + " characters");
        }
        String hash = sha256(scope + "\n" + write(request));
        Optional<IdempotencyKeys.Stored> stored = keys.claim(actor.userId(), key, scope, hash);
        if (stored.isPresent()) {
            IdempotencyKeys.Stored first = stored.get();
            if (!first.scope().equals(scope) || !first.requestHash().equals(hash) || first.status() == null) {
                throw DomainException.field(ErrorCode.IDEMPOTENCY_KEY_REUSED, HEADER, "key " + key + " was used for another request");
            }
            return HttpResponse.status(HttpStatus.valueOf(first.status())).body(first.body())
                    .contentType(MediaType.APPLICATION_JSON_TYPE).header("Idempotent-Replayed", "true");
        }
        Object result = write.get();
        keys.complete(actor.userId(), key, status.getCode(), write(result));
        return HttpResponse.status(status).body(result);
    }

    private String write(Object value) {
        try {
            return new String(json.writeValueAsBytes(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
