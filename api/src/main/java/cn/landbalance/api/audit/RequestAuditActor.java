package cn.landbalance.api.audit;

import cn.landbalance.infra.audit.AuditActor;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

import java.security.Principal;

/** The audit log's actor: the signed-in user of the request being served, else the system (jobs, start-up). */
@Singleton
public class RequestAuditActor implements AuditActor {
    @Override
    public String current() {
        return ServerRequestContext.currentRequest()
                .flatMap(request -> request.getUserPrincipal())
                .map(Principal::getName)
                .orElse("system");
    }
}
