package cn.landbalance.api.ops;

import cn.landbalance.api.Application;
import cn.landbalance.api.boot.DataHome;
import cn.landbalance.api.boot.DatabaseSettings;
import cn.landbalance.api.boot.JwtSecret;
import cn.landbalance.infra.pulsar.PulsarBroker;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.PropertySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deployment files (infra/deploy) cannot be started on this machine: there is no Docker engine and no cluster. What
 * is checked here is that they agree with the application. Every variable they set is one the README documents; each
 * api replica gets what production needs, read by the application's own start-up code and Micronaut's environment
 * variable convention (not the embedded database, the reports on the replica, the proxy's client-address header); the
 * services they name exist; the load balancer forwards to every replica and writes the header the login throttle reads;
 * the broker namespace is the one the outbox relay publishes to; the image copies the jar the build makes.
 */
class DeploymentFilesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DEPLOY = ROOT.resolve("infra/deploy");
    /** What production needs on every replica. */
    private static final List<String> REQUIRED = List.of("DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD",
            "REPORTS_DATABASE_URL", "PULSAR_URL", "JWT_SECRET", "LANDBALANCE_SECURITY_CLIENT_ADDRESS_HEADER");
    private static final String SECRET = "a-jwt-secret-of-more-than-thirty-two-characters";
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([A-Z_]+)(?::?[-?]([^}]*))?}");

    @TempDir
    Path home;

    @Test
    void everyVariableTheDeploymentFilesSetIsDocumentedAndEveryReplicaGetsWhatProductionNeeds() throws IOException {
        Set<String> documented = documentedVariables();
        assertTrue(documented.containsAll(REQUIRED), "README documents " + documented);
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("$JAVA_OPTS"), "the image passes JAVA_OPTS to the JVM");

        Map<String, Map<String, Object>> replicas = composeReplicas();
        assertTrue(replicas.size() >= 2, "several api replicas in Compose: " + replicas.keySet());
        for (var replica : replicas.entrySet()) {
            Set<String> names = new TreeSet<>(environment(replica.getValue()).keySet());
            assertTrue(names.containsAll(REQUIRED), replica.getKey() + " sets " + names);
            names.removeAll(documented);
            assertEquals(Set.of(), names, replica.getKey() + ": variables the README does not document");
        }
        Set<String> k8s = new TreeSet<>(kubernetesApiEnvironment().keySet());
        assertTrue(k8s.containsAll(REQUIRED), "the Kubernetes Deployment sets " + k8s);
        k8s.removeAll(documented);
        k8s.remove("JAVA_OPTS");
        assertEquals(Set.of(), k8s, "Kubernetes: variables the README does not document");
    }

    @Test
    void aComposeReplicaStartsOnTheComposeDatabaseReplicaAndBrokerWithTheProxysClientAddress() throws IOException {
        Map<String, Object> compose = yaml(DEPLOY.resolve("docker-compose.yml"));
        Map<String, Object> services = map(compose.get("services"));
        Map<String, String> env = resolve(environment(composeReplicas().values().iterator().next()),
                Map.of("JWT_SECRET", SECRET));

        URI primary = jdbcUri(env.get("DATABASE_URL"));
        Map<String, String> postgres = stringMap(map(map(services.get(primary.getHost())).get("environment")));
        assertEquals("/" + postgres.get("POSTGRESQL_DATABASE"), primary.getPath(), "the database the primary creates");
        assertEquals(postgres.get("POSTGRESQL_USERNAME"), env.get("DATABASE_USER"));
        assertEquals(postgres.get("POSTGRESQL_PASSWORD"), env.get("DATABASE_PASSWORD"));
        URI replica = jdbcUri(env.get("REPORTS_DATABASE_URL"));
        Map<String, String> standby = stringMap(map(map(services.get(replica.getHost())).get("environment")));
        assertEquals(primary.getHost(), standby.get("POSTGRESQL_MASTER_HOST"), "the reports read a replica of the primary");
        assertEquals(primary.getPath(), replica.getPath());
        assertTrue(services.containsKey(URI.create(env.get("PULSAR_URL")).getHost()), "the broker is a Compose service");

        Map<String, Object> properties = startupProperties(env);
        try (ApplicationContext context = context(env, properties)) {
            assertEquals(env.get("DATABASE_URL"), context.getProperty("datasources.default.url", String.class).orElseThrow());
            assertEquals(env.get("DATABASE_USER"), context.getProperty("datasources.default.username", String.class).orElseThrow());
            assertEquals(env.get("REPORTS_DATABASE_URL"), context.getProperty("datasources.reports.url", String.class).orElseThrow(),
                    "reports read the streaming replica");
            assertEquals(env.get("DATABASE_USER"), context.getProperty("datasources.reports.username", String.class).orElseThrow());
            assertEquals(SECRET, context.getProperty(JwtSecret.PROPERTY, String.class).orElseThrow());
            assertFalse(context.getProperty("landbalance.demo.enabled", Boolean.class).orElseThrow(), "no demo data in Compose");
            assertEquals("X-Real-IP", context.getProperty("landbalance.security.client-address-header", String.class).orElseThrow());
            assertEquals(8080, context.getProperty("micronaut.server.port", Integer.class).orElseThrow());
        }
    }

    @Test
    void kubernetesReplicasReachTheClusterDatabaseAndItsReadOnlyServiceAndAreProbedOnHealth() throws IOException {
        Map<String, Object> env = kubernetesApiEnvironment();
        Map<String, String> literal = new HashMap<>();
        env.forEach((name, value) -> literal.put(name, value instanceof String s ? s : "from-a-secret"));
        literal.put("JWT_SECRET", SECRET);
        literal.remove("JWT_PREVIOUS_SECRET"); // optional: present during a rotation only
        assertTrue(jdbcUri(literal.get("DATABASE_URL")).getHost().endsWith("-rw"), "writes go to the CloudNativePG primary");
        assertTrue(jdbcUri(literal.get("REPORTS_DATABASE_URL")).getHost().endsWith("-ro"), "reports read its replicas");
        try (ApplicationContext context = context(literal, startupProperties(literal))) {
            assertEquals(literal.get("REPORTS_DATABASE_URL"), context.getProperty("datasources.reports.url", String.class).orElseThrow());
            int port = context.getProperty("micronaut.server.port", Integer.class).orElseThrow();
            Map<String, Object> container = kubernetesApiContainer();
            assertEquals(port, ((Number) map(((List<?>) container.get("ports")).get(0)).get("containerPort")).intValue());
            for (String probe : List.of("readinessProbe", "livenessProbe")) {
                Map<String, Object> get = map(map(container.get(probe)).get("httpGet"));
                assertEquals("/health", get.get("path"), probe);
                assertEquals(port, ((Number) get.get("port")).intValue(), probe);
            }
            assertFalse(context.getProperty("endpoints.health.sensitive", Boolean.class).orElseThrow(),
                    "/health answers probes without a token");
        }
        Map<String, Object> service = kubernetes("30-api.yaml", "Service");
        assertEquals(8080, ((Number) map(((List<?>) map(service.get("spec")).get("ports")).get(0)).get("targetPort")).intValue());
    }

    @Test
    void theLoadBalancerForwardsToEveryReplicaAndWritesTheClientAddressHeaderItself() throws IOException {
        String nginx = Files.readString(DEPLOY.resolve("nginx.conf"));
        Set<String> upstream = new TreeSet<>();
        Matcher server = Pattern.compile("server\\s+([\\w.-]+:\\d+)").matcher(nginx);
        while (server.find()) {
            upstream.add(server.group(1));
        }
        Set<String> replicas = new TreeSet<>();
        composeReplicas().keySet().forEach(name -> replicas.add(name + ":8080"));
        assertEquals(replicas, upstream);
        String header = (String) environment(composeReplicas().values().iterator().next())
                .get("LANDBALANCE_SECURITY_CLIENT_ADDRESS_HEADER");
        assertTrue(nginx.contains("proxy_set_header " + header + " $remote_addr;"),
                "nginx overwrites " + header + " with the connection's address, so a client cannot choose it");
    }

    @Test
    void theBrokerJobsCreateTheNamespaceTheRelayPublishesToWithDeduplication() throws IOException {
        Map<String, Object> compose = map(map(yaml(DEPLOY.resolve("docker-compose.yml")).get("services")).get("pulsar-init"));
        Map<String, Object> job = kubernetes("20-pulsar-namespace.yaml", "Job");
        Map<String, Object> container = map(((List<?>) map(map(map(job.get("spec")).get("template")).get("spec"))
                .get("containers")).get(0));
        for (String commands : List.of(String.valueOf(compose.get("command")), String.valueOf(container.get("args")))) {
            assertTrue(commands.contains("namespaces create " + PulsarBroker.NAMESPACE), commands);
            assertTrue(commands.contains("set-deduplication " + PulsarBroker.NAMESPACE + " --enable"), commands);
        }
    }

    @Test
    void theImageCopiesTheJarTheBuildMakes() throws IOException {
        Matcher copy = Pattern.compile("COPY\\s+(\\S+\\.jar)\\s").matcher(Files.readString(DEPLOY.resolve("Dockerfile")));
        assertTrue(copy.find(), "the Dockerfile copies a jar");
        String pom = Files.readString(ROOT.resolve("api/pom.xml"));
        String jar = copy.group(1);
        assertTrue(jar.startsWith("api/target/"), jar);
        assertTrue(pom.contains("<outputFile>${project.build.directory}/" + jar.substring("api/target/".length())
                + "</outputFile>"), "api/pom.xml builds " + jar);
    }

    /** The properties the application computes from the environment before Micronaut starts. */
    private Map<String, Object> startupProperties(Map<String, String> env) throws IOException {
        DatabaseSettings database = DatabaseSettings.resolve(env, new DataHome(home));
        assertFalse(database.embedded(), "no embedded database when DATABASE_URL is set");
        return Application.startupProperties(env, new DataHome(home), database);
    }

    /** The application's configuration as Micronaut resolves it from these environment variables; no bean started. */
    private static ApplicationContext context(Map<String, String> env, Map<String, Object> properties) {
        Map<String, Object> variables = new LinkedHashMap<>(env);
        PropertySource environment = new MapPropertySource("deployment-environment", variables) {
            @Override
            public int getOrder() {
                return EnvironmentPropertySource.POSITION;
            }

            @Override
            public PropertyConvention getConvention() {
                return PropertyConvention.ENVIRONMENT_VARIABLE;
            }
        };
        ApplicationContext context = ApplicationContext.builder().environmentPropertySource(false)
                .propertySources(environment).properties(properties).build();
        context.getEnvironment().start();
        return context;
    }

    private static Set<String> documentedVariables() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("## Settings");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        Set<String> names = new TreeSet<>();
        Matcher name = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(section);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    /** Compose services built from this repository: the api replicas. */
    private static Map<String, Map<String, Object>> composeReplicas() throws IOException {
        Map<String, Map<String, Object>> replicas = new LinkedHashMap<>();
        map(yaml(DEPLOY.resolve("docker-compose.yml")).get("services")).forEach((name, service) -> {
            if (map(service).containsKey("build")) {
                replicas.put(name, map(service));
            }
        });
        return replicas;
    }

    private static Map<String, Object> environment(Map<String, Object> service) {
        return map(service.get("environment"));
    }

    /** Compose's ${NAME}, ${NAME:-default} and ${NAME:?message} substitutions, from {@code shell} or the default. */
    private static Map<String, String> resolve(Map<String, Object> env, Map<String, String> shell) {
        Map<String, String> resolved = new HashMap<>();
        env.forEach((name, value) -> {
            Matcher m = SUBSTITUTION.matcher(String.valueOf(value));
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String given = shell.get(m.group(1));
                assertTrue(given != null || !m.group(0).contains(":?"), name + " must be given: " + m.group(0));
                m.appendReplacement(out, Matcher.quoteReplacement(given != null ? given
                        : m.group(2) == null ? "" : m.group(2)));
            }
            m.appendTail(out);
            resolved.put(name, out.toString());
        });
        return resolved;
    }

    private static Map<String, Object> kubernetesApiContainer() throws IOException {
        Map<String, Object> deployment = kubernetes("30-api.yaml", "Deployment");
        List<?> containers = (List<?>) map(map(map(deployment.get("spec")).get("template")).get("spec")).get("containers");
        return map(containers.get(0));
    }

    /** The Deployment's variables: a literal value, or its source (a secret) when it has none. */
    private static Map<String, Object> kubernetesApiEnvironment() throws IOException {
        Map<String, Object> env = new LinkedHashMap<>();
        for (Object variable : (List<?>) kubernetesApiContainer().get("env")) {
            Map<String, Object> v = map(variable);
            env.put((String) v.get("name"), v.containsKey("value") ? v.get("value") : v.get("valueFrom"));
        }
        return env;
    }

    private static Map<String, Object> kubernetes(String file, String kind) throws IOException {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Object document : new Yaml().loadAll(Files.readString(DEPLOY.resolve("k8s").resolve(file)))) {
            if (document != null && kind.equals(map(document).get("kind"))) {
                found.add(map(document));
            }
        }
        assertEquals(1, found.size(), "one " + kind + " in " + file);
        return found.get(0);
    }

    private static URI jdbcUri(String jdbcUrl) {
        assertTrue(jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql://"), "a PostgreSQL JDBC URL: " + jdbcUrl);
        return URI.create(jdbcUrl.substring("jdbc:".length()));
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return map(new Yaml().load(Files.readString(file)));
    }

    private static Map<String, String> stringMap(Map<String, Object> map) {
        return resolve(map, Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertTrue(value instanceof Map, "expected a mapping, found " + value);
        return (Map<String, Object>) value;
    }
}
