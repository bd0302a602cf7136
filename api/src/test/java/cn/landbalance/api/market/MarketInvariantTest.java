package cn.landbalance.api.market;

import cn.landbalance.api.market.MarketModelParts.App;
import cn.landbalance.api.market.MarketModelParts.Lot;
import cn.landbalance.api.market.MarketSteps.User;
import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Fixtures;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import cn.landbalance.api.support.journey.RestorationProject;
import cn.landbalance.ledger.indicator.IndicatorQueries;
import cn.landbalance.ledger.money.MoneyQueries;
import cn.landbalance.settlement.market.MarketService;
import cn.landbalance.settlement.payment.PaymentService;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A seeded random sequence of market steps sent through the API, one at a time, to the real application and its
 * database ({@link MarketSteps}): townships list and withdraw; buyers order (some orders must be refused: beyond what
 * is listed, beyond the obligation, by the wrong party); the selling townships' finance confirms notices (some
 * refused: another township, a wrong amount, a serial already used, money received too late or on an impossible day);
 * orders are cancelled; the clock moves on and the expiry pass runs; violations freeze listed land (the listings are
 * reduced) and restoring it unfreezes it; townships self-restore from listed lots; applicants withdraw applications
 * (their waiting orders cancelled, what they bought given back and refunded); at the end the clock passes every
 * order still waiting for money and the expiry pass ends it. After every step the system must show exactly what the
 * reference model ({@link MarketModel}) says — every listing and listing part, lot, order with its allocations and
 * notices, fund, obligation and count of market events — and the laws of docs/domain.md must hold
 * ({@link MarketSnapshot#brokenLaws}, and the county's own audit). One step at a time, so that the model predicts
 * every outcome exactly, which offers an order takes included; {@link MarketUnderConcurrentChaosTest} sends them at
 * once. The seed and first day are printed; {@code -Dmarket.seed=N -Dmarket.start=YYYY-MM-DD} replays a run.
 */
@MicronautTest(transactional = false)
class MarketInvariantTest extends ApiTest {
    private static final int STEPS = 200;
    private static final int SURPLUS_PERMILLE = 1_100;
    private static final List<String> OFFICERS = List.of("officer_gongchang", "officer_wenfeng", "officer_shouyang");
    private static final List<String> ENTERPRISES = List.of("enterprise_coop", "enterprise_transport");

    @Inject
    OrderExpiry expiry;
    @Inject
    MarketRulesTest.TestClock clock;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    IndicatorQueries lotQueries;
    @Inject
    MoneyQueries moneyQueries;

    private final MarketModel model = new MarketModel();
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<Long, User> applicantOf = new TreeMap<>();
    private final List<Long> townships = new ArrayList<>();
    private long county;
    private MarketSteps steps;
    private long checkingMillis;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(ExpiryRunByTheTest.PROPERTY, "true");
    }

    /**
     * The application's expiry pass, run only when the test runs it ({@link OrderExpiry#expireDue}, the pass itself,
     * unchanged): its timer would expire orders between two steps behind the model's back.
     */
    @Replaces(OrderExpiry.class)
    @Requires(property = ExpiryRunByTheTest.PROPERTY, value = "true")
    @Singleton
    static class ExpiryRunByTheTest extends OrderExpiry {
        static final String PROPERTY = "landbalance.test.expiry-run-by-the-test";

        ExpiryRunByTheTest(MarketService market, PaymentService payments, TransactionOperations<Connection> tx) {
            super(market, payments, tx);
        }

        @Override
        public void run() {
            // the timer's pass does nothing: MarketSteps.expire() runs expireDue() as one of the steps
        }
    }

    @BeforeAll
    void demoUsers() {
        county = countyId();
        List<String> names = new ArrayList<>(List.of("county_admin"));
        names.addAll(OFFICERS);
        names.addAll(ENTERPRISES);
        for (String name : names) {
            String token = login(name);
            JsonNode me = api().get("/api/me", token).json();
            users.put(name, new User(name, token, me.get("orgId").asLong(), me.get("regionId").asLong()));
        }
        OFFICERS.forEach(o -> townships.add(users.get(o).regionId()));
        steps = new MarketSteps(api(), model, users, applicantOf, townships, OFFICERS.stream().map(users::get).toList(),
                clock, expiry);
    }

    @Test
    void everyStepLeavesTheMarketAsTheModelSays() {
        long seed = Long.getLong("market.seed", System.nanoTime());
        LocalDate start = LocalDate.parse(System.getProperty("market.start",
                LocalDate.now(MarketSteps.COUNTY_ZONE).plusDays(1).toString()));
        String replay = "seed " + seed + ", start " + start
                + " (replay: -Dmarket.seed=" + seed + " -Dmarket.start=" + start + ")";
        System.out.println("MarketInvariantTest " + replay);
        Random random = new Random(seed);
        Map<String, Integer> outcomes = new TreeMap<>();
        long began = System.nanoTime();
        ObservedMarket observed = new ObservedMarket(api(), users.get("county_admin").token(), tx, lotQueries, moneyQueries,
                county);
        try {
            steps.moveClockTo(start);
            setUpCounty(random, start.getYear());
            assertMarketEqualsModel(observed, "after setting up the county");
            for (int step = 1; step <= STEPS; step++) {
                outcomes.merge(steps.random(random), 1, Integer::sum);
                assertMarketEqualsModel(observed, "step " + step + " (" + steps.doing() + ")");
            }
            outcomes.merge(steps.expireTheRest(), 1, Integer::sum);
            assertMarketEqualsModel(observed, "at the end (" + steps.doing() + ")");
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(replay + ": " + e.getMessage(), e);
        } finally {
            clock.reset();
        }
        long tookMillis = Duration.ofNanos(System.nanoTime() - began).toMillis();
        System.out.println("MarketInvariantTest: " + STEPS + " steps in " + tookMillis + " ms, " + checkingMillis
                + " ms of them comparing the system with the model; orders " + model.orders.values().stream()
                .collect(Collectors.groupingBy(o -> o.status, TreeMap::new, Collectors.counting()))
                + ", " + model.orders.values().stream().filter(o -> o.notices.size() > 1).count()
                + " of them from several townships; outcomes " + outcomes);
        for (String operation : List.of("list", "order", "pay")) {
            assertTrue(outcomes.containsKey(operation + " 2xx") && outcomes.keySet().stream()
                            .anyMatch(k -> k.startsWith(operation + " ") && !k.endsWith(" 2xx")),
                    replay + ": the random mix exercises both outcomes of " + operation + ": " + outcomes);
        }
    }

    private void assertMarketEqualsModel(ObservedMarket observed, String when) {
        long began = System.nanoTime();
        MarketSnapshot actual = observed.read(townships, model.apps.keySet());
        List<String> differences = MarketSnapshot.differences(MarketSnapshot.expectedBy(model), actual);
        assertTrue(differences.isEmpty(), when + ": the system differs from the model:\n  " + String.join("\n  ", differences));
        List<String> broken = actual.brokenLaws();
        assertTrue(broken.isEmpty(), when + ": laws broken:\n  " + String.join("\n  ", broken));
        List<String> audit = observed.failedAudit();
        assertTrue(audit.isEmpty(), when + ": the county's audit fails:\n  " + String.join("\n  ", audit));
        checkingMillis += Duration.ofNanos(System.nanoTime() - began).toMillis();
    }

    /**
     * The county's rules (guide price 4 万元/亩, obligations 110 %, notices due in 3 working days) from last year on;
     * three lots for each township and an application of each township's own and three of each enterprise, some of
     * them paddy, some of last year.
     */
    private void setUpCounty(Random r, int year) {
        for (int from : List.of(year - 1, year)) { // the demo county's own rules govern from this year on
            Response rules = api().put("/api/counties/" + county + "/rules", users.get("county_admin").token(),
                    Fixtures.gansuRules(MarketSteps.GUIDE_PRICE_PER_MU_FEN, "SYNCHRONOUS")
                            .with("surplusFactorPermille", SURPLUS_PERMILLE).with("paymentTermWorkingDays", 3)
                            .with("fromYear", from));
            assertEquals(200, rules.status(), rules.body());
        }
        for (String name : OFFICERS) {
            User officer = users.get(name);
            for (int i = 0; i < 3; i++) {
                lot(officer, r.nextInt(4) == 0, 4_000 + r.nextInt(14_000), 5 + r.nextInt(9),
                        r.nextInt(4) == 0 ? year - 1 : year);
            }
            application(officer, officer.regionId(), 3_000 + r.nextInt(8_000), 9 + r.nextInt(7), r.nextInt(4) == 0,
                    r.nextInt(4) == 0 ? year - 1 : year);
        }
        for (String name : ENTERPRISES) {
            for (int i = 0; i < 3; i++) {
                application(users.get(name), MarketSteps.pick(r, townships), 8_000 + r.nextInt(22_000), 8 + r.nextInt(8),
                        r.nextInt(6) == 0, r.nextInt(5) == 0 ? year - 1 : year);
            }
        }
    }

    /** A parcel restored by the officer's township, accepted by the county as a lot of that grade and vintage. */
    private void lot(User officer, boolean paddy, long areaM2, int grade, int vintage) {
        RestorationProject project = RestorationProject.in(officer.regionId(), areaM2)
                .from("其他林地", paddy ? "水田" : "旱地").withPlanYear(vintage);
        Response created = steps.post(officer, "/api/inflow-projects", project.toJson());
        assertEquals(201, created.status(), created.body());
        long id = created.number("id");
        assertEquals(200, steps.post(officer, "/api/inflow-projects/" + id + "/submit", null).status());
        Response accepted = steps.post(users.get("county_admin"), "/api/inflow-projects/" + id + "/accept",
                Json.object("qualityGrade", grade));
        assertEquals(200, accepted.status(), accepted.body());
        model.lot(new Lot(accepted.number("lotId"), officer.regionId(), grade, paddy, vintage, areaM2));
    }

    /** An outflow of the applicant's (a township's own, or an enterprise's) in the township; its obligation 110 %. */
    private void application(User applicant, long township, long areaM2, int grade, boolean paddy, int planYear) {
        boolean own = applicant.name().startsWith("officer_");
        OutflowDeclaration form = OutflowDeclaration.in(township).withArea(areaM2).withGrade(grade).withPaddy(paddy)
                .withPlanYear(planYear);
        Response created = steps.post(applicant, "/api/outflow-applications",
                (own ? form.withUse("PLANTING_ADJUSTMENT", "果园") : form).toJson());
        assertEquals(201, created.status(), created.body());
        long required = (areaM2 * SURPLUS_PERMILLE + 999) / 1_000;
        assertEquals(required, created.json().get("obligation").get("requiredM2").asLong(), created.body());
        App app = new App(created.number("id"), township, applicant.orgId(), grade, paddy, planYear, required);
        model.app(app);
        applicantOf.put(app.id, applicant);
    }
}
