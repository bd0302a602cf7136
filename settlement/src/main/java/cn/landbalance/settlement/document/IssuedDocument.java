package cn.landbalance.settlement.document;

import java.time.Instant;

/**
 * A document as it was issued: its code, what it said, the SHA-256 of that content and of the file handed out, when and
 * by whom. Never changed; a later printing that says something else is another document with another code.
 */
public record IssuedDocument(long id, String code, DocumentContent content, String contentSha256, String fileSha256,
                             Instant issuedAt, String issuedBy) {
}
