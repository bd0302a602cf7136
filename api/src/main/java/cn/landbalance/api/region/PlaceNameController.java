package cn.landbalance.api.region;

import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.places.PlaceName;
import cn.landbalance.settlement.places.PlaceNameService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** The county's place-name history (地名沿革): former township names and the township each stands for now. */
@Tag(name = "regions")
@Controller("/api/counties/{countyId}/place-names")
@Secured({"COUNTY_ADMIN", "COUNTY_VIEWER"})
public class PlaceNameController {
    private final PlaceNameService placeNames;

    public PlaceNameController(PlaceNameService placeNames) {
        this.placeNames = placeNames;
    }

    @Serdeable
    public record PlaceNameView(long id, String formerName, long townshipId, String townshipName,
                                @Nullable LocalDate effectiveOn, @Nullable String note) {
        static PlaceNameView of(PlaceName p) {
            return new PlaceNameView(p.id(), p.formerName(), p.regionId(), p.currentName(), p.effectiveOn(), p.note());
        }
    }

    @Serdeable
    public record NewPlaceName(@NotBlank @Size(max = 100) String formerName, @NotNull @Positive Long townshipId,
                               @Nullable LocalDate effectiveOn, @Nullable @Size(max = 200) String note) {
    }

    @Get
    @ReadOnly
    public List<PlaceNameView> list(Actor actor, @PathVariable long countyId) {
        return placeNames.list(actor, countyId).stream().map(PlaceNameView::of).toList();
    }

    @Post
    @Transactional
    @Idempotent
    @Secured("COUNTY_ADMIN")
    public HttpResponse<PlaceNameView> add(Actor actor, @PathVariable long countyId, @Valid @Body NewPlaceName body) {
        return HttpResponse.created(PlaceNameView.of(placeNames.add(actor, countyId, body.formerName(), body.townshipId(),
                body.effectiveOn(), body.note())));
    }

    @Delete("/{id}")
    @Transactional
    @Idempotent
    @Secured("COUNTY_ADMIN")
    public HttpResponse<Void> remove(Actor actor, @PathVariable long countyId, @PathVariable long id) {
        placeNames.remove(actor, countyId, id);
        return HttpResponse.noContent();
    }
}
