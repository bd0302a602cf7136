package cn.landbalance.infra.postgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run command's embedded default keeps what was written between a stop and the next start. */
class EmbeddedDatabaseTest {
    @Test
    void dataWrittenBeforeAStopIsThereAfterTheNextStart(@TempDir Path home) throws Exception {
        Path data = home.resolve("pgdata");
        try (EmbeddedDatabase first = EmbeddedDatabase.start(data); Connection c = first.connect()) {
            c.createStatement().execute("create table kept (area_m2 bigint)");
            c.createStatement().execute("insert into kept values (881559)");
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.start(data); Connection c = second.connect();
             ResultSet rs = c.createStatement().executeQuery("select area_m2 from kept")) {
            rs.next();
            assertEquals(881_559, rs.getLong(1));
        }
    }

    @Test
    void commitsAreDurable(@TempDir Path home) throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(home.resolve("pgdata")); Connection c = db.connect()) {
            assertEquals("on", show(c, "fsync"), "fsync");
            assertEquals("on", show(c, "synchronous_commit"), "synchronous_commit");
            assertEquals("on", show(c, "full_page_writes"), "full_page_writes");
        }
    }

    @Test
    void aServerLeftRunningOnTheDataDirectoryIsStoppedAndTheNextStartComesUp(@TempDir Path home) throws Exception {
        Path data = home.resolve("pgdata");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process dying = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                DiesWithoutStopping.class.getName(), data.toString()).inheritIO().start();
        assertTrue(dying.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, dying.exitValue());
        long leftover = postmasterPid(data);
        assertTrue(ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false));
        try (EmbeddedDatabase next = EmbeddedDatabase.start(data); Connection c = next.connect();
             ResultSet rs = c.createStatement().executeQuery("select area_m2 from kept")) {
            assertFalse(ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false), "the leftover server stopped");
            rs.next();
            assertEquals(7, rs.getLong(1));
            assertEquals("on", show(c, "fsync"));
        }
    }

    @Test
    void onlyThePostmasterOfThisDataDirectoryIsRecognised(@TempDir Path home) {
        Path data = home.resolve("pgdata");
        assertTrue(EmbeddedDatabase.isPostmasterOf(List.of("/tmp/pg/bin/postgres", "-D", data.toString(), "-p", "5433"), data));
        assertFalse(EmbeddedDatabase.isPostmasterOf(List.of("/tmp/pg/bin/postgres", "-D", home.resolve("other").toString()), data));
        assertFalse(EmbeddedDatabase.isPostmasterOf(List.of("postgres: postgres landbalance 127.0.0.1(5000) idle"), data));
        assertFalse(EmbeddedDatabase.isPostmasterOf(List.of("/usr/bin/vim", "-D", data.toString()), data));
    }

    private static long postmasterPid(Path data) throws Exception {
        return Long.parseLong(java.nio.file.Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
    }

    private static String show(Connection c, String setting) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
