package cn.landbalance.api.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/run builds only when it must (bin/build-needed decides): with no jar yet, when a build input is newer than the
 * jar, or when asked; never for files the build writes or downloads (target, node_modules, dist).
 */
class RunCommandBuildsOnlyWhenNeededTest {
    private static final Instant BUILT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void buildsOnlyWhenAnInputChangedSinceTheLastBuild(@TempDir Path repo) throws Exception {
        Path script = Path.of("..", "bin", "build-needed").toAbsolutePath().normalize();
        assertTrue(Files.isExecutable(script), script.toString());
        Result first = run(script, repo, Map.of());
        assertEquals(0, first.exit(), first.output());
        assertTrue(first.output().contains("no build yet"), first.output());

        touch(repo.resolve("pom.xml"), BUILT.minusSeconds(3600));
        touch(repo.resolve("ledger/src/main/java/Lot.java"), BUILT.minusSeconds(3600));
        touch(repo.resolve("web-admin/src/App.vue"), BUILT.minusSeconds(3600));
        Files.createDirectories(repo.resolve("infra/pulsar-broker/target/lib"));
        touch(repo.resolve("api/target/landbalance.jar"), BUILT);
        assertEquals(1, run(script, repo, Map.of()).exit(), "the last build is current");

        touch(repo.resolve("web-admin/node_modules/vue/index.js"), BUILT.plusSeconds(60));
        touch(repo.resolve("api/target/classes/Generated.class"), BUILT.plusSeconds(60));
        touch(repo.resolve("web-admin/dist/index.html"), BUILT.plusSeconds(60));
        assertEquals(1, run(script, repo, Map.of()).exit(), "what the build writes or downloads is not an input");
        Result forced = run(script, repo, Map.of("LANDBALANCE_REBUILD", "1"));
        assertEquals(0, forced.exit(), "asked to build");

        touch(repo.resolve("web-admin/src/App.vue"), BUILT.plusSeconds(60));
        Result changed = run(script, repo, Map.of());
        assertEquals(0, changed.exit(), changed.output());
        assertTrue(changed.output().contains("App.vue"), "it says what changed: " + changed.output());
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path script, Path dir, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("LANDBALANCE_REBUILD");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }

    private static void touch(Path file, Instant at) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        Files.setLastModifiedTime(file, FileTime.from(at));
    }
}
