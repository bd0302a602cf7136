package cn.landbalance.api;

import cn.landbalance.api.boot.DataHome;
import cn.landbalance.api.boot.DatabaseSettings;
import cn.landbalance.api.boot.JwtSecret;
import cn.landbalance.infra.process.DataHomeLock;
import cn.landbalance.infra.pulsar.PulsarBroker;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

@OpenAPIDefinition(info = @Info(title = "landbalance", version = "1",
        description = "耕地进出平衡 indicator market and fund settlement — HTTP API v1"))
public final class Application {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        DataHome home = DataHome.resolve(env);
        DataHomeLock homeLock = ownsServers(env) ? lockHome(home) : null;
        DatabaseSettings database = DatabaseSettings.resolve(env, home);
        Map<String, Object> properties = startupProperties(env, home, database);
        PulsarBroker broker = pulsar(env, home, properties);
        ApplicationContext context;
        try {
            context = Micronaut.build(args).mainClass(Application.class).properties(properties).start();
        } catch (RuntimeException e) {
            LOG.error("landbalance could not start; stopping", e);
            if (broker != null) {
                broker.stop();
            }
            database.close();
            System.exit(1);
            return;
        }
        // Micronaut's own shutdown hook stops the context; the embedded database goes after it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            awaitStop(context);
            if (broker != null) {
                broker.stop();
            }
            database.close();
            if (homeLock != null) {
                try {
                    homeLock.close();
                } catch (IOException e) {
                    LOG.warn("could not release the data home's lock: {}", e.toString());
                }
            }
        }, "landbalance-database-shutdown"));
        LOG.info("landbalance is up: http://localhost:{}/ (health: /health, API docs: /swagger-ui)",
                context.getProperty("micronaut.server.port", Integer.class).orElse(8080));
    }

    /** The embedded database or broker live in the data home: this run must be its only owner. */
    private static boolean ownsServers(Map<String, String> env) {
        String pulsar = env.get("PULSAR_URL");
        return DatabaseSettings.embedded(env) || pulsar == null || pulsar.isBlank();
    }

    private static DataHomeLock lockHome(DataHome home) throws IOException {
        try {
            return DataHomeLock.acquire(home.path());
        } catch (IllegalStateException e) {
            LOG.error(e.getMessage());
            System.exit(1);
            return null;
        }
    }

    /** What the environment decides before Micronaut starts: the database, the data home, the JWT keys, demo data. */
    public static Map<String, Object> startupProperties(Map<String, String> env, DataHome home, DatabaseSettings database)
            throws IOException {
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put(DataHome.PROPERTY, home.path().toString());
        properties.putAll(JwtSecret.properties(env, home, database.embedded()));
        properties.putIfAbsent("landbalance.demo.enabled", demoEnabled(env, database));
        return properties;
    }

    /**
     * PULSAR_URL when set; otherwise a standalone broker beside the application (data in the home directory),
     * started from the jars the build resolved. Without either, events wait in the outbox.
     */
    private static PulsarBroker pulsar(Map<String, String> env, DataHome home, Map<String, Object> properties)
            throws Exception {
        String url = env.get("PULSAR_URL");
        if (url != null && !url.isBlank()) {
            properties.put("pulsar.service-url", url);
            return null;
        }
        var lib = PulsarBroker.findLib();
        if (lib.isEmpty()) {
            LOG.warn("no PULSAR_URL and no broker jars (infra/pulsar-broker/target/lib): domain events wait in the outbox");
            return null;
        }
        PulsarBroker broker = PulsarBroker.start(lib.get(), home.resolve("pulsar"));
        properties.put("pulsar.service-url", broker.serviceUrl());
        return broker;
    }

    private static void awaitStop(ApplicationContext context) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (context.isRunning() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Demo data is loaded into the embedded default, and elsewhere only when LANDBALANCE_DEMO=true. */
    private static boolean demoEnabled(Map<String, String> env, DatabaseSettings database) {
        String setting = env.get("LANDBALANCE_DEMO");
        return setting == null ? database.embedded() : Boolean.parseBoolean(setting);
    }
}
