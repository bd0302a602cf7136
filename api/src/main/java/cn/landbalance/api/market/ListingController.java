package cn.landbalance.api.market;

import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.api.Page;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.market.Listing;
import cn.landbalance.settlement.market.MarketService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

@Tag(name = "market")
@Controller("/api/listings")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ListingController {
    private final MarketService market;

    public ListingController(MarketService market) {
        this.market = market;
    }

    @Serdeable
    public record CreateListing(@NotNull @Positive Long townshipId, @NotNull @Positive @Max(Units.MAX_AREA_M2) Long areaM2,
                                @NotNull @Positive Long pricePerMuFen) {
    }

    @Serdeable
    public record ListingView(long id, long countyId, long townshipId, long pricePerMuFen, String priceYuanPerMu,
                              long listedM2, long remainingM2, String remainingHectares, Listing.Status status) {
        static ListingView of(Listing l) {
            return new ListingView(l.id(), l.countyId(), l.townshipId(), l.pricePerMuFen(), Units.fenToYuan(l.pricePerMuFen()),
                    l.listedM2(), l.remainingM2(), Units.m2ToHectares(l.remainingM2()), l.status());
        }
    }

    @Post
    @Secured("TOWNSHIP_OFFICER")
    @Transactional
    @Idempotent
    public HttpResponse<ListingView> create(Actor actor, @Valid @Body CreateListing body) {
        return HttpResponse.created(ListingView.of(market.list(actor, body.townshipId(), body.areaM2(), body.pricePerMuFen())));
    }

    @Post("/{id}/withdraw")
    @Secured("TOWNSHIP_OFFICER")
    @Transactional
    @Idempotent
    public HttpResponse<ListingView> withdraw(Actor actor, @PathVariable long id) {
        return HttpResponse.ok(ListingView.of(market.withdraw(actor, id)));
    }

    /** The county's listings, newest first, paged on the server; open ones only unless {@code all=true}. */
    @Get
    @ReadOnly
    public Page<ListingView> list(Actor actor, @QueryValue long countyId, @Nullable @QueryValue Long townshipId,
                                  @QueryValue(defaultValue = "false") boolean all,
                                  @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                  @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        MarketService.ListingList found = market.listings(actor, countyId, townshipId, !all, page, size);
        return new Page<>(found.listings().stream().map(ListingView::of).toList(), page, size, found.total());
    }
}
