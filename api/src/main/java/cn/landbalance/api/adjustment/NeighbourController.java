package cn.landbalance.api.adjustment;

import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.adjustment.AdjustmentBook;
import cn.landbalance.settlement.adjustment.CountyNeighbours;
import cn.landbalance.settlement.adjustment.Neighbours;
import cn.landbalance.settlement.identity.Actor;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Which of the county's townships border each other ({@code pairs}: township ids two by two). The 调剂 takes a
 * neighbour's indicators before a distant township's (就近调剂); with no pairs recorded, all townships are equally near.
 */
@Tag(name = "county year")
@Controller("/api/counties/{countyId}/neighbours")
@Secured({"COUNTY_ADMIN", "COUNTY_VIEWER"})
public class NeighbourController {
    private final CountyNeighbours neighbours;
    private final Regions regions;

    public NeighbourController(CountyNeighbours neighbours, Regions regions) {
        this.neighbours = neighbours;
        this.regions = regions;
    }

    @Factory
    static class Wiring {
        @Singleton
        CountyNeighbours countyNeighbours(Regions regions, AdjustmentBook book) {
            return new CountyNeighbours(regions, book);
        }
    }

    /** A pair of bordering townships; the answer names them. */
    @Serdeable
    public record PairView(long a, String aName, long b, String bName) {
    }

    @Serdeable
    public record NeighboursView(long countyId, List<PairView> pairs) {
    }

    /** The pairs to record, each two township ids of the county: {@code {"pairs":[[8,18],[8,14]]}}. */
    @Serdeable
    public record NeighboursBody(@NotNull @Size(max = 2_000) List<List<Long>> pairs) {
    }

    @Get
    @ReadOnly
    public NeighboursView get(Actor actor, @PathVariable long countyId) {
        return view(countyId, neighbours.of(actor, countyId));
    }

    /** Replaces the county's pairs (an empty list forgets them). */
    @Put
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<NeighboursView> put(Actor actor, @PathVariable long countyId, @Valid @Body NeighboursBody body) {
        // a pair that is not two ids is refused by the domain, naming pairs[i]
        List<long[]> pairs = body.pairs().stream().map(p -> p == null || p.size() != 2 || p.contains(null) ? null
                : new long[]{p.get(0), p.get(1)}).toList();
        return HttpResponse.ok(view(countyId, neighbours.replace(actor, countyId, pairs)));
    }

    private NeighboursView view(long countyId, Neighbours n) {
        return new NeighboursView(countyId, n.pairs().stream().sorted().map(p -> new PairView(p.a(), name(p.a()), p.b(),
                name(p.b()))).toList());
    }

    private String name(long id) {
        return regions.findById(id).map(Region::name).orElse(null);
    }
}
