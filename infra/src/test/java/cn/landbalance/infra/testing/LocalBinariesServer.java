package cn.landbalance.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The machine's own PostgreSQL binaries in a throw-away data directory. PostgreSQL refuses to run as
 * root, so as root the server runs as the {@code postgres} system user through {@code runuser}.
 */
final class LocalBinariesServer implements PostgresServer {
    private final Path binDir;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgresUser;

    private String serverOptions;

    private LocalBinariesServer(Path binDir, Path dataDir, int port, boolean asPostgresUser) {
        this.binDir = binDir;
        this.dataDir = dataDir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** A step of starting or stopping a server. */
    interface Step<T> {
        T run() throws IOException, InterruptedException;
    }

    /** Runs {@code step}; a test has nothing better to do with its checked failures than to fail. */
    static <T> T unchecked(Step<T> step) {
        try {
            return step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The machine's binaries, or a failure naming what needs them. */
    static Path requireBinDir(String neededBy) {
        return findBinDir().orElseThrow(() -> new AssertionError(
                neededBy + " needs the machine's PostgreSQL binaries (/usr/lib/postgresql/N/bin)"));
    }

    static Optional<Path> findBinDir() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(bin -> versionOf(bin.getParent())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int versionOf(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static LocalBinariesServer start(Path binDir) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path base = Files.createTempDirectory("landbalance-pg-");
        Path dataDir = base.resolve("data");
        if (root) {
            run(List.of("chown", "postgres:postgres", base.toString()), false);
        }
        int port = freePort();
        LocalBinariesServer server = new LocalBinariesServer(binDir, dataDir, port, root);
        server.pg(List.of(binDir.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", "postgres",
                "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"));
        server.serverOptions = "-p " + port + " -k " + base + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        server.resume();
        return server;
    }

    /**
     * A hot standby of {@code primary}: a base backup streamed from it ({@code pg_basebackup -R}), started on a port of
     * its own, replaying the primary's WAL as it comes. Read-only, like a reporting replica in production.
     */
    static LocalBinariesServer standbyOf(LocalBinariesServer primary) throws IOException, InterruptedException {
        Path base = Files.createTempDirectory("landbalance-pg-standby-");
        if (primary.asPostgresUser) {
            run(List.of("chown", "postgres:postgres", base.toString()), false);
        }
        Path dataDir = base.resolve("data");
        int port = freePort();
        LocalBinariesServer standby = new LocalBinariesServer(primary.binDir, dataDir, port, primary.asPostgresUser);
        standby.pg(List.of(primary.binDir.resolve("pg_basebackup").toString(), "-D", dataDir.toString(),
                "-h", "127.0.0.1", "-p", String.valueOf(primary.port), "-U", "postgres", "-R", "-X", "stream", "--no-sync"));
        standby.serverOptions = "-p " + port + " -k " + base + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c max_connections=200 -c hot_standby=on";
        standby.resume();
        return standby;
    }

    /** Stops the server but keeps its data: an outage. */
    void pause() throws IOException, InterruptedException {
        pg(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
    }

    /** Starts the server (again) on the same port with the same data. */
    void resume() throws IOException, InterruptedException {
        pg(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-w", "-t", "60",
                "-l", dataDir.getParent().resolve("server.log").toString(), "-o", serverOptions, "start"));
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public String user() {
        return "postgres";
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public void stop() {
        try {
            pg(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "-w",
                    "stop"));
        } catch (IOException | InterruptedException e) {
            // the JVM is exiting; nothing more to do than try the directory
        }
        deleteTree(dataDir.getParent());
    }

    private void pg(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, true);
    }

    private static void run(List<String> command, boolean check) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        if (check && process.exitValue() != 0) {
            throw new IOException("failed (" + process.exitValue() + "): " + command + "\n" + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary directory
        }
    }
}
