package cn.landbalance.infra.tx;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Rows a transaction appends as it goes (its domain events, its audit entries) and writes just before it commits: one
 * statement per kind, all of them sent to the database in one round trip. A settlement's seven events and their seven
 * audit entries cost one exchange with the database, not fourteen. They commit or roll back with the transaction exactly
 * as if written one by one. There is no such row without a transaction.
 */
@Singleton
public class AtCommit {
    /** Bulk transactions write their rows in statements of this many rows ... */
    private static final int ROWS_PER_STATEMENT = 5_000;
    /** ... and send them in exchanges of at most about this many values (PostgreSQL takes 65 535 per statement). */
    private static final int MAX_BINDS_PER_EXCHANGE = 20_000;
    /**
     * Renders a batch of rows of one kind as one SQL statement with {@code ?} placeholders, adding their values to
     * {@code binds} in placeholder order. Nothing may read these rows before the transaction commits.
     */
    @FunctionalInterface
    public interface Writer<T> {
        String statement(List<T> rows, List<Object> binds);
    }

    /**
     * {@code insert into table (columns) select ... from unnest(...)}: the rows' values passed as one text array per
     * column (each value's {@code toString()}), cast to {@code types} and inserted in the rows' order. The statement's
     * text is the same however many rows there are, so PostgreSQL parses it once per connection, and a bulk
     * transaction's thousands of rows cost a handful of values to send, not tens of thousands.
     */
    public static <T> String insertColumns(String table, List<String> columns, List<String> types, List<T> rows,
                                           Function<T, List<Object>> values, List<Object> binds) {
        String[][] arrays = new String[columns.size()][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = values.apply(rows.get(r));
            for (int c = 0; c < columns.size(); c++) {
                arrays[c][r] = row.get(c) == null ? null : row.get(c).toString();
            }
        }
        StringJoiner select = new StringJoiner(", ", " select ", "");
        StringJoiner unnest = new StringJoiner(", ", " from unnest(", ")");
        StringJoiner names = new StringJoiner(", ", " with ordinality as t(", ", row_number) order by row_number");
        for (int c = 0; c < columns.size(); c++) {
            select.add("c" + c + "::" + types.get(c));
            unnest.add("?::text[]");
            names.add("c" + c);
            binds.add(arrays[c]);
        }
        return "insert into " + table + " (" + String.join(", ", columns) + ")" + select + unnest + names;
    }

    private final TransactionOperations<Connection> tx;
    private final DSLContext db;
    private final Map<Connection, Pending> pending = new ConcurrentHashMap<>();

    public AtCommit(TransactionOperations<Connection> tx, DSLContext db) {
        this.tx = tx;
        this.db = db;
    }

    /** Appends {@code row} to what {@code writer} writes when the current transaction commits. */
    public <T> void append(Writer<T> writer, T row) {
        TransactionStatus<?> current = tx.findTransactionStatus().orElseThrow(() -> new IllegalStateException(
                "a row written at commit needs a transaction: the change it records must have one"));
        Connection connection = (Connection) current.getConnection();
        Pending rows = pending.get(connection);
        if (rows == null) {
            rows = new Pending(connection);
            pending.put(connection, rows);
            current.registerSynchronization(rows);
        }
        rows.append(writer, row);
    }

    /** One transaction's rows, by writer, in the order they were appended. */
    private final class Pending implements TransactionSynchronization {
        private final Connection connection;
        private final Map<Writer<?>, List<Object>> rows = new LinkedHashMap<>();

        Pending(Connection connection) {
            this.connection = connection;
        }

        void append(Writer<?> writer, Object row) {
            rows.computeIfAbsent(writer, w -> new ArrayList<>()).add(row);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void beforeCommit(boolean readOnly) {
            if (rows.isEmpty()) {
                return;
            }
            StringBuilder sql = new StringBuilder();
            List<Object> binds = new ArrayList<>();
            for (Map.Entry<Writer<?>, List<Object>> batch : rows.entrySet()) {
                List<Object> all = batch.getValue();
                for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
                    List<Object> chunk = all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT));
                    sql.append(sql.isEmpty() ? "" : ";\n").append(((Writer) batch.getKey()).statement(chunk, binds));
                    if (binds.size() > MAX_BINDS_PER_EXCHANGE) { // a bulk transaction (a plan import): several exchanges
                        db.execute(sql.toString(), binds.toArray());
                        sql.setLength(0);
                        binds.clear();
                    }
                }
            }
            rows.clear();
            if (!sql.isEmpty()) {
                db.execute(sql.toString(), binds.toArray()); // PgJDBC sends the statements together and waits once
            }
        }

        @Override
        public void afterCompletion(Status status) {
            pending.remove(connection, this);
        }
    }
}
