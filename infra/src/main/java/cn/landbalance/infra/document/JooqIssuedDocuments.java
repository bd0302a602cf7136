package cn.landbalance.infra.document;

import cn.landbalance.infra.audit.AuditActor;
import cn.landbalance.infra.audit.AuditChain;
import cn.landbalance.infra.audit.AuditTrail;
import cn.landbalance.settlement.document.DocumentContent;
import cn.landbalance.settlement.document.IssuedDocument;
import cn.landbalance.settlement.document.IssuedDocuments;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** Issued documents in {@code issued_document}; their evidence is their {@code document.issued} audit entry. */
@Singleton
public class JooqIssuedDocuments implements IssuedDocuments {
    private static final String COLUMNS = "id, code, content, content_sha256, file_sha256, issued_at, issued_by";

    private final DSLContext db;
    private final AuditTrail audit;
    private final AuditActor actor;
    private final JsonMapper json;

    public JooqIssuedDocuments(DSLContext db, AuditTrail audit, AuditActor actor, JsonMapper json) {
        this.db = db;
        this.audit = audit;
        this.actor = actor;
        this.json = json;
    }

    @Override
    public Optional<IssuedDocument> find(cn.landbalance.settlement.document.DocumentKind kind, long subjectId, String contentSha256) {
        return db.fetchOptional("select " + COLUMNS + " from issued_document where kind = ? and subject_id = ? and content_sha256 = ?",
                kind.name(), subjectId, contentSha256).map(JooqIssuedDocuments::document);
    }

    @Override
    public Optional<IssuedDocument> byCode(String code) {
        return db.fetchOptional("select " + COLUMNS + " from issued_document where code = ?", code).map(JooqIssuedDocuments::document);
    }

    @Override
    public byte[] file(long documentId) {
        return db.fetchValue("select file from issued_document where id = ?", documentId) instanceof byte[] bytes ? bytes
                : new byte[0];
    }

    @Override
    public IssuedDocument issue(String code, DocumentContent content, String contentSha256, byte[] file, String fileSha256,
                                Instant issuedAt) {
        String who = actor.current();
        String by = who.length() > 64 ? who.substring(0, 64) : who;
        Optional<Record> inserted = db.fetchOptional("""
                        insert into issued_document (code, kind, subject_id, county_id, content, content_sha256, file, file_sha256,
                                                     issued_at, issued_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz, ?)
                        on conflict (kind, subject_id, content_sha256) do nothing
                        returning id""", code, content.kind().name(), content.subjectId(), content.countyId(), content.canonical(),
                contentSha256, file, fileSha256, OffsetDateTime.ofInstant(issuedAt, ZoneOffset.UTC), by);
        if (inserted.isEmpty()) {
            return find(content.kind(), content.subjectId(), contentSha256).orElseThrow();
        }
        long id = inserted.get().get(0, Long.class);
        audit.record("document.issued", "document", id, content.countyId(), "code", code, "kind", content.kind().name(),
                "subjectId", content.subjectId(), "contentSha256", contentSha256, "fileSha256", fileSha256,
                "issuedAt", issuedAt.toString());
        return new IssuedDocument(id, code, content, contentSha256, fileSha256, issuedAt, by);
    }

    @Override
    public AuditEvidence evidence(IssuedDocument document) {
        Optional<Record> entry = db.fetchOptional("""
                select id, action, aggregate_type, aggregate_id, county_id, actor, occurred_at, payload, seq, prev_hash, hash
                from audit_entry where aggregate_type = 'document' and aggregate_id = ? and action = 'document.issued'
                order by id limit 1""", document.id());
        if (entry.isEmpty()) {
            return new AuditEvidence(false, false, null);
        }
        Record e = entry.get();
        boolean matches;
        try {
            Map<?, ?> payload = json.readValue(e.get(7, String.class), Map.class);
            matches = document.code().equals(payload.get("code")) && document.contentSha256().equals(payload.get("contentSha256"))
                    && document.fileSha256().equals(payload.get("fileSha256"))
                    && document.content().kind().name().equals(payload.get("kind"))
                    && String.valueOf(document.content().subjectId()).equals(String.valueOf(payload.get("subjectId")))
                    && document.issuedAt().toString().equals(payload.get("issuedAt"));
        } catch (IOException | RuntimeException unreadable) {
            matches = false;
        }
        Long seq = e.get(8, Long.class);
        if (seq == null) {
            return new AuditEvidence(true, matches, null);
        }
        // the entry's own link: its hash recomputed from the link before it, and the next entry chained from it
        String hash = AuditChain.hash(e.get(9, String.class), e.get(0, Long.class), e.get(1, String.class), e.get(2, String.class),
                e.get(3, Long.class), e.get(4, Long.class), e.get(5, String.class), e.get(6, OffsetDateTime.class),
                e.get(7, String.class));
        String before = seq == 1 ? AuditChain.GENESIS
                : db.fetchOptional("select hash from audit_entry where seq = ?", seq - 1).map(r -> r.get(0, String.class)).orElse(null);
        // the entry after it must chain from it and still hash to what it says, so neither can be rewritten alone
        Optional<Record> next = db.fetchOptional("""
                select id, action, aggregate_type, aggregate_id, county_id, actor, occurred_at, payload, prev_hash, hash
                from audit_entry where seq = ?""", seq + 1);
        boolean nextHolds = next.map(n -> hash.equals(n.get(8, String.class)) && AuditChain.hash(n.get(8, String.class),
                n.get(0, Long.class), n.get(1, String.class), n.get(2, String.class), n.get(3, Long.class), n.get(4, Long.class),
                n.get(5, String.class), n.get(6, OffsetDateTime.class), n.get(7, String.class)).equals(n.get(9, String.class)))
                .orElse(true);
        boolean intact = hash.equals(e.get(10, String.class)) && java.util.Objects.equals(e.get(9, String.class), before) && nextHolds;
        return new AuditEvidence(true, matches, intact);
    }

    /** The stored document; its text unreadable (altered by hand) is said so rather than failing the page. */
    private static IssuedDocument document(Record r) {
        try {
            return readable(r);
        } catch (IllegalArgumentException | IndexOutOfBoundsException unreadable) {
            throw new IssuedDocuments.Unreadable(r.get(1, String.class));
        }
    }

    private static IssuedDocument readable(Record r) {
        return new IssuedDocument(r.get(0, Long.class), r.get(1, String.class), DocumentContent.parse(r.get(2, String.class)),
                r.get(3, String.class), r.get(4, String.class), r.get(5, OffsetDateTime.class).toInstant(), r.get(6, String.class));
    }
}
