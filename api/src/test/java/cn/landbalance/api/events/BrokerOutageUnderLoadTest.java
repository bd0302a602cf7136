package cn.landbalance.api.events;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.journey.Enterprise;
import cn.landbalance.infra.pulsar.PulsarBroker;
import cn.landbalance.infra.testing.TestPulsar;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pulsar goes away while buyers settle concurrently: the API keeps settling (no errors), events wait in the outbox,
 * and once the broker is back every event arrives, each exactly once.
 */
@MicronautTest(transactional = false)
class BrokerOutageUnderLoadTest extends TopicTest {
    private static final int BUYERS = 6;

    @Test
    void settlementsGoOnThroughABrokerOutageAndEveryEventArrivesOnce() throws Exception {
        List<Long> apps = buyersOfOneTownship(BUYERS, 190_000, 20_000);
        String enterprise = login("enterprise_coop");
        String officer = login("officer_gongchang"); // the selling township's finance confirms each order's notice
        Finance finance = new Finance(api(), this::login);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean brokerDown = new AtomicBoolean(false);
        AtomicInteger duringOutage = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(BUYERS);
        for (long app : apps) {
            pool.submit(() -> {
                while (running.get()) {
                    Response order = api().post("/api/orders", enterprise, Enterprise.order(app, 10));
                    if (order.status() != 201) {
                        failures.add("order " + order.status() + " " + order.body());
                        return;
                    }
                    Response paid = finance.confirm(order.json().get("notices").get(0), "OUT-" + order.number("id"), officer);
                    if (paid.status() != 200 || !"PAID".equals(paid.string("status"))) {
                        failures.add("confirmation " + paid.status() + " " + paid.body());
                        return;
                    }
                    if (brokerDown.get()) {
                        duringOutage.incrementAndGet();
                    }
                }
            });
        }
        PulsarBroker broker = TestPulsar.get();
        Thread.sleep(1_500);
        broker.stop();
        brokerDown.set(true);
        try {
            Thread.sleep(3_000);
        } finally {
            brokerDown.set(false);
            broker.restart();
        }
        Thread.sleep(1_500);
        running.set(false);
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        assertTrue(failures.isEmpty(), failures::toString);
        assertTrue(duringOutage.get() > 0, "settlements went on while the broker was down");
        assertTrue(api().get("/api/audit/invariants", login("county_admin")).json().get("ok").asBoolean());

        awaitAllPublished(90);
        List<String> ids = eventsOnTopic().stream().map(e -> e.get("eventId").asText()).toList();
        assertEquals(new HashSet<>(ids).size(), ids.size(), "no event published twice");
        assertEquals(outboxRows(), ids.size(), "every event arrived");
        System.out.println("[broker-outage] " + duringOutage.get() + " settlements while the broker was down; " + ids.size()
                + " events published once each");
    }
}
