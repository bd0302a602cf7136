package cn.landbalance.settlement.idempotency;

import java.util.Optional;

/**
 * Port: the keys under which clients retry writes. Claiming a key in the write's own transaction makes a
 * concurrent retry wait for the first attempt and then see its stored answer.
 */
public interface IdempotencyKeys {
    /** What was stored under a key: the request's scope and hash, and the answer once the write completed. */
    record Stored(String scope, String requestHash, Integer status, String body) {
    }

    /** Claims the key for this user; empty if it is new (the caller then writes), else what it holds. */
    Optional<Stored> claim(long userId, String key, String scope, String requestHash);

    void complete(long userId, String key, int status, String body);
}
