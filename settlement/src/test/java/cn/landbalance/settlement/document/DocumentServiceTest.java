package cn.landbalance.settlement.document;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issuing and verifying, with the documents kept in memory and the subject's content set by the test. */
class DocumentServiceTest {
    private final Map<Long, DocumentContent> subjects = new HashMap<>();
    private final InMemoryDocuments store = new InMemoryDocuments();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private final DocumentService service = new DocumentService(store,
            (kind, id) -> Optional.ofNullable(subjects.get(id)).filter(c -> c.kind() == kind), clock);
    private final DocumentService.Renderer renderer = (content, code, at) ->
            (code + "|" + at + "|" + content.canonical()).getBytes(StandardCharsets.UTF_8);

    private static DocumentContent notice(String status) {
        return new DocumentContent(DocumentKind.PAYMENT_NOTICE, 7, 1, "陇西县人民政府",
                List.of(new DocumentContent.Line("金额（小写）", "¥780,000.00"), new DocumentContent.Line("状态", status)),
                List.of(), List.of(), "请汇款");
    }

    @Test
    void theSameContentIsTheSameDocumentAndItIsCurrent() {
        subjects.put(7L, notice("待缴款"));
        DocumentService.Printed first = service.print(notice("待缴款"), renderer);
        DocumentService.Printed again = service.print(notice("待缴款"), renderer);
        assertEquals(first.document().code(), again.document().code());
        assertArrayEquals(first.file(), again.file(), "the same bytes, so the file's hash verifies");
        assertEquals(1, store.rows.size());

        DocumentService.Verification v = service.verify(VerificationCode.grouped(first.document().code()).toLowerCase(), first.file());
        assertEquals(DocumentService.Verdict.CURRENT, v.verdict());
        assertTrue(v.genuine());
        assertEquals(Boolean.TRUE, v.fileMatches());
    }

    @Test
    void aChangedSubjectIssuesANewDocumentAndTheOldOneIsSuperseded() {
        subjects.put(7L, notice("待缴款"));
        DocumentService.Printed open = service.print(notice("待缴款"), renderer);
        subjects.put(7L, notice("已到账"));
        DocumentService.Printed paid = service.print(notice("已到账"), renderer);
        assertNotEquals(open.document().code(), paid.document().code());

        DocumentService.Verification old = service.verify(open.document().code(), null);
        assertEquals(DocumentService.Verdict.SUPERSEDED, old.verdict());
        assertEquals("已到账", old.now().value("状态"));
        assertNull(old.fileMatches());
        assertEquals(DocumentService.Verdict.CURRENT, service.verify(paid.document().code(), null).verdict());

        subjects.remove(7L);
        DocumentService.Verification gone = service.verify(paid.document().code(), null);
        assertEquals(DocumentService.Verdict.SUPERSEDED, gone.verdict(), "a subject that can no longer be printed");
        assertNull(gone.now());
    }

    @Test
    void aTamperedFileOrRecordIsNamed() {
        subjects.put(7L, notice("待缴款"));
        DocumentService.Printed printed = service.print(notice("待缴款"), renderer);
        byte[] tampered = printed.file().clone();
        tampered[tampered.length - 3] ^= 1;
        DocumentService.Verification v = service.verify(printed.document().code(), tampered);
        assertEquals(DocumentService.Verdict.CURRENT, v.verdict(), "the record is still genuine");
        assertEquals(Boolean.FALSE, v.fileMatches());

        store.evidence = new IssuedDocuments.AuditEvidence(true, false, true);
        assertEquals(DocumentService.Verdict.ALTERED, service.verify(printed.document().code(), null).verdict());
        store.evidence = new IssuedDocuments.AuditEvidence(true, true, false);
        assertEquals(DocumentService.Verdict.ALTERED, service.verify(printed.document().code(), null).verdict(),
                "a broken link in the chain");
        store.evidence = new IssuedDocuments.AuditEvidence(false, false, null);
        assertEquals(DocumentService.Verdict.ALTERED, service.verify(printed.document().code(), null).verdict(),
                "a document without its audit entry");
        store.evidence = new IssuedDocuments.AuditEvidence(true, true, null);
        assertEquals(DocumentService.Verdict.CURRENT, service.verify(printed.document().code(), null).verdict(),
                "an entry not yet sealed still counts");
        assertFalse(service.verify(printed.document().code(), null).sealed());
    }

    @Test
    void aRecordWhoseContentNoLongerHashesToItsHashIsAltered() {
        subjects.put(7L, notice("待缴款"));
        DocumentService.Printed printed = service.print(notice("待缴款"), renderer);
        IssuedDocument d = store.rows.get(0);
        store.rows.set(0, new IssuedDocument(d.id(), d.code(), notice("已到账"), d.contentSha256(), d.fileSha256(),
                d.issuedAt(), d.issuedBy()));
        assertEquals(DocumentService.Verdict.ALTERED, service.verify(printed.document().code(), null).verdict());
    }

    @Test
    void unknownAndMalformedCodes() {
        assertEquals(DocumentService.Verdict.MALFORMED, service.verify("not a code", null).verdict());
        String unknown = VerificationCode.next();
        DocumentService.Verification v = service.verify(unknown, null);
        assertEquals(DocumentService.Verdict.UNKNOWN, v.verdict());
        assertEquals(unknown, v.code());
        assertFalse(v.genuine());
    }

    @Test
    void theCanonicalTextReadsBackAndIgnoresControlCharacters() {
        DocumentContent c = new DocumentContent(DocumentKind.BALANCE_CONFIRMATION, 12, 1, "陇西县人民政府",
                List.of(new DocumentContent.Line("转出主体", "甘肃\u001f某\u001e公司\n")), List.of("落实方式", "面积(公顷)"),
                List.of(List.of("购买指标", "1.0000"), List.of("缴纳费用", "")), null);
        DocumentContent back = DocumentContent.parse(c.canonical());
        assertEquals("甘肃 某 公司 ", back.value("转出主体"));
        assertEquals(c.header(), back.header());
        assertEquals(c.rows(), back.rows());
        assertEquals("", back.note());
        assertEquals(back.sha256(), DocumentContent.parse(back.canonical()).sha256());
        assertEquals(64, c.sha256().length());
    }

    @Test
    void aStoredCopyThatIsNoLongerTheIssuedFileIsNotHandedOutAgain() {
        subjects.put(7L, notice("待缴款"));
        DocumentService.Printed printed = service.print(notice("待缴款"), renderer);
        byte[] altered = printed.file().clone();
        altered[0] ^= 1;
        store.files.put(printed.document().id(), altered);
        cn.landbalance.ledger.common.DomainException refused = org.junit.jupiter.api.Assertions.assertThrows(
                cn.landbalance.ledger.common.DomainException.class, () -> service.print(notice("待缴款"), renderer));
        assertEquals(cn.landbalance.ledger.common.ErrorCode.DOCUMENT_ALTERED, refused.code());
        assertEquals(1, store.rows.size(), "nothing new issued in its place");
    }

    private static final class InMemoryDocuments implements IssuedDocuments {
        final List<IssuedDocument> rows = new ArrayList<>();
        final Map<Long, byte[]> files = new HashMap<>();
        AuditEvidence evidence = new AuditEvidence(true, true, true);

        @Override
        public Optional<IssuedDocument> find(DocumentKind kind, long subjectId, String contentSha256) {
            return rows.stream().filter(d -> d.content().kind() == kind && d.content().subjectId() == subjectId
                    && d.contentSha256().equals(contentSha256)).findFirst();
        }

        @Override
        public Optional<IssuedDocument> byCode(String code) {
            return rows.stream().filter(d -> d.code().equals(code)).findFirst();
        }

        @Override
        public byte[] file(long documentId) {
            return files.get(documentId);
        }

        @Override
        public IssuedDocument issue(String code, DocumentContent content, String contentSha256, byte[] file, String fileSha256,
                                    Instant issuedAt) {
            IssuedDocument d = new IssuedDocument(rows.size() + 1, code, content, contentSha256, fileSha256, issuedAt, "test");
            rows.add(d);
            files.put(d.id(), file);
            return d;
        }

        @Override
        public AuditEvidence evidence(IssuedDocument document) {
            return evidence;
        }
    }
}
