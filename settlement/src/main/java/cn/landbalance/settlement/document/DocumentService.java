package cn.landbalance.settlement.document;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Issues printed documents under a verification code and answers whether a code names a genuine document that is still
 * current. Printing the same content again hands out the same file under the same code; printing after the subject
 * changed issues a new document, and the earlier one then verifies as genuine but superseded.
 */
public final class DocumentService {
    /** Lays the content out as a file (PDF) carrying its code and issue moment. */
    public interface Renderer {
        byte[] render(DocumentContent content, String code, Instant issuedAt);
    }

    /** The content each kind of subject would be printed with now; empty when it can no longer be printed. */
    public interface CurrentContent {
        Optional<DocumentContent> of(DocumentKind kind, long subjectId);
    }

    public record Printed(IssuedDocument document, byte[] file) {
    }

    /**
     * MALFORMED: not a code (wrong length, characters or check character); UNKNOWN: no document has it; ALTERED: the
     * stored document disagrees with its audit entry or its own hash; CURRENT: genuine, and its subject would be printed
     * the same today; SUPERSEDED: genuine, but its subject has changed since.
     */
    public enum Verdict { MALFORMED, UNKNOWN, ALTERED, CURRENT, SUPERSEDED }

    /**
     * @param issued      the document as issued (null for MALFORMED and UNKNOWN)
     * @param now         what its subject would be printed with today (null when it cannot be)
     * @param fileMatches whether a file handed in is the one issued (null when none was handed in)
     * @param sealed      whether the audit entry is already sealed in the hash chain
     */
    public record Verification(Verdict verdict, String code, IssuedDocument issued, DocumentContent now, Boolean fileMatches,
                               boolean sealed) {
        public boolean genuine() {
            return verdict == Verdict.CURRENT || verdict == Verdict.SUPERSEDED;
        }
    }

    private final IssuedDocuments documents;
    private final CurrentContent current;
    private final Clock clock;

    public DocumentService(IssuedDocuments documents, CurrentContent current, Clock clock) {
        this.documents = documents;
        this.current = current;
        this.clock = clock;
    }

    /** The document for this content: the one issued before when the content is the same, else a new one. */
    public Printed print(DocumentContent content, Renderer renderer) {
        String sha = content.sha256();
        Optional<IssuedDocument> earlier = documents.find(content.kind(), content.subjectId(), sha);
        if (earlier.isPresent()) {
            byte[] stored = documents.file(earlier.get().id());
            // a stored copy that is no longer the file issued is not handed out again
            if (!DocumentContent.sha256(stored).equals(earlier.get().fileSha256())) {
                throw new DomainException(ErrorCode.DOCUMENT_ALTERED);
            }
            return new Printed(earlier.get(), stored);
        }
        String code = VerificationCode.next();
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byte[] file = renderer.render(content, code, issuedAt);
        IssuedDocument issued = documents.issue(code, content, sha, file, DocumentContent.sha256(file), issuedAt);
        return new Printed(issued, issued.code().equals(code) ? file : documents.file(issued.id()));
    }

    /** What the code names; with {@code file} (may be null), also whether that file is the one issued. */
    public Verification verify(String typed, byte[] file) {
        Optional<String> code = VerificationCode.normalize(typed);
        if (code.isEmpty()) {
            return new Verification(Verdict.MALFORMED, null, null, null, null, false);
        }
        Optional<IssuedDocument> found;
        try {
            found = documents.byCode(code.get());
        } catch (IssuedDocuments.Unreadable unreadable) {
            return new Verification(Verdict.ALTERED, code.get(), null, null, null, false);
        }
        if (found.isEmpty()) {
            return new Verification(Verdict.UNKNOWN, code.get(), null, null, null, false);
        }
        IssuedDocument issued = found.get();
        IssuedDocuments.AuditEvidence evidence = documents.evidence(issued);
        Boolean fileMatches = file == null ? null : DocumentContent.sha256(file).equals(issued.fileSha256());
        boolean sealed = evidence.linkIntact() != null;
        if (!evidence.holds() || !issued.content().sha256().equals(issued.contentSha256())) {
            return new Verification(Verdict.ALTERED, code.get(), issued, null, fileMatches, sealed);
        }
        DocumentContent now = current.of(issued.content().kind(), issued.content().subjectId()).orElse(null);
        Verdict verdict = now != null && now.sha256().equals(issued.contentSha256()) ? Verdict.CURRENT : Verdict.SUPERSEDED;
        return new Verification(verdict, code.get(), issued, now, fileMatches, sealed);
    }
}
