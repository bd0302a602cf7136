package cn.landbalance.api.outflow;

import cn.landbalance.api.fund.FundController;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Tenancy;
import cn.landbalance.settlement.outflow.FeeDuties;
import cn.landbalance.settlement.outflow.FeeDuty;
import cn.landbalance.settlement.outflow.FeeDutyService;
import cn.landbalance.settlement.plan.AnnualPlans;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Positive;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fee-funded restoration owed (缴费补充耕地): each fee paid instead of restoring leaves the township holding it a duty to
 * restore that area by the plan year's fee-land deadline; deliveries discharge it
 * ({@code POST /api/outflow-applications/{id}/fee-payments/{paymentId}/deliveries}).
 */
@Tag(name = "outflow")
@Controller("/api")
@Secured({"TOWNSHIP_OFFICER", "COUNTY_ADMIN", "COUNTY_VIEWER"})
public class FeeDutyController {
    private final FeeDutyService duties;
    private final Regions regions;

    public FeeDutyController(FeeDutyService duties, Regions regions) {
        this.duties = duties;
        this.regions = regions;
    }

    @Factory
    static class Wiring {
        @Singleton
        FeeDutyService feeDutyService(FeeDuties duties, AnnualPlans plans, Clock clock) {
            return new FeeDutyService(duties, plans, clock);
        }
    }

    /** One fee's duty as it stands today; {@code standingLabel} in Chinese. */
    @Serdeable
    public record FeeDutyView(long feePaymentId, long applicationId, int planYear, long townshipId, String township,
                              String paymentReference, long amountFen, String amountYuan, long areaM2, long deliveredM2,
                              long owedM2, LocalDate dueOn, @Nullable LocalDate lastDeliveredOn, FeeDuty.Standing standing,
                              String standingLabel) {
    }

    /** The duties with what is still owed in all, and how much of it is past its deadline. */
    @Serdeable
    public record FeeDutyList(long countyId, @Nullable Long townshipId, List<FeeDutyView> items, long owedM2,
                              long overdueM2) {
    }

    /** The county's fee duties, of every township or of one. */
    @Get("/counties/{countyId}/fee-duties{?townshipId}")
    @Secured({"COUNTY_ADMIN", "COUNTY_VIEWER"})
    @ReadOnly
    public FeeDutyList ofCounty(Actor actor, @PathVariable long countyId, @Nullable @QueryValue @Positive Long townshipId) {
        Tenancy.requireCountyRoleOf(actor, countyId);
        regions.requireCounty(countyId);
        return list(countyId, townshipId);
    }

    /** The duties a township holds (its officer sees its own). */
    @Get("/townships/{townshipId}/fee-duties")
    @ReadOnly
    public FeeDutyList ofTownship(Actor actor, @PathVariable long townshipId) {
        Region township = FundController.visibleTownship(regions, actor, townshipId);
        return list(township.countyId(), township.id());
    }

    private FeeDutyList list(long countyId, Long townshipId) {
        LocalDate today = duties.today();
        Map<Long, String> names = new HashMap<>();
        List<FeeDutyView> items = duties.of(countyId, townshipId).stream().map(d -> {
            FeeDuty.Standing standing = d.on(today);
            return new FeeDutyView(d.feePaymentId(), d.applicationId(), d.planYear(), d.dutyTownshipId(),
                    names.computeIfAbsent(d.dutyTownshipId(), id -> regions.findById(id).map(Region::name).orElse(null)),
                    d.paymentReference(), d.amountFen(), Units.fenToYuan(d.amountFen()), d.areaM2(), d.deliveredM2(),
                    d.owedM2(), d.dueOn(), d.lastDeliveredOn(), standing, FeeDuty.label(standing));
        }).toList();
        return new FeeDutyList(countyId, townshipId, items, items.stream().mapToLong(FeeDutyView::owedM2).sum(),
                items.stream().filter(v -> v.standing() == FeeDuty.Standing.OVERDUE).mapToLong(FeeDutyView::owedM2).sum());
    }
}
