package cn.landbalance.api.idempotency;

import io.micronaut.aop.Around;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint takes an {@code Idempotency-Key} header: a retry with the same key and request gets the first answer
 * (with {@code Idempotent-Replayed: true}) and changes nothing; the same key with another request is 409
 * IDEMPOTENCY_KEY_REUSED. Put on every write endpoint (a test checks it); the method must be {@code @Transactional}
 * and return an {@code HttpResponse}, so the key is claimed and the answer stored in the write's own transaction.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Around
public @interface Idempotent {
}
