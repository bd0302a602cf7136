package cn.landbalance.api.spatial;

import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.spatial.ConstraintLayer;
import cn.landbalance.settlement.spatial.GaussKruger;
import cn.landbalance.settlement.spatial.LayerKind;
import cn.landbalance.settlement.spatial.ParcelCheck;
import cn.landbalance.settlement.spatial.ParcelService;
import cn.landbalance.settlement.spatial.SpatialSettings;
import cn.landbalance.settlement.spatial.SpatialStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
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
import jakarta.validation.constraints.Size;
import org.locationtech.jts.geom.Geometry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parcels on the map (issue 23): the county's plane and tolerances, its constraint layers (each upload the next version
 * of its kind), and an application's parcels with what their overlay finds — as a preview on upload, and as the checks
 * recorded at declaring and approving.
 */
@Tag(name = "spatial")
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class SpatialController {
    static final String GEOJSON = "application/geo+json";
    private final ParcelService parcels;
    private final SpatialStore store;

    private final String tiles;

    public SpatialController(ParcelService parcels, SpatialStore store,
                             @io.micronaut.context.annotation.Value("${landbalance.map.tiles:}") String tiles) {
        this.tiles = tiles;
        this.parcels = parcels;
        this.store = store;
    }

    @Serdeable
    public record SettingsBody(@NotNull @Min(GaussKruger.FIRST_EPSG) @Max(GaussKruger.LAST_EPSG) Integer epsg,
                               @NotNull @Min(0) @Max(200) Integer areaTolerancePermille,
                               @NotNull @Min(0) @Max(10_000) Long overlapToleranceM2) {
    }

    /** {@code set} false: the county has not chosen its zone yet (the first layer or parcel in degrees chooses it). */
    @Serdeable
    public record SettingsView(boolean set, @Nullable Integer epsg, @Nullable Integer zone,
                               @Nullable Integer centralMeridian, @Nullable Integer areaTolerancePermille,
                               @Nullable Long overlapToleranceM2) {
        static SettingsView of(Optional<SpatialSettings> s) {
            return s.map(x -> new SettingsView(true, x.grid().epsg(), x.grid().zone(), x.grid().centralMeridian(),
                    x.areaTolerancePermille(), x.overlapToleranceM2())).orElse(new SettingsView(false, null, null, null,
                    SpatialSettings.DEFAULT_AREA_TOLERANCE_PERMILLE, SpatialSettings.DEFAULT_OVERLAP_TOLERANCE_M2));
        }
    }

    @Serdeable
    public record LayerView(long id, LayerKind kind, String kindZh, String kindEn, boolean outline, int version, boolean current,
                            String source, LocalDate dataDate, int featureCount, long areaM2, Instant uploadedAt) {
        static LayerView of(ConstraintLayer l, boolean current) {
            return new LayerView(l.id(), l.kind(), l.kind().zh(), l.kind().en(), l.kind().outline(), l.version(), current,
                    l.source(), l.dataDate(), l.featureCount(), l.areaM2(), l.uploadedAt());
        }
    }

    /** One layer's overlap with the parcels: {@code overlap} is GeoJSON in degrees (null when there is none). */
    @Serdeable
    public record FindingView(long layerId, LayerKind kind, String kindZh, String kindEn, int version, long overlapM2,
                              @Nullable ErrorCode refusal, @Nullable String refusalZh, @Nullable String refusalEn,
                              @Nullable String overlap) {
    }

    @Serdeable
    public record KindView(LayerKind kind, String zh, String en) {
    }

    /** What an overlay finds; {@code clear}: nothing refuses (the area within tolerance, no forbidden overlap). */
    @Serdeable
    public record CheckView(long parcelAreaM2, long declaredAreaM2, long areaToleranceM2, boolean areaMatches, boolean clear,
                            List<FindingView> findings, List<KindView> notLoaded) {
        static CheckView of(ParcelCheck c, GaussKruger grid) {
            List<FindingView> findings = c.findings().stream().map(f -> new FindingView(f.layer().id(), f.layer().kind(),
                    f.layer().kind().zh(), f.layer().kind().en(), f.layer().version(), f.overlapM2(), f.refusal(),
                    f.refusal() == null ? null : f.refusal().messageZh(), f.refusal() == null ? null : f.refusal().messageEn(),
                    f.overlap().isEmpty() ? null : GeoJson.write(grid.toDegrees(f.overlap())))).toList();
            boolean clear = c.areaMatches() && findings.stream().allMatch(f -> f.refusal() == null);
            return new CheckView(c.parcelAreaM2(), c.declaredAreaM2(), c.areaToleranceM2(), c.areaMatches(), clear, findings,
                    kinds(c.notLoaded()));
        }
    }

    /** The parcels (GeoJSON in degrees), what a check now finds, and the checks recorded at decisions. */
    @Serdeable
    public record ParcelsView(@Nullable String parcels, @Nullable CheckView check, List<RecordedView> checks) {
    }

    /** A check recorded at a decision, with the layer versions it used. */
    @Serdeable
    public record RecordedView(long id, String stage, boolean passed, @Nullable String refusal, long parcelAreaM2,
                               long declaredAreaM2, List<RecordedFindingView> findings, List<KindView> notLoaded,
                               Instant checkedAt, long parcelSetId) {
        static RecordedView of(SpatialStore.RecordedCheck c) {
            return new RecordedView(c.id(), c.stage(), c.passed(), c.refusal(), c.parcelAreaM2(), c.declaredAreaM2(),
                    c.findings().stream().map(f -> new RecordedFindingView(f.layerId(), f.kind(), f.kind().zh(), f.version(),
                            f.overlapM2(), f.refusal())).toList(), kinds(Set.copyOf(c.notLoaded())), c.checkedAt(), c.parcelSetId());
        }
    }

    @Serdeable
    public record RecordedFindingView(long layerId, LayerKind kind, String kindZh, int version, long overlapM2,
                                      @Nullable String refusal) {
    }

    static List<KindView> kinds(Set<LayerKind> kinds) {
        return kinds.stream().sorted().map(k -> new KindView(k, k.zh(), k.en())).toList();
    }

    /** A base map for the web admin's maps: an XYZ tile address (e.g. 天地图 with the county's key), or none. */
    @Serdeable
    public record MapSettings(@Nullable String tilesUrl) {
    }

    /** The maps draw vector layers only unless {@code LANDBALANCE_MAP_TILES} names a tile source. */
    @Get("/map-settings")
    public MapSettings mapSettings() {
        return new MapSettings(tiles == null || tiles.isBlank() ? null : tiles.strip());
    }

    @Get("/counties/{countyId}/spatial-settings")
    @ReadOnly
    public SettingsView settings(Actor actor, @PathVariable long countyId) {
        requireCounty(actor, countyId);
        return SettingsView.of(parcels.settings(countyId));
    }

    @Put("/counties/{countyId}/spatial-settings")
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<SettingsView> saveSettings(Actor actor, @PathVariable long countyId, @Valid @Body SettingsBody body) {
        return HttpResponse.ok(SettingsView.of(Optional.of(parcels.saveSettings(actor, countyId, body.epsg(),
                body.areaTolerancePermille(), body.overlapToleranceM2()))));
    }

    /** The body is the layer's GeoJSON (CGCS2000 degrees, or the county's zone); the next version of its kind. */
    @Post("/counties/{countyId}/layers{?kind,source,dataDate}")
    @Secured("COUNTY_ADMIN")
    @Consumes({GEOJSON, MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Transactional
    @Idempotent
    public HttpResponse<LayerView> upload(Actor actor, @PathVariable long countyId, @Nullable @QueryValue LayerKind kind,
                                          @Nullable @Size(max = 200) @QueryValue String source,
                                          @Nullable @QueryValue LocalDate dataDate, @Nullable @Body byte[] body) {
        if (kind == null) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, "kind", "请选择图层类型", "choose the kind of layer");
        }
        Geometry drawn = GeoJson.read(body, ErrorCode.LAYER_INVALID, "layer");
        return HttpResponse.created(LayerView.of(parcels.uploadLayer(actor, countyId, kind, source, dataDate, drawn), true));
    }

    @Get("/counties/{countyId}/layers")
    @ReadOnly
    public List<LayerView> layers(Actor actor, @PathVariable long countyId) {
        requireCounty(actor, countyId);
        // which versions are current, without loading their polygons
        Set<Long> current = new java.util.HashSet<>();
        store.currentLayers(countyId).forEach(l -> current.add(l.id()));
        return store.layers(countyId).stream().map(l -> LayerView.of(l, current.contains(l.id()))).toList();
    }

    /**
     * A layer version's polygons as GeoJSON in degrees, for the map: those meeting {@code bbox} (min lon, min lat, max
     * lon, max lat) through the layer's index, or the first ones uploaded; at most {@code limit}.
     */
    @Get(value = "/counties/{countyId}/layers/{layerId}/features{?bbox,limit}", produces = {GEOJSON, MediaType.APPLICATION_JSON})
    @ReadOnly
    public String features(Actor actor, @PathVariable long countyId, @PathVariable long layerId,
                           @Nullable @QueryValue @Size(max = 200) String bbox,
                           @QueryValue(defaultValue = "5000") @Min(1) @Max(20_000) int limit) {
        requireCounty(actor, countyId);
        ConstraintLayer layer = store.layer(layerId).filter(l -> l.countyId() == countyId)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND));
        GaussKruger grid = parcels.settings(countyId).orElseThrow().grid();
        List<Geometry> polygons = bbox == null || bbox.isBlank() ? store.polygons(layer.id())
                : store.index(layer).near(onPlane(grid, box(bbox)).getEnvelopeInternal(), limit);
        StringBuilder out = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < Math.min(limit, polygons.size()); i++) {
            out.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"kind\":\"").append(layer.kind().name())
                    .append("\",\"version\":").append(layer.version()).append("},\"geometry\":")
                    .append(GeoJson.write(grid.toDegrees(polygons.get(i)))).append('}');
        }
        return out.append("]}").toString();
    }

    private static Geometry onPlane(GaussKruger grid, Geometry degrees) {
        try {
            return grid.toPlane(degrees);
        } catch (DomainException e) {
            throw DomainException.field(ErrorCode.INVALID_FIELD, "bbox", e.detailZh(), e.detailEn());
        }
    }

    /** "minLon,minLat,maxLon,maxLat" as a rectangle in degrees. */
    private static Geometry box(String bbox) {
        String[] parts = bbox.split(",");
        try {
            if (parts.length != 4) {
                throw new NumberFormatException();
            }
            double[] v = new double[4];
            for (int i = 0; i < 4; i++) {
                v[i] = Double.parseDouble(parts[i].strip());
            }
            if (!(v[0] < v[2] && v[1] < v[3])) {
                throw new NumberFormatException();
            }
            return new org.locationtech.jts.geom.GeometryFactory().toGeometry(new org.locationtech.jts.geom.Envelope(v[0], v[2], v[1], v[3]));
        } catch (NumberFormatException e) {
            throw DomainException.field(ErrorCode.INVALID_FIELD, "bbox", "bbox 应为“最小经度,最小纬度,最大经度,最大纬度”",
                    "bbox is \"minLon,minLat,maxLon,maxLat\"");
        }
    }

    /**
     * 套合分析 of a drawn parcel against the county's current layers, nothing stored: what declaring would find for a
     * conversion ({@code OUTFLOW}) or a restoration ({@code INFLOW}) of {@code declaredAreaM2}.
     */
    @Post("/counties/{countyId}/overlay{?purpose,declaredAreaM2}")
    @Consumes({GEOJSON, MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @ReadOnly
    public CheckView overlay(Actor actor, @PathVariable long countyId, @Nullable @QueryValue ParcelCheck.Purpose purpose,
                             @Nullable @QueryValue @Min(0) @Max(cn.landbalance.ledger.common.Units.MAX_AREA_M2) Long declaredAreaM2,
                             @Nullable @Body byte[] body) {
        requireCounty(actor, countyId);
        Geometry drawn = GeoJson.read(body, ErrorCode.PARCEL_INVALID, "parcels");
        ParcelCheck check = parcels.overlay(countyId, drawn, declaredAreaM2 == null ? 0 : declaredAreaM2,
                purpose == null ? ParcelCheck.Purpose.OUTFLOW : purpose);
        return CheckView.of(check, parcels.settings(countyId).orElseThrow().grid());
    }

    private static void requireCounty(Actor actor, long countyId) {
        if (!actor.inCounty(countyId)) {
            throw new DomainException(ErrorCode.COUNTY_NOT_FOUND);
        }
    }
}
