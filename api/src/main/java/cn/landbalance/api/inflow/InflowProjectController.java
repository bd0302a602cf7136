package cn.landbalance.api.inflow;

import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.api.Page;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.inflow.InflowProject;
import cn.landbalance.settlement.inflow.InflowService;
import cn.landbalance.settlement.inflow.InflowStatus;
import cn.landbalance.settlement.inflow.Ownership;
import cn.landbalance.settlement.inflow.RestorationAttr;
import cn.landbalance.settlement.inflow.SiteConstraints;
import cn.landbalance.settlement.inflow.TargetClass;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

@Tag(name = "inflow")
@Controller("/api/inflow-projects")
@Secured({"TOWNSHIP_OFFICER", "COUNTY_ADMIN", "COUNTY_VIEWER"})
public class InflowProjectController {
    private final InflowService inflow;

    public InflowProjectController(InflowService inflow) {
        this.inflow = inflow;
    }

    @Serdeable
    public record Constraints(boolean ecologicalRedLine, boolean natureReserve, boolean waterSourceLevel1,
                              boolean riverLakeForestPastoralDesert, boolean builtUpArea, boolean returnedFarmlandForest,
                              boolean pollutedSoil, boolean illegalDeforestation) {
        SiteConstraints toDomain() {
            return new SiteConstraints(ecologicalRedLine, natureReserve, waterSourceLevel1, riverLakeForestPastoralDesert,
                    builtUpArea, returnedFarmlandForest, pollutedSoil, illegalDeforestation);
        }

        static Constraints of(SiteConstraints c) {
            return new Constraints(c.ecologicalRedLine(), c.natureReserve(), c.waterSourceLevel1(),
                    c.riverLakeForestPastoralDesert(), c.builtUpArea(), c.returnedFarmlandForest(), c.pollutedSoil(),
                    c.illegalDeforestation());
        }
    }

    @Serdeable
    public record CreateInflow(@NotNull @Positive Long townshipId, @NotBlank @Size(max = 200) String village,
                               @NotBlank @Size(max = 200) String landClassBefore, @NotNull TargetClass targetClass,
                               @NotNull Ownership ownership, @Nullable RestorationAttr restorationAttr,
                               @NotNull @Min(1) @Max(5) Integer slopeGrade,
                               @NotNull @Positive @Max(Units.MAX_AREA_M2) Long areaM2,
                               @NotNull @Valid Constraints constraints,
                               @Nullable @Min(2000) @Max(2100) Integer planYear, @Nullable @Positive Long holderOrgId) {
    }

    @Serdeable
    public record Accept(@NotNull @Min(1) @Max(15) Integer qualityGrade) {
    }

    @Serdeable
    public record Reject(@NotBlank @Size(max = 200) String reason) {
    }

    @Serdeable
    public record InflowView(long id, long countyId, long townshipId, @Nullable String village, String landClassBefore,
                             TargetClass targetClass, Ownership ownership, @Nullable RestorationAttr restorationAttr,
                             long areaM2, String areaHectares, long[] slopeAreasM2, Constraints constraints,
                             int planYear, InflowStatus status, @Nullable Integer qualityGrade, @Nullable Long lotId,
                             @Nullable String rejectionReason, @Nullable Long holderOrgId) {
        static InflowView of(InflowProject p) {
            var s = p.slopes();
            return new InflowView(p.id(), p.countyId(), p.townshipId(), p.village(), p.landClassBefore(), p.targetClass(),
                    p.ownership(), p.restorationAttr(), p.areaM2(), Units.m2ToHectares(p.areaM2()),
                    new long[]{s.grade1M2(), s.grade2M2(), s.grade3M2(), s.grade4M2(), s.grade5M2()},
                    Constraints.of(p.constraints()), p.planYear(), p.status(), p.qualityGrade(), p.lotId(),
                    p.rejectionReason(), p.holderOrgId());
        }
    }

    @Post
    @Secured({"TOWNSHIP_OFFICER", "COUNTY_ADMIN"})
    @Transactional
    @Idempotent
    public HttpResponse<InflowView> create(Actor actor, @Valid @Body CreateInflow body) {
        InflowProject created = inflow.create(actor, new InflowService.Draft(body.townshipId(), body.village(),
                body.landClassBefore(), body.targetClass(), body.ownership(), body.restorationAttr(), body.slopeGrade(),
                body.areaM2(), body.constraints().toDomain(), body.planYear(), body.holderOrgId()));
        return HttpResponse.<InflowView>status(HttpStatus.CREATED).body(InflowView.of(created));
    }

    @Post("/{id}/submit")
    @Secured({"TOWNSHIP_OFFICER", "COUNTY_ADMIN"})
    @Transactional
    @Idempotent
    public HttpResponse<InflowView> submit(Actor actor, @PathVariable long id) {
        return HttpResponse.ok(InflowView.of(inflow.submit(actor, id)));
    }

    @Post("/{id}/accept")
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<InflowView> accept(Actor actor, @PathVariable long id, @Valid @Body Accept body) {
        return HttpResponse.ok(InflowView.of(inflow.accept(actor, id, body.qualityGrade())));
    }

    @Post("/{id}/reject")
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<InflowView> reject(Actor actor, @PathVariable long id, @Valid @Body Reject body) {
        return HttpResponse.ok(InflowView.of(inflow.reject(actor, id, body.reason())));
    }

    @Get("/{id}")
    @ReadOnly
    public InflowView get(Actor actor, @PathVariable long id) {
        return InflowView.of(inflow.get(actor, id));
    }

    /** The projects the user may see, newest first, paged on the server; {@code q} finds by village or project number. */
    @Get("{?townshipId,status,q,page,size}")
    @ReadOnly
    public Page<InflowView> list(Actor actor, @Nullable @QueryValue Long townshipId, @Nullable @QueryValue InflowStatus status,
                                 @Nullable @QueryValue @Size(max = 64) String q,
                                 @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                 @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        InflowService.ProjectList found = inflow.list(actor, townshipId, status, q, page, size);
        return new Page<>(found.projects().stream().map(InflowView::of).toList(), page, size, found.total());
    }
}
