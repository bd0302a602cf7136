package cn.landbalance.infra.audit;

/** Who is making the current change: the signed-in user's name, or "system" for jobs and start-up. */
public interface AuditActor {
    String current();
}
