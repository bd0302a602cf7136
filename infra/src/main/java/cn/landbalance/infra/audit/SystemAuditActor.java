package cn.landbalance.infra.audit;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/** Where no request is in flight (jobs, start-up, infra tests), changes are made by the system. */
@Singleton
@Secondary
public class SystemAuditActor implements AuditActor {
    @Override
    public String current() {
        return "system";
    }
}
