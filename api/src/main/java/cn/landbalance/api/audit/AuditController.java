package cn.landbalance.api.audit;

import cn.landbalance.ledger.indicator.IndicatorQueries;
import cn.landbalance.ledger.indicator.InvariantCheck;
import cn.landbalance.ledger.money.MoneyQueries;
import cn.landbalance.settlement.identity.Actor;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

/** Recomputes the conservation laws of DOMAIN.md §9 (land and money) for the admin's county from the ledgers themselves. */
@Tag(name = "audit")
@Controller("/api/audit/invariants")
@Secured("COUNTY_ADMIN")
public class AuditController {
    private final IndicatorQueries queries;
    private final MoneyQueries money;

    public AuditController(IndicatorQueries queries, MoneyQueries money) {
        this.queries = queries;
        this.money = money;
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
        List<InvariantCheck> checks = new ArrayList<>(queries.audit(actor.countyId()));
        checks.addAll(money.audit(actor.countyId()));
        return new Invariants(checks.stream().allMatch(InvariantCheck::ok), actor.countyId(),
                checks.stream().map(c -> new Check(c.name(), c.ok(), c.detail())).toList());
    }
}
