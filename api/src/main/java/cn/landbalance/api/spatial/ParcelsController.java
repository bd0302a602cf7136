package cn.landbalance.api.spatial;

import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.spatial.GaussKruger;
import cn.landbalance.settlement.spatial.ParcelCheck;
import cn.landbalance.settlement.spatial.ParcelService;
import cn.landbalance.settlement.spatial.ParcelTargets;
import cn.landbalance.settlement.spatial.SpatialStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.transaction.Transactional;
import org.locationtech.jts.geom.Geometry;

import java.util.List;
import java.util.Optional;

import static cn.landbalance.api.spatial.SpatialController.GEOJSON;

/** The parcels of an outflow application or an inflow project: put (answered with the check now) and read back. */
@Tag(name = "spatial")
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ParcelsController {
    private final ParcelService parcels;
    private final SpatialStore store;
    private final ParcelTargets targets;

    public ParcelsController(ParcelService parcels, SpatialStore store, ParcelTargets targets) {
        this.parcels = parcels;
        this.store = store;
        this.targets = targets;
    }

    private HttpResponse<SpatialController.CheckView> put(Actor actor, ParcelTargets.Target target, byte[] body) {
        Geometry drawn = GeoJson.read(body, ErrorCode.PARCEL_INVALID, "parcels");
        ParcelCheck check = parcels.putParcels(actor, target.countyId(), target.subject(), drawn, target.declaredAreaM2(),
                target.purpose(), target.supplementPlan());
        return HttpResponse.ok(SpatialController.CheckView.of(check, parcels.settings(target.countyId()).orElseThrow().grid()));
    }

    private SpatialController.ParcelsView view(ParcelTargets.Target target) {
        List<SpatialController.RecordedView> checks = store.checks(target.subject()).stream().map(SpatialController.RecordedView::of).toList();
        Optional<SpatialStore.ParcelSet> set = store.parcels(target.subject());
        if (set.isEmpty()) {
            return new SpatialController.ParcelsView(null, null, checks);
        }
        GaussKruger grid = parcels.settings(target.countyId()).orElseThrow().grid();
        ParcelCheck check = parcels.preview(target.countyId(), target.subject(), target.declaredAreaM2(), target.purpose(),
                target.supplementPlan()).orElseThrow();
        return new SpatialController.ParcelsView(GeoJson.write(grid.toDegrees(set.get().plane())), SpatialController.CheckView.of(check, grid), checks);
    }

    /** The applicant (or the county) puts the parcels of its application before it is approved; answers the preview. */
    @Put("/outflow-applications/{id}/parcels")
    @Secured({"ENTERPRISE", "TOWNSHIP_OFFICER", "COUNTY_ADMIN"})
    @Consumes({GEOJSON, MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Transactional
    @Idempotent
    public HttpResponse<SpatialController.CheckView> putParcels(Actor actor, @PathVariable long id, @Nullable @Body byte[] body) {
        return put(actor, targets.outflow(actor, id, true), body);
    }

    @Get("/outflow-applications/{id}/parcels")
    @ReadOnly
    public SpatialController.ParcelsView parcels(Actor actor, @PathVariable long id) {
        return view(targets.outflow(actor, id, false));
    }

    /** The township (or the county) puts the parcels of an inflow project before it is accepted; answers the preview. */
    @Put("/inflow-projects/{id}/parcels")
    @Secured({"TOWNSHIP_OFFICER", "COUNTY_ADMIN"})
    @Consumes({GEOJSON, MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Transactional
    @Idempotent
    public HttpResponse<SpatialController.CheckView> putProjectParcels(Actor actor, @PathVariable long id, @Nullable @Body byte[] body) {
        return put(actor, targets.inflow(actor, id, true), body);
    }

    @Get("/inflow-projects/{id}/parcels")
    @ReadOnly
    public SpatialController.ParcelsView projectParcels(Actor actor, @PathVariable long id) {
        return view(targets.inflow(actor, id, false));
    }
}
