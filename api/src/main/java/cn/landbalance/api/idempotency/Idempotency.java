package cn.landbalance.api.idempotency;

import cn.landbalance.ledger.common.Sha256;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.idempotency.IdempotencyKeys;
import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code Idempotency-Key} for every {@link Idempotent} endpoint. Runs inside the write's transaction (after the
 * transaction interceptor): the key is claimed first, so a failed write leaves no key behind and a concurrent repeat
 * waits for the first and then replays its answer. The request is the method, the path, the query and the body.
 */
@Singleton
@InterceptorBean(Idempotent.class)
public class Idempotency implements MethodInterceptor<Object, Object> {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 200;
    private static final int MAX_SCOPE_LENGTH = 200;
    private final IdempotencyKeys keys;
    private final JsonMapper json;

    public Idempotency(IdempotencyKeys keys, JsonMapper json) {
        this.keys = keys;
        this.json = json;
    }

    @Override
    public int getOrder() {
        return InterceptPhase.TRANSACTION.getPosition() + 1;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        Optional<HttpRequest<Object>> request = ServerRequestContext.currentRequest();
        String key = request.flatMap(r -> r.getHeaders().findFirst(HEADER)).orElse(null);
        Actor actor = actorOf(context);
        if (key == null || actor == null) {
            return context.proceed();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, HEADER,
                    "幂等键应为 1-" + MAX_KEY_LENGTH + " 个字符", "1-" + MAX_KEY_LENGTH + " characters");
        }
        HttpRequest<Object> r = request.get();
        String scope = truncate(r.getMethodName() + " " + r.getPath());
        String hash = Sha256.hex(scope + "\n" + r.getUri().getRawQuery() + "\n" + write(bodyOf(context)));
        Optional<IdempotencyKeys.Stored> stored = keys.claim(actor.userId(), key, scope, hash);
        if (stored.isPresent()) {
            IdempotencyKeys.Stored first = stored.get();
            if (!first.scope().equals(scope) || !first.requestHash().equals(hash) || first.status() == null) {
                throw DomainException.field(ErrorCode.IDEMPOTENCY_KEY_REUSED, HEADER,
                        "幂等键 " + key + " 已用于另一个请求", "key " + key + " was used for another request");
            }
            return HttpResponse.status(HttpStatus.valueOf(first.status())).body(first.body())
                    .contentType(MediaType.APPLICATION_JSON_TYPE).header(REPLAYED, "true");
        }
        Object result = context.proceed();
        if (!(result instanceof HttpResponse<?> response)) {
            throw new IllegalStateException(context.getExecutableMethod() + " is @Idempotent but does not return an HttpResponse");
        }
        keys.complete(actor.userId(), key, response.code(), write(response.getBody().orElse(null)));
        return result;
    }

    private static Actor actorOf(MethodInvocationContext<Object, Object> context) {
        for (Object value : context.getParameterValues()) {
            if (value instanceof Actor actor) {
                return actor;
            }
        }
        return null;
    }

    /** The values of the method's {@code @Body} parameters, in order. */
    private static List<Object> bodyOf(MethodInvocationContext<Object, Object> context) {
        Argument<?>[] arguments = context.getArguments();
        Object[] values = context.getParameterValues();
        List<Object> body = new ArrayList<>();
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i].getAnnotationMetadata().hasAnnotation(Body.class)) {
                body.add(values[i]);
            }
        }
        return body;
    }

    private static String truncate(String scope) {
        return scope.length() <= MAX_SCOPE_LENGTH ? scope : scope.substring(0, MAX_SCOPE_LENGTH);
    }

    private String write(Object value) {
        try {
            return new String(json.writeValueAsBytes(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
