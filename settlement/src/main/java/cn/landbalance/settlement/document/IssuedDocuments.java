package cn.landbalance.settlement.document;

import java.time.Instant;
import java.util.Optional;

/** Where issued documents are kept, each with its entry in the audit log. */
public interface IssuedDocuments {
    /** The document already issued for this content of this subject. */
    Optional<IssuedDocument> find(DocumentKind kind, long subjectId, String contentSha256);

    Optional<IssuedDocument> byCode(String code);

    /** The file handed out when the document was issued, byte for byte. */
    byte[] file(long documentId);

    /**
     * Keeps a new document and records {@code document.issued} in the audit log with its code and both hashes, in the
     * caller's transaction. When the same content of the same subject was issued meanwhile (another printing at the same
     * moment), nothing is written and that one is returned.
     */
    IssuedDocument issue(String code, DocumentContent content, String contentSha256, byte[] file, String fileSha256,
                         Instant issuedAt);

    /**
     * What the audit log says of an issued document: whether its {@code document.issued} entry exists and names the
     * same code and hashes, and whether that entry's link in the hash chain holds (null while not yet sealed).
     */
    AuditEvidence evidence(IssuedDocument document);

    /** A stored document whose text can no longer be read (it was altered outside the application). */
    final class Unreadable extends RuntimeException {
        private final String code;

        public Unreadable(String code) {
            super("issued document " + code + " cannot be read");
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    record AuditEvidence(boolean recorded, boolean matches, Boolean linkIntact) {
        public boolean holds() {
            return recorded && matches && !Boolean.FALSE.equals(linkIntact);
        }
    }
}
