package cn.landbalance.api.outflow;

import cn.landbalance.api.report.CountyYear;
import cn.landbalance.api.report.YearTotals;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Tenancy;
import cn.landbalance.settlement.outflow.CountyBalances;
import cn.landbalance.settlement.outflow.YearBalance;
import cn.landbalance.settlement.rules.CountyRules;
import cn.landbalance.settlement.rules.CountyRulesStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Clock;
import java.math.BigDecimal;
import java.util.List;

/** Which townships balance on their own in a plan year, and whether the county does as a whole. */
@Tag(name = "outflow")
@Controller
@Secured({"COUNTY_ADMIN", "COUNTY_VIEWER"})
@SerdeImport(YearBalance.class)
public class CountyBalanceController {
    private final CountyBalances balances;
    private final CountyRulesStore rules;

    private final Clock clock;

    public CountyBalanceController(CountyBalances balances, CountyRulesStore rules, Clock clock) {
        this.clock = clock;
        this.balances = balances;
        this.rules = rules;
    }

    @Serdeable
    public record Balance(long countyId, int year, int surplusFactorPermille, List<YearBalance> townships, YearTotals totals) {
    }

    /** Every township's balance for the year by the one definition (docs/domain.md, "A year's balance"), and the sums. */
    @Get("/api/counties/{countyId}/balance{?year}")
    @ReadOnly
    public Balance balance(Actor actor, @PathVariable long countyId, @Nullable @QueryValue @Min(2000) @Max(2100) Integer year) {
        Tenancy.requireCountyRoleOf(actor, countyId);
        int y = CountyYear.orThisYear(year, clock);
        List<YearBalance> rows = CountyYear.balances(balances, countyId, y);
        int factor = rules.forYear(countyId, y).surplusFactorPermille();
        return new Balance(countyId, y, factor, rows, YearTotals.of(rows));
    }

    @Serdeable
    public record FeeQuote(long countyId, long feePerMuFen, Long areaM2, String areaMu, long amountFen, String amountYuan) {
    }

    /**
     * The fee for an area at the county's standard: {@code areaM2} (whole m², as paid) or {@code areaMu}
     * (亩, up to 4 decimals, for quoting: 1 亩 at 5万元/亩 is exactly 50 000.00 元).
     */
    @Get("/api/counties/{countyId}/fee-quote{?areaM2,areaMu,year}")
    @Secured({"ENTERPRISE", "TOWNSHIP_OFFICER", "COUNTY_ADMIN", "COUNTY_VIEWER"})
    @ReadOnly
    public FeeQuote feeQuote(Actor actor, @PathVariable long countyId, @Nullable @QueryValue @Min(1) @Max(Units.MAX_AREA_M2) Long areaM2,
                             @Nullable @QueryValue String areaMu,
                             @Nullable @QueryValue @Min(2000) @Max(2100) Integer year) {
        Tenancy.requireMemberOfCounty(actor, countyId);
        // the fee standard of the plan year the fee is for (default: the current year), as the fee notice will charge
        long fee = rules.forYear(countyId, year == null ? rules.currentYear() : year).feePerMuFen();
        if (areaM2 != null) {
            long amount = Units.amountFen(areaM2, fee);
            return new FeeQuote(countyId, fee, areaM2, Units.m2ToMu(areaM2), amount, Units.fenToYuan(amount));
        }
        if (areaMu == null) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, "areaM2",
                    "请给出面积（areaM2 或 areaMu）", "give areaM2 or areaMu");
        }
        BigDecimal mu;
        try {
            mu = new BigDecimal(areaMu);
        } catch (NumberFormatException e) {
            throw DomainException.field(ErrorCode.INVALID_FIELD, "areaMu",
                    "“" + areaMu + "”不是数字", "not a number: " + areaMu);
        }
        if (mu.signum() <= 0 || mu.scale() > 4 || mu.compareTo(new BigDecimal("1000000000")) > 0) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "areaMu",
                    "亩数须为正数，最多 4 位小数", "a positive number of 亩 with at most 4 decimals");
        }
        long amount = mu.multiply(BigDecimal.valueOf(fee)).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        return new FeeQuote(countyId, fee, null, mu.toPlainString(), amount, Units.fenToYuan(amount));
    }
}
