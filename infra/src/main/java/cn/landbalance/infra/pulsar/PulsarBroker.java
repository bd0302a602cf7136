package cn.landbalance.infra.pulsar;

import cn.landbalance.infra.process.LeftoverProcesses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Pulsar standalone broker in its own JVM (its Netty clashes with the application's), started
 * from the jars that the {@code infra/pulsar-broker} module resolves into {@code target/lib}. Its data lives in
 * {@code dataDir} and survives restarts. Used by the run command when no PULSAR_URL is set, and by the tests.
 */
public final class PulsarBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PulsarBroker.class);
    public static final String TENANT = "landbalance";
    public static final String NAMESPACE = TENANT + "/events";
    public static final String TOPIC = "persistent://" + NAMESPACE + "/domain-events";

    private static final String STARTER = "org.apache.pulsar.PulsarStandaloneStarter";
    private final Path libDir;
    private final Path dataDir;
    private final int brokerPort;
    private final int webPort;
    private final int bookiePort;
    private Process process;

    private PulsarBroker(Path libDir, Path dataDir, int brokerPort, int webPort, int bookiePort) {
        this.libDir = libDir;
        this.dataDir = dataDir;
        this.brokerPort = brokerPort;
        this.webPort = webPort;
        this.bookiePort = bookiePort;
    }

    /** The broker's classpath directory: {@code landbalance.pulsar.lib}, else infra/pulsar-broker/target/lib above the working directory. */
    public static Optional<Path> findLib() {
        String configured = System.getProperty("landbalance.pulsar.lib", System.getenv("LANDBALANCE_PULSAR_LIB"));
        if (configured != null) {
            return Optional.of(Path.of(configured)).filter(Files::isDirectory);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path lib = dir.resolve("infra/pulsar-broker/target/lib");
            if (Files.isDirectory(lib)) {
                return Optional.of(lib);
            }
        }
        return Optional.empty();
    }

    /** Starts a broker on free ports (kept in {@code dataDir/ports} so a restart reuses them) and waits until it serves. */
    public static PulsarBroker start(Path libDir, Path dataDir) throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        stopLeftover(dataDir);
        Path portsFile = dataDir.resolve("ports");
        int[] ports = null;
        if (Files.exists(portsFile)) {
            ports = Files.readAllLines(portsFile).stream().mapToInt(Integer::parseInt).toArray();
            if (!free(ports)) {
                LOG.warn("the broker's ports {} are taken by another program; choosing new ones", Arrays.toString(ports));
                ports = null;
            }
        }
        if (ports == null) {
            ports = new int[]{freePort(), freePort(), freePort()};
            Files.write(portsFile, List.of(String.valueOf(ports[0]), String.valueOf(ports[1]), String.valueOf(ports[2])));
        }
        PulsarBroker broker = new PulsarBroker(libDir, dataDir, ports[0], ports[1], ports[2]);
        broker.launch();
        return broker;
    }

    private void launch() throws IOException, InterruptedException {
        Path conf = dataDir.resolve("standalone.conf");
        Files.writeString(conf, String.join("\n",
                "clusterName=standalone",
                "brokerServicePort=" + brokerPort,
                "webServicePort=" + webPort,
                "bindAddress=127.0.0.1",
                "advertisedAddress=127.0.0.1",
                "allowEphemeralPorts=true",
                "managedLedgerDefaultEnsembleSize=1",
                "managedLedgerDefaultWriteQuorum=1",
                "managedLedgerDefaultAckQuorum=1",
                "brokerDeduplicationEnabled=true",
                // keep every event: without retention, messages no subscription holds are deleted when a ledger rolls
                "defaultRetentionTimeInMinutes=-1",
                "defaultRetentionSizeInMB=-1",
                "functionsWorkerEnabled=false",
                "authenticationEnabled=false",
                "authorizationEnabled=false", ""));
        Path log4j = dataDir.resolve("log4j2.xml");
        Files.writeString(log4j, "<Configuration status=\"WARN\"><Appenders><Console name=\"c\" target=\"SYSTEM_OUT\">"
                + "<PatternLayout pattern=\"%d %p %c{1} - %m%n\"/></Console></Appenders><Loggers><Root level=\"WARN\">"
                + "<AppenderRef ref=\"c\"/></Root></Loggers></Configuration>");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + log4j, "-cp", libDir.toAbsolutePath() + File.separator + "*",
                STARTER, "--config", conf.toString(), "--no-functions-worker",
                "--no-stream-storage", "--bookkeeper-dir", dataDir.resolve("bookkeeper").toString(),
                "--metadata-dir", dataDir.resolve("metadata").toString(),
                "--zookeeper-dir", dataDir.resolve("zookeeper").toString(),
                "--bookkeeper-port", String.valueOf(bookiePort))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("broker.log").toFile()));
        long started = System.nanoTime();
        process = builder.start();
        awaitReady(Duration.ofSeconds(90));
        provisionNamespace();
        if (!process.isAlive()) {
            throw new IOException("Pulsar broker exited with " + process.exitValue() + " right after answering; see "
                    + dataDir.resolve("broker.log"));
        }
        LOG.info("Pulsar broker ready at {} in {} ms (data {})", serviceUrl(), (System.nanoTime() - started) / 1_000_000, dataDir);
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Pulsar broker exited with " + process.exitValue() + "; see " + dataDir.resolve("broker.log"));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(httpUrl() + "/admin/v2/brokers/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        stop();
        throw new IOException("Pulsar broker not ready after " + timeout + "; see " + dataDir.resolve("broker.log"));
    }

    /** Creates the tenant and namespace of the domain events if missing (409 means they exist), with infinite retention. */
    private void provisionNamespace() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(URI.create(httpUrl() + "/admin/v2/tenants/" + TENANT))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"allowedClusters\":[\"standalone\"]}")).build(),
                HttpResponse.BodyHandlers.discarding());
        http.send(HttpRequest.newBuilder(URI.create(httpUrl() + "/admin/v2/namespaces/" + NAMESPACE))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        // the event stream is the system's history: kept whether or not a subscription has read it (replays, new consumers)
        http.send(HttpRequest.newBuilder(URI.create(httpUrl() + "/admin/v2/namespaces/" + NAMESPACE + "/retention"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"retentionTimeInMinutes\":-1,\"retentionSizeInMB\":-1}")).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /**
     * A broker still running on this data folder was left by a run that died without stopping it: it holds the
     * bookkeeper's RocksDB lock and the ports, so it is stopped (SIGTERM, SIGKILL after 30 s) before ours starts.
     */
    static void stopLeftover(Path dataDir) {
        Path conf = dataDir.resolve("standalone.conf");
        LeftoverProcesses.stop(LeftoverProcesses.find(args -> args.contains(STARTER) && LeftoverProcesses.hasOption(args, "--config", conf)),
                "Pulsar broker on " + dataDir, "TERM", 30);
    }

    private static boolean free(int[] ports) {
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    public String serviceUrl() {
        return "pulsar://127.0.0.1:" + brokerPort;
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + webPort;
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** Stops the broker with SIGTERM (then SIGKILL after 30 s); its data stays. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Starts the stopped broker again on the same ports and data. */
    public void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
