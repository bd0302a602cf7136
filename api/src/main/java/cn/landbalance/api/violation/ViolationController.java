package cn.landbalance.api.violation;

import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.api.Page;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.indicator.IndicatorLedger;
import cn.landbalance.ledger.indicator.IndicatorQueries;
import cn.landbalance.ledger.indicator.IndicatorStore;
import cn.landbalance.ledger.money.MoneyLedger;
import cn.landbalance.settlement.rules.CountyRulesStore;
import java.time.Clock;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.outflow.OutflowService;
import cn.landbalance.settlement.violation.OutflowImplementation;
import cn.landbalance.settlement.violation.ViolationCase;
import cn.landbalance.settlement.market.ListedArea;
import cn.landbalance.settlement.violation.ViolationService;
import cn.landbalance.settlement.violation.Violations;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

@Tag(name = "violations")
@Controller("/api/violations")
@Secured({"COUNTY_ADMIN", "COUNTY_VIEWER", "TOWNSHIP_OFFICER"})
public class ViolationController {
    private final ViolationService violations;

    public ViolationController(ViolationService violations) {
        this.violations = violations;
    }

    @Factory
    static class Wiring {
        @Singleton
        ViolationService violationService(Regions regions, IndicatorLedger ledger, IndicatorQueries lots,
                                          IndicatorStore lotStore, Violations store, MoneyLedger money,
                                          CountyRulesStore rules, ListedArea listed, Clock clock) {
            return new ViolationService(regions, ledger, lots, lotStore, store, money, rules, listed, clock);
        }

        @Singleton
        OutflowImplementation outflowImplementation(OutflowService outflow, ViolationService violations) {
            return new OutflowImplementation(outflow, violations);
        }
    }

    @Serdeable
    public record OpenCase(@NotNull @Positive Long townshipId, @NotNull @Positive @Max(Units.MAX_AREA_M2) Long areaM2,
                           @NotBlank @Size(max = 64) String caseNo, @NotBlank @Size(max = 500) String description) {
    }

    @Serdeable
    public record Restore(@NotNull @Positive @Max(Units.MAX_AREA_M2) Long areaM2) {
    }

    @Serdeable
    public record FrozenView(long regionId, long lotId, long areaM2, boolean borrowed, long stillFrozenM2, long unfrozenM2,
                             long deductedM2) {
    }

    @Serdeable
    public record CaseView(long id, String caseNo, long townshipId, String description, ViolationCase.Status status,
                           long areaM2, long frozenM2, long unfrozenM2, long deductedM2, long owedM2, long unsecuredM2,
                           List<FrozenView> frozen) {
        static CaseView of(ViolationCase c) {
            return new CaseView(c.id(), c.caseNo(), c.townshipId(), c.description(), c.status(), c.areaM2(), c.frozenM2(),
                    c.unfrozenM2(), c.deductedM2(), c.owedM2(), c.unsecuredM2(), c.freezes().stream()
                    .map(f -> new FrozenView(f.regionId(), f.lotId(), f.areaM2(), f.borrowed(), f.stillFrozenM2(),
                            f.unfrozenM2(), f.deductedM2())).toList());
        }
    }

    @Post
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<CaseView> open(Actor actor, @Valid @Body OpenCase body) {
        return HttpResponse.created(CaseView.of(
                violations.open(actor, body.townshipId(), body.areaM2(), body.caseNo().strip(), body.description().strip(), null)));
    }

    @Post("/{id}/restore")
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<CaseView> restore(Actor actor, @PathVariable long id, @Valid @Body Restore body) {
        return HttpResponse.ok(CaseView.of(violations.restore(actor, id, body.areaM2())));
    }

    @Post("/{id}/legalize")
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<CaseView> legalize(Actor actor, @PathVariable long id) {
        return HttpResponse.ok(CaseView.of(violations.legalize(actor, id)));
    }

    @Serdeable
    public record Repay(@NotNull Method method, @NotNull @Positive @Max(Units.MAX_AREA_M2) Long areaM2, @Nullable @Positive Long lotId) {
        public enum Method { INDICATORS, MONEY }
    }

    /** The township repays borrowed indicators it cannot return: with equal indicators (lotId) or money at the guide price. */
    @Post("/{id}/repay")
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<CaseView> repay(Actor actor, @PathVariable long id, @Valid @Body Repay body) {
        if (body.method() == Repay.Method.INDICATORS) {
            if (body.lotId() == null) {
                throw cn.landbalance.ledger.common.DomainException.field(cn.landbalance.ledger.common.ErrorCode.MISSING_FIELD,
                        "lotId", "repaying with indicators names the lot");
            }
            return HttpResponse.ok(CaseView.of(violations.repayWithIndicators(actor, id, body.lotId(), body.areaM2())));
        }
        return HttpResponse.ok(CaseView.of(violations.repayWithMoney(actor, id, body.areaM2())));
    }

    @Get("/{id}")
    @ReadOnly
    public CaseView get(Actor actor, @PathVariable long id) {
        return CaseView.of(violations.get(actor, id));
    }

    @Get
    @ReadOnly
    public Page<CaseView> list(Actor actor, @Nullable @QueryValue Long townshipId,
                               @QueryValue(defaultValue = "0") @Min(0) int page,
                               @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        return Page.of(violations.list(actor, townshipId).stream().map(CaseView::of).toList(), page, size);
    }
}
