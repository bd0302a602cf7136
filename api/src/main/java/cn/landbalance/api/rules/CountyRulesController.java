package cn.landbalance.api.rules;

import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Tenancy;
import cn.landbalance.settlement.rules.CountyRules;
import cn.landbalance.settlement.rules.RulesVersion;
import cn.landbalance.settlement.rules.FeeOnReversal;
import cn.landbalance.settlement.rules.CountyRulesStore;
import cn.landbalance.settlement.rules.DeclarationWindow;
import cn.landbalance.settlement.rules.QualityRule;
import cn.landbalance.settlement.rules.Sequencing;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;

@Tag(name = "county rules")
@Controller("/api/counties/{countyId}/rules")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class CountyRulesController {
    private final CountyRulesStore store;
    private final Regions regions;

    public CountyRulesController(CountyRulesStore store, Regions regions) {
        this.store = store;
        this.regions = regions;
    }

    @Serdeable
    public record Window(@NotNull String from, @NotNull String to) {
    }

    @Serdeable
    public record RulesBody(@NotNull Long feePerMuFen, @NotNull Long guidePricePerMuFen,
                            @NotNull Integer surplusFactorPermille, @NotNull Sequencing sequencing,
                            @NotNull QualityRule qualityRule, @NotNull Integer paymentTermWorkingDays,
                            @NotNull @Size(max = 12) List<@Valid @NotNull Window> declarationWindows,
                            @io.micronaut.core.annotation.Nullable FeeOnReversal feeOnReversal,
                            @io.micronaut.core.annotation.Nullable @jakarta.validation.constraints.Min(RulesVersion.MIN_YEAR)
                            @jakarta.validation.constraints.Max(RulesVersion.MAX_YEAR) Integer fromYear,
                            @io.micronaut.core.annotation.Nullable Long versionId) {
        static RulesBody of(CountyRules r, Integer fromYear, Long versionId) {
            return new RulesBody(r.feePerMuFen(), r.guidePricePerMuFen(), r.surplusFactorPermille(), r.sequencing(),
                    r.qualityRule(), r.paymentTermWorkingDays(),
                    r.declarationWindows().stream().map(w -> new Window(w.fromText(), w.toText())).toList(),
                    r.feeOnReversal(), fromYear, versionId);
        }

        static RulesBody of(java.util.Optional<RulesVersion> v) {
            return v.map(x -> of(x.rules(), x.fromYear(), x.id())).orElse(of(CountyRules.defaults(), null, null));
        }

        CountyRules toRules() {
            List<DeclarationWindow> windows = new ArrayList<>();
            for (int i = 0; i < declarationWindows.size(); i++) {
                Window w = declarationWindows.get(i);
                windows.add(DeclarationWindow.parse(w.from(), w.to(), "declarationWindows[" + i + "]"));
            }
            return new CountyRules(feePerMuFen, guidePricePerMuFen, surplusFactorPermille, sequencing, qualityRule,
                    paymentTermWorkingDays, windows, feeOnReversal == null ? FeeOnReversal.REFUND : feeOnReversal);
        }
    }

    /**
     * The rules governing plan year {@code year} (default: the current year), with the version and the year it governs
     * from; everyone in the county may read them (fees and prices are public to the parties).
     */
    @Get("{?year}")
    @ReadOnly
    public RulesBody get(Actor actor, @PathVariable long countyId,
                         @io.micronaut.core.annotation.Nullable @io.micronaut.http.annotation.QueryValue
                         @jakarta.validation.constraints.Min(RulesVersion.MIN_YEAR) @jakarta.validation.constraints.Max(RulesVersion.MAX_YEAR)
                         Integer year) {
        requireCounty(actor, countyId);
        return RulesBody.of(store.governing(countyId, year == null ? store.currentYear() : year));
    }

    /** Every version of the county's rules, oldest first: the year each governs from and when it was set. */
    @Serdeable
    public record VersionView(long versionId, int fromYear, java.time.Instant createdAt, RulesBody rules) {
    }

    @Get("/versions")
    @ReadOnly
    public List<VersionView> versions(Actor actor, @PathVariable long countyId) {
        requireCounty(actor, countyId);
        return store.versions(countyId).stream().map(v -> new VersionView(v.id(), v.fromYear(), v.createdAt(),
                RulesBody.of(v.rules(), v.fromYear(), v.id()))).toList();
    }

    @Put
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    /**
     * A new version of the rules governing plan years from {@code fromYear} on (default: the current year). Obligations
     * already fixed, fees paid and reversals done keep the rules they were decided under.
     */
    public HttpResponse<RulesBody> put(Actor actor, @PathVariable long countyId, @Valid @Body RulesBody body) {
        requireCounty(actor, countyId);
        CountyRules rules = body.toRules();
        RulesVersion saved = store.save(countyId, body.fromYear() == null ? store.currentYear() : body.fromYear(), rules,
                actor.userId());
        return HttpResponse.ok(RulesBody.of(saved.rules(), saved.fromYear(), saved.id()));
    }

    private void requireCounty(Actor actor, long countyId) {
        Tenancy.requireMemberOfCounty(actor, countyId);
        regions.requireCounty(countyId);
    }
}
