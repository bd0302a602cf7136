package cn.landbalance.api.indicator;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.indicator.IndicatorLot;
import cn.landbalance.ledger.indicator.IndicatorQueries;
import cn.landbalance.ledger.indicator.LotBalances;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.RegionLevel;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Role;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

@Tag(name = "indicators")
@Controller("/api/townships/{townshipId}/inventory")
@Secured({"TOWNSHIP_OFFICER", "COUNTY_ADMIN", "COUNTY_VIEWER"})
public class InventoryController {
    private final Regions regions;
    private final IndicatorQueries queries;

    public InventoryController(Regions regions, IndicatorQueries queries) {
        this.regions = regions;
        this.queries = queries;
    }

    @Serdeable
    public record LotView(long id, long areaM2, long availableM2, long reservedM2, long frozenM2, long consumedM2,
                          long deductedM2, int qualityGrade, boolean paddy, int vintageYear, Long sourceProjectId,
                          Long holderOrgId) {
        static LotView of(IndicatorLot l) {
            LotBalances b = l.balances();
            return new LotView(l.id(), b.issuedM2(), b.availableM2(), b.reservedM2(), b.frozenM2(), b.consumedM2(),
                    b.deductedM2(), l.qualityGrade(), l.paddy(), l.vintageYear(), l.sourceProjectId(), l.holderOrgId());
        }
    }

    @Serdeable
    public record Inventory(long townshipId, String name, long issuedM2, long availableM2, long reservedM2, long frozenM2,
                            long consumedM2, long deductedM2, String issuedHectares, String availableHectares,
                            List<LotView> lots) {
    }

    @Get
    @ReadOnly
    public Inventory inventory(Actor actor, @PathVariable long townshipId) {
        Region township = regions.findById(townshipId)
                .filter(r -> r.level() == RegionLevel.TOWNSHIP && visible(actor, r))
                .orElseThrow(() -> new DomainException(ErrorCode.TOWNSHIP_NOT_FOUND, "township " + townshipId));
        return of(township, queries);
    }

    /** A region's indicator inventory: its lots (those whose issue was not withdrawn) and their totals. */
    static Inventory of(Region township, IndicatorQueries queries) {
        // a lot whose issue was withdrawn (its plan import replaced) is no longer part of the inventory
        List<IndicatorLot> lots = queries.lotsOwnedBy(township.id()).stream().filter(l -> l.balances().revokedM2() == 0).toList();
        LotBalances total = lots.stream().map(IndicatorLot::balances).reduce(LotBalances.EMPTY, LotBalances::plus);
        return new Inventory(township.id(), township.name(), total.issuedM2(), total.availableM2(), total.reservedM2(),
                total.frozenM2(), total.consumedM2(), total.deductedM2(), Units.m2ToHectares(total.issuedM2()),
                Units.m2ToHectares(total.availableM2()), lots.stream().map(LotView::of).toList());
    }

    private static boolean visible(Actor actor, Region township) {
        if (actor.role() == Role.TOWNSHIP_OFFICER) {
            return actor.regionId() == township.id();
        }
        return actor.inCounty(township.countyId());
    }
}
