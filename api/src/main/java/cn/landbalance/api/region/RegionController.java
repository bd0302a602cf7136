package cn.landbalance.api.region;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.RegionLevel;
import cn.landbalance.ledger.region.Regions;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** The region tree is public knowledge: every signed-in user may read all of it. */
@Tag(name = "regions")
@Controller("/api/regions")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class RegionController {
    private final Regions regions;

    public RegionController(Regions regions) {
        this.regions = regions;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RegionView(long id, String code, String name, RegionLevel level, @Nullable Long parentId) {
        static RegionView of(Region r) {
            return new RegionView(r.id(), r.code(), r.name(), r.level(), r.parentId());
        }
    }

    /** Children of {@code parentId}, or the provinces without it. */
    @Get("{?parentId}")
    @ReadOnly
    public List<RegionView> list(@Nullable @QueryValue Long parentId) {
        if (parentId != null && regions.findById(parentId).isEmpty()) {
            throw DomainException.field(ErrorCode.REGION_NOT_FOUND, "parentId",
                    "行政区 " + parentId, "region " + parentId);
        }
        return regions.children(parentId).stream().map(RegionView::of).toList();
    }

    @Get("/{id}")
    @ReadOnly
    public RegionView get(@PathVariable long id) {
        return regions.findById(id).map(RegionView::of)
                .orElseThrow(() -> new DomainException(ErrorCode.REGION_NOT_FOUND, "行政区 " + id, "region " + id));
    }
}
