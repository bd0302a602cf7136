package cn.landbalance.api.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The demo county at work, so that every demo user's first screen shows real business: on the start that created the
 * demo county, Gansu's rules (补充系数 1 100‰) from 2022, the county's 2022 plan (附表1 and 附表2) imported, inflow
 * projects accepted and one waiting for acceptance, listings in two townships, an enterprise's order waiting for its
 * payment to be confirmed, another enterprise's declaration waiting for the township's review, and an open violation
 * case that froze what its township had and could not secure the rest.
 *
 * <p>Everything goes through the application's own HTTP API as the demo users, so it is checked, recorded, audited and
 * announced exactly as their work would be. Off with {@code LANDBALANCE_DEMO_WORK=false} (the bare county: townships,
 * organisations, users).
 */
@Singleton
@Requires(property = "landbalance.demo.enabled", value = "true")
@Requires(property = "landbalance.demo.work", value = "true", defaultValue = "true")
public class DemoCountyAtWork {
    private static final Logger LOG = LoggerFactory.getLogger("landbalance.demo");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String NO_CONSTRAINTS = "{\"ecologicalRedLine\":false,\"natureReserve\":false,\"waterSourceLevel1\":false,"
            + "\"riverLakeForestPastoralDesert\":false,\"builtUpArea\":false,\"returnedFarmlandForest\":false,"
            + "\"pollutedSoil\":false,\"illegalDeforestation\":false}";

    private final DemoDataLoader loader;
    private final EmbeddedServer server;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> passwords = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>();

    public DemoCountyAtWork(DemoDataLoader loader, EmbeddedServer server, JsonMapper json, Clock clock) {
        this.loader = loader;
        this.server = server;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    public void onServerStartup(ServerStartupEvent event) {
        Map<String, String> passwords = loader.freshPasswords();
        if (passwords == null) {
            return;
        }
        long started = System.nanoTime();
        try {
            load(passwords);
            LOG.info("the demo county is at work: the 2022 plan imported, indicators listed, an order awaiting payment, "
                    + "a declaration awaiting review, an open violation ({} ms)", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("the demo county's work could not all be loaded (the county and its users are there): {}", e.getMessage());
        } finally {
            this.passwords.clear();
            tokens.clear();
        }
    }

    private void load(Map<String, String> passwords) {
        this.passwords.putAll(passwords);
        JsonNode me = call("GET", "/api/me", "county_admin", null, null);
        long county = me.get("countyId").getLongValue();
        int year = LocalDate.now(clock).getYear();
        // Gansu's rules: 5万元/亩, 1 100‰, declarations all year; from the 2022 plan on, and again for this year's
        for (int from : new int[]{2022, year}) {
            call("PUT", "/api/counties/" + county + "/rules", "county_admin", "{\"feePerMuFen\":5000000,"
                    + "\"guidePricePerMuFen\":5000000,\"surplusFactorPermille\":1100,\"sequencing\":\"INFLOW_FIRST\","
                    + "\"qualityRule\":\"PER_LOT\",\"paymentTermWorkingDays\":10,\"declarationWindows\":[{\"from\":\"01-01\","
                    + "\"to\":\"12-31\"}],\"feeOnReversal\":\"REFUND\",\"fromYear\":" + from + "}", null);
        }
        upload("/api/imports/inflow?countyId=" + county + "&year=2022&qualityGrade=14&fileName=longxi-2022-zhuanjin.csv",
                "/demo/longxi-2022-zhuanjin.csv", "text/csv");
        upload("/api/imports/outflow?countyId=" + county + "&qualityGrade=14&fileName=longxi-2022-zhuanchu.xlsx",
                "/demo/longxi-2022-zhuanchu.xlsx", XLSX);

        // a small synthetic layer set around the county seat, labelled as such: 套合分析 and the map can be tried at once
        for (String kind : new String[]{"PERMANENT_BASIC_FARMLAND", "URBAN_DEVELOPMENT_BOUNDARY", "ECOLOGICAL_RED_LINE",
                "TOWNSHIP_OUTLINE", "COUNTY_OUTLINE"}) {
            upload("/api/counties/" + county + "/layers?kind=" + kind + "&dataDate=" + (year - 1) + "-12-31&source="
                            + java.net.URLEncoder.encode("示例数据（合成，非真实图层）", StandardCharsets.UTF_8),
                    "/demo/longxi-synthetic-" + kind.toLowerCase().replace('_', '-') + ".geojson", "application/geo+json");
        }

        long gongchang = township("officer_gongchang");
        long wenfeng = township("officer_wenfeng");
        long shouyang = township("officer_shouyang");
        accepted("officer_gongchang", gongchang, "西关村", 8_000, 11);
        accepted("officer_wenfeng", wenfeng, "东铺村", 5_000, 12);
        accepted("officer_shouyang", shouyang, "首阳村", 1_000, 12);
        submitted("officer_gongchang", gongchang, "北关村", 3_000);

        call("PUT", "/api/townships/" + gongchang + "/account/payee", "officer_gongchang", "{\"accountName\":\"巩昌镇耕地进出平衡资金专户\","
                + "\"bankName\":\"中国农业银行陇西县支行\",\"accountNo\":\"27380101040012345\"}", null);
        call("POST", "/api/listings", "officer_gongchang", "{\"townshipId\":" + gongchang + ",\"areaM2\":6000,\"pricePerMuFen\":5000000}", key());
        call("POST", "/api/listings", "officer_wenfeng", "{\"townshipId\":" + wenfeng + ",\"areaM2\":4000,\"pricePerMuFen\":5200000}", key());

        long coop = declared("enterprise_coop", gongchang, 2_000, parcel(1_200, 800, 40, 50));
        call("POST", "/api/orders", "enterprise_coop", "{\"outflowApplicationId\":" + coop + ",\"areaM2\":2200}", key());
        declared("enterprise_transport", wenfeng, 1_500, parcel(1_400, 1_000, 30, 50));

        call("POST", "/api/violations", "county_admin", "{\"townshipId\":" + shouyang + ",\"areaM2\":1500,"
                + "\"caseNo\":\"陇自然资违〔" + year + "〕1号\",\"description\":\"未经批准在耕地上建设彩钢棚\"}", key());
    }

    private long township(String officer) {
        return call("GET", "/api/me", officer, null, null).get("regionId").getLongValue();
    }

    private int projectsPlaced;

    private long submitted(String officer, long township, String village, long areaM2) {
        long id = call("POST", "/api/inflow-projects", officer, "{\"townshipId\":" + township + ",\"village\":\"" + village
                + "\",\"landClassBefore\":\"其他林地\",\"targetClass\":\"旱地\",\"ownership\":\"集体\",\"restorationAttr\":\"即可恢复\","
                + "\"slopeGrade\":2,\"areaM2\":" + areaM2 + ",\"constraints\":" + NO_CONSTRAINTS + "}", key()).get("id").getLongValue();
        // its parcel, 100 m wide, east of the synthetic layers (the county has layers: a project carries its parcels)
        call("PUT", "/api/inflow-projects/" + id + "/parcels", officer, parcel(2_000 + 200L * projectsPlaced++, 2_000, 100,
                areaM2 / 100), key());
        call("POST", "/api/inflow-projects/" + id + "/submit", officer, null, key());
        return id;
    }

    private void accepted(String officer, long township, String village, long areaM2, int grade) {
        long id = submitted(officer, township, village, areaM2);
        call("POST", "/api/inflow-projects/" + id + "/accept", "county_admin", "{\"qualityGrade\":" + grade + "}", key());
    }

    /** A rectangle on the county's plane (zone 35, metres from a point near the county seat), as GeoJSON. */
    private static String parcel(long x, long y, long width, long height) {
        long a = 35_466_000 + x;
        long b = 3_875_000 + y;
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + a + "," + b + "],[" + (a + width) + "," + b + "],[" + (a + width) + ","
                + (b + height) + "],[" + a + "," + (b + height) + "],[" + a + "," + b + "]]]}";
    }

    /** The enterprise's 设施农用地 outflow (grade 14) with its parcel, declared; returns its id. */
    private long declared(String enterprise, long township, long areaM2, String parcel) {
        long id = call("POST", "/api/outflow-applications", enterprise, "{\"townshipId\":" + township
                + ",\"category\":\"AGRI_FACILITY\",\"landClassAfter\":\"设施农用地\",\"areaM2\":" + areaM2
                + ",\"qualityGrade\":14,\"paddy\":false,\"permanentBasicFarmland\":false,"
                + "\"plannedConstructionLand\":false,\"highStandardFarmland\":false}", key()).get("id").getLongValue();
        call("PUT", "/api/outflow-applications/" + id + "/parcels", enterprise, parcel, key());
        call("POST", "/api/outflow-applications/" + id + "/declare", enterprise, null, key());
        return id;
    }

    private void upload(String path, String resource, String contentType) {
        try (InputStream in = DemoCountyAtWork.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the application");
            }
            send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token("county_admin"))
                    .header("Content-Type", contentType).header("Idempotency-Key", key())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes())), path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode call(String method, String path, String user, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token(user))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request, method + " " + path);
    }

    /** The user's token, signing in the first time. */
    private String token(String user) {
        return tokens.computeIfAbsent(user, u -> {
            try {
                byte[] credentials = json.writeValueAsBytes(Map.of("username", u, "password", passwords.get(u)));
                return send(HttpRequest.newBuilder(uri("/api/auth/login")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(credentials)), "sign-in of " + u)
                        .get("access_token").getStringValue();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private JsonNode send(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
            }
            String body = response.body();
            return body == null || body.isBlank() ? JsonNode.nullNode() : json.readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }

    private URI uri(String path) {
        return server.getURI().resolve(path);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
