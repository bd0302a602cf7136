package cn.landbalance.api.market;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.Enterprise;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import cn.landbalance.api.support.journey.Township;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rounds of random operations sent at once by several clients: orders, confirmations of their payment notices by the
 * selling townships' finance (one township at a time, so orders are also cancelled part-paid), cancellations, listings,
 * withdrawals, freezes, restorations, deductions and self-restores over three townships' lots. No request may fail
 * with a server
 * error or a malformed-request answer (every request is well formed; a refusal is a 404, 409 or 422), and after each
 * round every conservation law of the county holds (/api/audit/invariants, the listing law included) and no
 * obligation is covered beyond what it requires. The seed is printed; {@code -Dchaos.seed=N} replays a run's choices.
 */
@MicronautTest(transactional = false)
class MarketUnderConcurrentChaosTest extends ApiTest {
    private static final int ROUNDS = 6;
    private static final int OPERATIONS_PER_ROUND = 36;
    private static final int CLIENTS = 6;
    private static final List<String> OFFICERS = List.of("officer_gongchang", "officer_wenfeng", "officer_shouyang");
    private static final Set<Integer> REFUSALS = Set.of(404, 409, 422);

    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, Long> townshipOf = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> lotsOf = new ConcurrentHashMap<>();
    private final Map<String, Long> ownApplicationOf = new ConcurrentHashMap<>();
    private final List<Long> enterpriseApplications = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<long[]> pendingOrders = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<long[]> openListings = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> openCases = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();

    @BeforeAll
    void threeTownshipsWithLandListedAndApplicationsToCover() {
        for (String user : List.of("county_admin", "enterprise_coop", "enterprise_transport", "officer_gongchang",
                "officer_wenfeng", "officer_shouyang")) {
            tokens.put(user, login(user));
        }
        for (String officer : OFFICERS) {
            Township township = new Township(api(), officer, tokens.get(officer));
            townshipOf.put(officer, township.id());
            List<Long> lots = new ArrayList<>();
            lots.add(acceptedLot(officer, township.id(), "旱地", 20_000, 8));
            lots.add(acceptedLot(officer, township.id(), "旱地", 12_000, 11));
            lotsOf.put(officer, lots);
            for (int i = 0; i < 2; i++) {
                openListings.add(new long[]{township.lists(9_000, 5_000_000 + 100_000 * i), OFFICERS.indexOf(officer)});
            }
            ownApplicationOf.put(officer, township.filesOutflow(outflow(township.id(), 8_000, 12)));
        }
        for (String name : List.of("enterprise_coop", "enterprise_transport")) {
            Enterprise enterprise = new Enterprise(api(), name, tokens.get(name));
            for (String officer : OFFICERS) {
                enterpriseApplications.add(enterprise.declaresOutflow(outflow(townshipOf.get(officer), 15_000, 13)));
            }
        }
    }

    @Test
    void everyLawHoldsAfterEveryRoundOfConcurrentOperations() throws Exception {
        long seed = Long.getLong("chaos.seed", System.nanoTime());
        System.out.println("[chaos] seed " + seed + " (replay with -Dchaos.seed=" + seed + ")");
        Random random = new Random(seed);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                List<Runnable> operations = new ArrayList<>();
                for (int i = 0; i < OPERATIONS_PER_ROUND; i++) {
                    operations.add(operation(random.nextInt(100), new Random(random.nextLong())));
                }
                List<Future<?>> running = new ArrayList<>();
                for (Runnable op : operations) {
                    running.add(clients.submit(op));
                }
                for (Future<?> f : running) {
                    f.get(120, TimeUnit.SECONDS);
                }
                assertEquals(List.of(), failures, "seed " + seed + ", round " + round);
                JsonNode audit = api().get("/api/audit/invariants", tokens.get("county_admin")).json();
                assertTrue(audit.get("ok").asBoolean(), "seed " + seed + ", round " + round + ": " + audit);
                assertObligationsNotOverCovered(seed, round);
            }
        } finally {
            clients.shutdownNow();
        }
        System.out.println("[chaos] outcomes " + new TreeMap<>(outcomes));
        assertTrue(outcomes.keySet().stream().filter(k -> k.endsWith(" 2xx")).count() >= 7,
                "most kinds of operation succeeded at least once: " + outcomes);
    }

    /** One random operation, chosen by {@code dice} (0-99) with its own random source. */
    private Runnable operation(int dice, Random r) {
        if (dice < 24) {
            return this::placeOrder;
        } else if (dice < 44) {
            return this::payOrder;
        } else if (dice < 50) {
            return this::cancelOrder;
        } else if (dice < 62) {
            return () -> list(OFFICERS.get(r.nextInt(OFFICERS.size())), 500 + r.nextInt(4_000));
        } else if (dice < 67) {
            return this::withdraw;
        } else if (dice < 78) {
            return () -> openCase(OFFICERS.get(r.nextInt(OFFICERS.size())), 500 + r.nextInt(6_000));
        } else if (dice < 87) {
            return () -> restore(100 + r.nextInt(3_000));
        } else if (dice < 90) {
            return this::legalize;
        }
        return () -> selfRestore(OFFICERS.get(r.nextInt(OFFICERS.size())), r.nextInt(2), 100 + r.nextInt(1_500));
    }

    private void placeOrder() {
        int n = sequence.incrementAndGet();
        long application = enterpriseApplications.get(n % enterpriseApplications.size());
        String buyer = n % enterpriseApplications.size() < 3 ? "enterprise_coop" : "enterprise_transport";
        Response order = send("order", "POST", "/api/orders", buyer, Enterprise.order(application, 200 + (n * 37) % 1_800));
        if (order.status() == 201) {
            pendingOrders.add(new long[]{order.number("id"), order.number("amountFen"), buyer.equals("enterprise_coop") ? 0 : 1});
        }
    }

    /**
     * The finance of one township the order buys from confirms its notice; an order with notices still open goes back
     * to the pending ones (to be paid further, or cancelled part-paid).
     */
    private void payOrder() {
        long[] order = pendingOrders.poll();
        if (order == null) {
            return;
        }
        String buyer = order[2] == 0 ? "enterprise_coop" : "enterprise_transport";
        Response seen = api().get("/api/orders/" + order[0], tokens.get(buyer));
        if (seen.status() != 200) {
            failures.add("GET order " + order[0] + " → " + seen.status() + " " + seen.body());
            return;
        }
        List<JsonNode> open = new ArrayList<>();
        for (JsonNode notice : seen.json().get("notices")) {
            if (notice.get("status").asText().equals("OPEN")) {
                open.add(notice);
            }
        }
        if (open.isEmpty()) {
            return;
        }
        JsonNode notice = open.get(0);
        String officer = OFFICERS.stream().filter(o -> townshipOf.get(o) == notice.get("townshipId").asLong()).findFirst()
                .orElseThrow();
        Response paid = send("pay", "POST", "/api/payment-notices/" + notice.get("id").asLong() + "/confirm", officer,
                Json.object("bankSerial", "CHAOS-" + notice.get("remittanceCode").asText(),
                        "receivedOn", Finance.issuedOn(notice), "amountFen", notice.get("amountFen").asLong()));
        if (paid.status() == 200 && open.size() > 1) {
            pendingOrders.add(order);
        }
    }

    private void cancelOrder() {
        long[] order = pendingOrders.poll();
        if (order != null) {
            send("cancel", "POST", "/api/orders/" + order[0] + "/cancel", order[2] == 0 ? "enterprise_coop" : "enterprise_transport", null);
        }
    }

    private void list(String officer, long areaM2) {
        Response listed = send("list", "POST", "/api/listings", officer, Json.object("townshipId", townshipOf.get(officer),
                "areaM2", areaM2, "pricePerMuFen", 5_000_000));
        if (listed.status() == 201) {
            openListings.add(new long[]{listed.number("id"), OFFICERS.indexOf(officer)});
        }
    }

    private void withdraw() {
        long[] listing = openListings.poll();
        if (listing != null) {
            send("withdraw", "POST", "/api/listings/" + listing[0] + "/withdraw", OFFICERS.get((int) listing[1]), null);
        }
    }

    private void openCase(String officer, long areaM2) {
        Response opened = send("freeze", "POST", "/api/violations", "county_admin", Json.object("townshipId",
                townshipOf.get(officer), "areaM2", areaM2, "caseNo", "CHAOS-" + sequence.incrementAndGet(),
                "description", "违法占用"));
        if (opened.status() == 201) {
            openCases.add(opened.number("id"));
        }
    }

    private void restore(long areaM2) {
        Long id = openCases.poll();
        if (id == null) {
            return;
        }
        Response restored = send("restore", "POST", "/api/violations/" + id + "/restore", "county_admin",
                Json.object("areaM2", areaM2, "reason", "拆除复垦"));
        if (restored.status() != 200 || restored.number("frozenM2") > 0) {
            openCases.add(id);
        }
    }

    private void legalize() {
        Long id = openCases.poll();
        if (id != null) {
            send("legalize", "POST", "/api/violations/" + id + "/legalize", "county_admin",
                    Json.object("reason", "陇政土〔2026〕8号"));
        }
    }

    private void selfRestore(String officer, int lot, long areaM2) {
        send("self-restore", "POST", "/api/outflow-applications/" + ownApplicationOf.get(officer) + "/self-restore", officer,
                Json.object("lotId", lotsOf.get(officer).get(lot), "areaM2", areaM2));
    }

    private Response send(String kind, String method, String path, String user, Json body) {
        Response response = api().send(method, path, tokens.get(user), body == null ? null : body.toString(),
                body == null ? null : "application/json");
        int status = response.status();
        String outcome = status / 100 == 2 ? "2xx" : Integer.toString(status);
        outcomes.computeIfAbsent(kind + " " + outcome, k -> new AtomicInteger()).incrementAndGet();
        if (status / 100 != 2 && !(REFUSALS.contains(status) && response.isProblem())) {
            failures.add(kind + " " + method + " " + path + " " + body + " → " + status + " " + response.body());
        }
        return response;
    }

    private void assertObligationsNotOverCovered(long seed, int round) {
        List<Long> all = new ArrayList<>(enterpriseApplications);
        all.addAll(ownApplicationOf.values());
        for (long id : all) {
            JsonNode obligation = api().get("/api/outflow-applications/" + id, tokens.get("county_admin")).json().get("obligation");
            long covered = 0;
            for (JsonNode c : obligation.get("coverages")) {
                covered += c.get("areaM2").asLong();
            }
            assertTrue(covered <= obligation.get("requiredM2").asLong(),
                    "seed " + seed + ", round " + round + ": application " + id + " covered beyond its obligation: " + obligation);
            assertTrue(obligation.get("remainingM2").asLong() >= 0, obligation.toString());
        }
    }

    /** {@code areaM2} of grade-{@code grade} land in the township turned into an orchard (果园), a change of planting. */
    private static OutflowDeclaration outflow(long township, long areaM2, int grade) {
        return OutflowDeclaration.in(township).withUse("PLANTING_ADJUSTMENT", "果园").withArea(areaM2).withGrade(grade);
    }
}
