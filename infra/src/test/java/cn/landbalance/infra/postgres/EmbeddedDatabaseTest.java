package cn.landbalance.infra.postgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
