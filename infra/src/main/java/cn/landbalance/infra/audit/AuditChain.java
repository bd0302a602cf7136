package cn.landbalance.infra.audit;
import io.micronaut.core.annotation.Nullable;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * The audit log's hash chain: entry n's hash is sha256(hash of entry n-1 + the entry's fields), in seal order
 * ({@code seq}); the first entry chains from 64 zeros. {@link #verify} recomputes it and names the first broken link.
 * Plain JDBC, so the command below runs without the application: {@code bin/audit-verify}.
 */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);

    /** What a verification found: {@code firstBrokenSeq} is null when every link holds. */
    public record Verification(boolean ok, long sealed, long unsealed, @Nullable Long firstBrokenSeq,
                               @Nullable String problem) {
    }

    private AuditChain() {
    }

    /** The hash of one entry after {@code prevHash}; fields joined with a separator no field can contain unescaped. */
    public static String hash(String prevHash, long id, String action, String aggregateType, long aggregateId, Long countyId,
                              String actor, OffsetDateTime occurredAt, String payload) {
        String text = String.join("\u001f", prevHash, Long.toString(id), action, aggregateType, Long.toString(aggregateId),
                countyId == null ? "" : countyId.toString(), actor, occurredAt.toInstant().toString(), payload);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Walks the sealed entries in seq order and recomputes every link. */
    public static Verification verify(Connection c) throws SQLException {
        long unsealed;
        try (ResultSet rs = c.createStatement().executeQuery("select count(*) from audit_entry where seq is null")) {
            rs.next();
            unsealed = rs.getLong(1);
        }
        String prev = GENESIS;
        long expectedSeq = 1;
        long sealed = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                select seq, id, action, aggregate_type, aggregate_id, county_id, actor, occurred_at, payload, prev_hash, hash
                from audit_entry where seq is not null order by seq""")) {
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    if (seq != expectedSeq) {
                        return new Verification(false, sealed, unsealed, expectedSeq, "entry with seq " + expectedSeq + " is missing");
                    }
                    Long county = rs.getObject(6) == null ? null : rs.getLong(6);
                    String recomputed = hash(prev, rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), county,
                            rs.getString(7), rs.getObject(8, OffsetDateTime.class), rs.getString(9));
                    if (!prev.equals(rs.getString(10))) {
                        return new Verification(false, sealed, unsealed, seq, "prev_hash does not match the hash of entry " + (seq - 1));
                    }
                    if (!recomputed.equals(rs.getString(11))) {
                        return new Verification(false, sealed, unsealed, seq, "the entry's content does not match its hash (entry id " + rs.getLong(2) + ")");
                    }
                    prev = recomputed;
                    expectedSeq++;
                    sealed++;
                }
            }
        }
        return new Verification(true, sealed, unsealed, null, null);
    }

    /**
     * {@code bin/audit-verify}: verifies the chain of the database at DATABASE_URL (jdbc:postgresql://…, with
     * DATABASE_USER and DATABASE_PASSWORD) and prints the first broken link; exit status 0 when intact, 1 when not.
     */
    public static void main(String[] args) throws SQLException {
        // the command's report goes to standard output in UTF-8, whatever the platform's default encoding
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        String url = args.length > 0 ? args[0] : System.getenv("DATABASE_URL");
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            out.println("usage: audit-verify jdbc:postgresql://host:port/db  (or DATABASE_URL; DATABASE_USER, DATABASE_PASSWORD)");
            System.exit(2);
        }
        try (Connection c = DriverManager.getConnection(url, System.getenv("DATABASE_USER"), System.getenv("DATABASE_PASSWORD"))) {
            Verification v = verify(c);
            if (v.ok()) {
                out.println("audit chain intact: " + v.sealed() + " sealed entries, " + v.unsealed() + " waiting to be sealed");
            } else {
                out.println("audit chain BROKEN at seq " + v.firstBrokenSeq() + ": " + v.problem() + " (" + v.sealed()
                        + " entries verified before it)");
                System.exit(1);
            }
        }
    }
}
