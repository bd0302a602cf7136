package cn.landbalance.api.support;

import cn.landbalance.api.support.journey.Actor;
import cn.landbalance.api.support.journey.County;
import cn.landbalance.api.support.journey.Enterprise;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import cn.landbalance.api.support.journey.RestorationProject;
import cn.landbalance.api.support.journey.Township;
import cn.landbalance.infra.testing.TestPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Base of the HTTP-level tests: each test class gets the real application on a random port, backed by a
 * fresh database on the run's real PostgreSQL, with the demo county loaded and known demo passwords.
 * Concrete classes add {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTest implements TestPropertyProvider {
    public static final String DEMO_PASSWORD = "demo-password-for-tests";
    /** The secret the test application signs with; tests forge tokens with it and with others. */
    public static final String JWT_SECRET = "test-secret-that-is-long-enough-for-hs256-0123456789";

    @Inject
    protected EmbeddedServer server;

    private ApiClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = testApplicationProperties();
        properties.putAll(extraProperties());
        return properties;
    }

    /** A fresh database on the run's real PostgreSQL, the demo county, known secrets, a temporary home. */
    public static Map<String, String> testApplicationProperties() {
        Map<String, String> properties = new HashMap<>(TestPostgres.get().newDatabaseProperties());
        properties.put("micronaut.server.port", "-1");
        properties.put("landbalance.demo.enabled", "true");
        // the bare demo county: each test brings the land, listings and cases it needs (DemoCountyAtWorkTest the rest)
        properties.put("landbalance.demo.work", "false");
        properties.put("landbalance.demo.password", DEMO_PASSWORD);
        properties.put("landbalance.security.bcrypt-cost", "4");
        properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret", JWT_SECRET);
        try {
            properties.put("landbalance.home", Files.createTempDirectory("landbalance-test-home").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /**
     * Settings for a second instance of the application beside this test's (another replica): the same database,
     * no demo data of its own, a home of its own.
     */
    protected Map<String, Object> secondInstanceProperties() {
        var ctx = server.getApplicationContext();
        Map<String, Object> properties = new HashMap<>(testApplicationProperties());
        for (String key : List.of("datasources.default.url", "datasources.default.username", "datasources.default.password")) {
            properties.put(key, ctx.getProperty(key, String.class).orElse(""));
        }
        properties.put("landbalance.demo.enabled", "false");
        try {
            properties.put("landbalance.home", Files.createTempDirectory("landbalance-second-instance").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Further settings a test class needs. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    /**
     * Settings for a test whose application publishes its events to the run's real broker on a topic of its own, with
     * the relay polling every 100 ms (and so the notification consumer reading them).
     */
    protected static Map<String, String> brokerProperties(String topic) {
        return Map.of("pulsar.service-url", cn.landbalance.infra.testing.TestPulsar.get().serviceUrl(),
                "landbalance.outbox.producer-name", "relay-" + java.util.UUID.randomUUID(),
                "landbalance.outbox.topic", topic,
                "landbalance.outbox.relay.interval", "100ms");
    }

    protected ApiClient api() {
        if (client == null) {
            client = new ApiClient(server.getURI());
        }
        return client;
    }

    /** Logs a demo user in and returns the bearer token. */
    protected String login(String username) {
        ApiClient.Response response = api().post("/api/auth/login", null,
                Json.object("username", username, "password", DEMO_PASSWORD));
        if (response.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + response);
        }
        return response.string("access_token");
    }

    /** An enterprise of the demo county, logged in ({@code enterprise_coop}, {@code enterprise_transport}). */
    protected Enterprise enterprise(String username) {
        return new Enterprise(api(), username, login(username));
    }

    /** A township of the demo county as its officer ({@code officer_gongchang}, {@code officer_wenfeng}…), logged in. */
    protected Township township(String officer) {
        return new Township(api(), officer, login(officer));
    }

    /** Any demo user, logged in, for what only reads ({@code county_viewer}) or is refused. */
    protected Actor user(String username) {
        return new Actor(api(), username, login(username));
    }

    /** The demo county as its administrator {@code county_admin}, logged in. */
    protected County county() {
        return new County(api(), "county_admin", login("county_admin"));
    }

    /** A township officer's parcel restored, submitted and accepted by the county admin; returns the lot id. */
    protected long acceptedLot(String officer, long townshipId, String targetClass, long areaM2, int qualityGrade) {
        return acceptedLot(township(officer), RestorationProject.in(townshipId, areaM2).from("其他林地", targetClass),
                qualityGrade);
    }

    /** The township's project filed and submitted, then accepted by the county admin at the grade; returns the lot id. */
    protected long acceptedLot(Township township, RestorationProject project, int qualityGrade) {
        long id = township.filesProject(project);
        township.trySubmitProject(id);
        return county().acceptsProject(id, qualityGrade);
    }

    /** The accepted inflow project that issued {@code lot}, as {@code token} lists them. */
    protected long projectOfLot(long lot, String token) {
        for (com.fasterxml.jackson.databind.JsonNode p : api().get("/api/inflow-projects?status=ACCEPTED&size=500", token).json()
                .get("items")) {
            if (p.hasNonNull("lotId") && p.get("lotId").asLong() == lot) {
                return p.get("id").asLong();
            }
        }
        throw new AssertionError("no project for lot " + lot);
    }

    /** enterprise_coop's 设施农用地 outflow of {@code areaM2} (grade 14) in the township, declared; returns its id. */
    protected long declaredOutflow(long townshipId, long areaM2) {
        Enterprise enterprise = enterprise("enterprise_coop");
        long id = enterprise.filesOutflow(OutflowDeclaration.in(townshipId).withArea(areaM2).withGrade(14));
        enterprise.tryDeclare(id);
        return id;
    }

    protected long countyId() {
        return api().get("/api/me", login("county_admin")).number("countyId");
    }

    /**
     * What a refused request must not change, read as the county admin sees it: rules, organisations, users,
     * applications, projects, cases, listings, one township's inventory and fund, the assessment plan.
     */
    protected String countySnapshot(String adminToken, long county, long township) {
        return String.join("\n",
                api().get("/api/counties/" + county + "/rules", adminToken).body(),
                api().get("/api/organizations?size=500", adminToken).body(),
                api().get("/api/users?size=500", adminToken).body(),
                api().get("/api/outflow-applications?size=500", adminToken).body(),
                api().get("/api/inflow-projects?size=500", adminToken).body(),
                api().get("/api/violations?size=500", adminToken).body(),
                api().get("/api/listings?countyId=" + county + "&all=true&size=500", adminToken).body(),
                api().get("/api/townships/" + township + "/inventory", adminToken).body(),
                api().get("/api/townships/" + township + "/account", adminToken).body(),
                api().get("/api/counties/" + county + "/assessment-plans/2026", adminToken).body());
    }

    /** 渭源县, a second county of the demo city, with its bureau, one enterprise and its admin {@code weiyuan_admin}. */
    public record SecondCounty(long countyId, long enterpriseOrgId) {
    }

    protected SecondCounty createSecondCounty() {
        var ctx = server.getApplicationContext();
        var regions = ctx.getBean(cn.landbalance.ledger.region.Regions.class);
        var organizations = ctx.getBean(cn.landbalance.settlement.identity.Organizations.class);
        var users = ctx.getBean(cn.landbalance.settlement.identity.UserAccounts.class);
        var hasher = ctx.getBean(cn.landbalance.settlement.identity.PasswordHasher.class);
        @SuppressWarnings("unchecked")
        io.micronaut.transaction.TransactionOperations<java.sql.Connection> tx =
                ctx.getBean(io.micronaut.transaction.TransactionOperations.class);
        return tx.executeWrite(status -> {
            var city = regions.findByCode("621100").orElseThrow();
            var weiyuan = regions.create("621123", "渭源县", cn.landbalance.ledger.region.RegionLevel.COUNTY, city.id());
            var bureau = organizations.create("渭源县自然资源局", cn.landbalance.settlement.identity.OrgKind.COUNTY, weiyuan.id(), weiyuan.id());
            var firm = organizations.create("渭源县某企业", cn.landbalance.settlement.identity.OrgKind.ENTERPRISE, weiyuan.id(), weiyuan.id());
            users.create("weiyuan_admin", hasher.hash(DEMO_PASSWORD), cn.landbalance.settlement.identity.Role.COUNTY_ADMIN, bureau.id());
            return new SecondCounty(weiyuan.id(), firm.id());
        });
    }
}
