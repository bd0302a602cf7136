package cn.landbalance.infra.idempotency;

import cn.landbalance.settlement.idempotency.IdempotencyKeys;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.Optional;

import static cn.landbalance.infra.jooq.Tables.IDEMPOTENCY_KEY;

@Singleton
public class JooqIdempotencyKeys implements IdempotencyKeys {
    private final DSLContext db;

    public JooqIdempotencyKeys(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<Stored> claim(long userId, String key, String scope, String requestHash) {
        int inserted = db.insertInto(IDEMPOTENCY_KEY)
                .set(IDEMPOTENCY_KEY.USER_ID, userId).set(IDEMPOTENCY_KEY.IDEMPOTENCY_KEY_, key)
                .set(IDEMPOTENCY_KEY.SCOPE, scope).set(IDEMPOTENCY_KEY.REQUEST_HASH, requestHash)
                .set(IDEMPOTENCY_KEY.CREATED_AT, OffsetDateTime.now())
                .onConflictDoNothing().execute();
        if (inserted == 1) {
            return Optional.empty();
        }
        return db.selectFrom(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.USER_ID.eq(userId).and(IDEMPOTENCY_KEY.IDEMPOTENCY_KEY_.eq(key)))
                .fetchOptional()
                .map(r -> new Stored(r.getScope(), r.getRequestHash(), r.getResponseStatus(), r.getResponseBody()));
    }

    @Override
    public void complete(long userId, String key, int status, String body) {
        db.update(IDEMPOTENCY_KEY).set(IDEMPOTENCY_KEY.RESPONSE_STATUS, status).set(IDEMPOTENCY_KEY.RESPONSE_BODY, body)
                .where(IDEMPOTENCY_KEY.USER_ID.eq(userId).and(IDEMPOTENCY_KEY.IDEMPOTENCY_KEY_.eq(key))).execute();
    }
}
