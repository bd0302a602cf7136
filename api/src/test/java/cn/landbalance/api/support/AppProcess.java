package cn.landbalance.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application run as its own operating-system process, as the run command runs it (its main method, the
 * production logging configuration), so that a test can kill it with SIGKILL and start it again. Its output goes to
 * {@code HOME/app.log}.
 */
public final class AppProcess {
    private final Path home;
    private final int port;
    private final Map<String, String> env;

    /** {@code env} is added to the demo password, JWT secret, home and port every test run uses. */
    public AppProcess(Path home, Map<String, String> env) {
        this.home = home;
        this.port = freePort();
        this.env = new HashMap<>(env);
        this.env.put("DEMO_PASSWORD", ApiTest.DEMO_PASSWORD);
        this.env.put("LANDBALANCE_DEMO_WORK", "false");
        this.env.put("JWT_SECRET", ApiTest.JWT_SECRET);
        this.env.put("LANDBALANCE_HOME", home.toString());
        this.env.put("PORT", Integer.toString(port));
    }

    public ApiClient api() {
        return new ApiClient(URI.create("http://127.0.0.1:" + port));
    }

    public Path home() {
        return home;
    }

    public String log() throws IOException {
        return Files.exists(logFile()) ? Files.readString(logFile()) : "";
    }

    private Path logFile() {
        return home.resolve("app.log");
    }

    /** Starts the process without waiting for it. */
    public Process launch() throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the production logging configuration, not the tests'
        String logback = Path.of("target", "classes", "logback.xml").toAbsolutePath().toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xmx512m", "-Dlogback.configurationFile=" + logback,
                "-cp", System.getProperty("java.class.path"), "cn.landbalance.api.Application");
        Map<String, String> environment = pb.environment();
        for (String inherited : new String[]{"DATABASE_URL", "PULSAR_URL", "DATASOURCES_DEFAULT_URL"}) {
            environment.remove(inherited);
        }
        environment.putAll(env);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        return pb.start();
    }

    /** Starts the process and waits until {@code /health} answers 200. */
    public Process start(int timeoutSeconds) throws Exception {
        Process process = launch();
        ApiClient api = api();
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (api.get("/health", null).status() == 200) {
                    return process;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(250);
        }
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        throw new AssertionError("the application did not start:\n" + Files.readString(logFile()));
    }

    public static String login(ApiClient api, String user) {
        return api.post("/api/auth/login", null, Json.object("username", user, "password", ApiTest.DEMO_PASSWORD))
                .string("access_token");
    }

    public static Path createHome(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
