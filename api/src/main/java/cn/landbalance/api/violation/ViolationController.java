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
import cn.landbalance.settlement.violation.ViolationDecision;
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
    private final Regions regions;

    public ViolationController(ViolationService violations, Regions regions) {
        this.violations = violations;
        this.regions = regions;
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
    public record Restore(@NotNull @Positive @Max(Units.MAX_AREA_M2) Long areaM2,
                          @Nullable @Size(max = ViolationDecision.MAX_REASON) String reason) {
    }

    /** 补办用地手续: the reason is required (e.g. the number of the approval that legalised the land). */
    @Serdeable
    public record Legalize(@Nullable @Size(max = ViolationDecision.MAX_REASON) String reason) {
    }

    /** A step's effect, shown before it is taken: each lot's area unfrozen or deducted, and what stays owed or unsecured. */
    @Serdeable
    public record PreviewView(String action, long caseId, String caseNo, long areaM2, List<PartView> parts, boolean resolves,
                              long stillFrozenAfterM2, long owedAfterM2, long unsecuredM2) {
    }

    @Serdeable
    public record PartView(long lotId, long regionId, String region, boolean borrowed, long areaM2) {
    }

    @Serdeable
    public record DecisionView(long id, ViolationDecision.Kind kind, long areaM2, String reason, long decidedBy,
                               java.time.Instant decidedAt) {
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
        return HttpResponse.ok(CaseView.of(violations.restore(actor, id, body.areaM2(), body.reason())));
    }

    @Post("/{id}/legalize")
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<CaseView> legalize(Actor actor, @PathVariable long id, @Nullable @Valid @Body Legalize body) {
        return HttpResponse.ok(CaseView.of(violations.legalize(actor, id, body == null ? null : body.reason())));
    }

    /**
     * What {@code action=restore} (with {@code areaM2}) or {@code action=legalize} would do, computed by the same rule
     * that then does it: each lot's area, borrowed first when restoring; nothing is changed.
     */
    @Get("/{id}/preview{?action,areaM2}")
    @ReadOnly
    public PreviewView preview(Actor actor, @PathVariable long id, @Nullable @QueryValue String action,
                               @Nullable @QueryValue @Positive @Max(Units.MAX_AREA_M2) Long areaM2) {
        ViolationService.Preview p = switch (action == null ? "" : action) {
            case "restore" -> {
                if (areaM2 == null) {
                    throw cn.landbalance.ledger.common.DomainException.field(cn.landbalance.ledger.common.ErrorCode.MISSING_FIELD,
                            "areaM2", "拆除复垦须给出面积", "restoring needs areaM2");
                }
                yield violations.previewRestore(actor, id, areaM2);
            }
            case "legalize" -> violations.previewLegalize(actor, id);
            default -> throw cn.landbalance.ledger.common.DomainException.field(cn.landbalance.ledger.common.ErrorCode.INVALID_FIELD,
                    "action", "action 应为 restore 或 legalize", "action is restore or legalize");
        };
        ViolationCase c = p.violation();
        return new PreviewView(action, c.id(), c.caseNo(), p.areaM2(), p.parts().stream().map(part -> new PartView(
                part.freeze().lotId(), part.freeze().regionId(), regions.findById(part.freeze().regionId())
                .map(cn.landbalance.ledger.region.Region::name).orElse(""), part.freeze().borrowed(), part.areaM2())).toList(),
                p.resolves(), p.stillFrozenAfterM2(), p.owedAfterM2(), c.unsecuredM2());
    }

    @Get("/{id}/decisions")
    @ReadOnly
    public List<DecisionView> decisions(Actor actor, @PathVariable long id) {
        return violations.decisions(actor, id).stream().map(d -> new DecisionView(d.id(), d.kind(), d.areaM2(), d.reason(),
                d.decidedBy(), d.decidedAt())).toList();
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
                        "lotId", "用指标归还须指明指标批次", "repaying with indicators names the lot");
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

    /** The cases the user may see, newest first, paged on the server; {@code caseNo} finds a case by part of its number. */
    @Get("{?townshipId,status,caseNo,page,size}")
    @ReadOnly
    public Page<CaseView> list(Actor actor, @Nullable @QueryValue Long townshipId, @Nullable @QueryValue ViolationCase.Status status,
                               @Nullable @QueryValue @Size(max = 64) String caseNo,
                               @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                               @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        ViolationService.CaseList found = violations.list(actor, townshipId, status, caseNo, page, size);
        return new Page<>(found.cases().stream().map(CaseView::of).toList(), page, size, found.total());
    }
}
