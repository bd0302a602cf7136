package cn.landbalance.api.audit;

import cn.landbalance.ledger.indicator.IndicatorQueries;
import cn.landbalance.ledger.indicator.InvariantCheck;
import cn.landbalance.settlement.identity.Actor;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** Recomputes the conservation laws of DOMAIN.md §9 for the admin's county from the ledger itself. */
@Tag(name = "audit")
@Controller("/api/audit/invariants")
@Secured("COUNTY_ADMIN")
public class AuditController {
    private final IndicatorQueries queries;

    public AuditController(IndicatorQueries queries) {
        this.queries = queries;
    }

    @Serdeable
    public record Check(String name, boolean ok, String detail) {
    }

    @Serdeable
    public record Invariants(boolean ok, long countyId, List<Check> checks) {
    }

    @Get
    @ReadOnly
    public Invariants invariants(Actor actor) {
        List<InvariantCheck> checks = queries.audit(actor.countyId());
        return new Invariants(checks.stream().allMatch(InvariantCheck::ok), actor.countyId(),
                checks.stream().map(c -> new Check(c.name(), c.ok(), c.detail())).toList());
    }
}
