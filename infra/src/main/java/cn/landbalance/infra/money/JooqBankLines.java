package cn.landbalance.infra.money;

import cn.landbalance.ledger.common.Sha256;
import cn.landbalance.infra.audit.AuditTrail;
import cn.landbalance.infra.jooq.tables.records.BankLineRecord;
import cn.landbalance.infra.jooq.tables.records.BankReconciliationRecord;
import cn.landbalance.settlement.fund.BankLines;
import cn.landbalance.settlement.fund.BankStatement;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;

import static cn.landbalance.infra.jooq.Tables.BANK_LINE;
import static cn.landbalance.infra.jooq.Tables.BANK_RECONCILIATION;

@Singleton
public class JooqBankLines implements BankLines {
    private final DSLContext db;
    private final AuditTrail audit;

    public JooqBankLines(DSLContext db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    @Override
    public Run insertRun(Run run, long countyId) {
        BankReconciliationRecord r = db.newRecord(BANK_RECONCILIATION);
        r.setTownshipId(run.townshipId());
        r.setCountyId(countyId);
        r.setFileSha256(run.fileSha256());
        r.setFileName(run.fileName());
        r.setPeriodFrom(run.from());
        r.setPeriodTo(run.to());
        r.setLinesRead(run.linesRead());
        r.setLinesNew(run.linesNew());
        r.setMatched(run.matched());
        r.setOpenLines(run.open());
        r.setBankBalanceFen(run.bankBalanceFen());
        r.setBookBalanceFen(run.bookBalanceFen());
        r.setBalanced(run.balanced());
        r.setReconciledBy(run.reconciledBy());
        r.setCreatedAt(run.at());
        r.store();
        return toRun(r);
    }

    /**
     * A line's fingerprint is its date, amount, serial, counterparty, memo and balance, and its occurrence among identical
     * lines of the same statement (two equal transfers on one day stay two lines).
     */
    @Override
    public Stored store(long townshipId, long countyId, long runId, List<BankStatement.Line> lines) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> fingerprints = new ArrayList<>(lines.size());
        for (BankStatement.Line l : lines) {
            String content = l.date() + "|" + l.amountFen() + "|" + l.reference() + "|" + l.counterparty() + "|" + l.memo()
                    + "|" + l.balanceFen();
            fingerprints.add(Sha256.hex(content + "#" + seen.merge(content, 1, Integer::sum)));
        }
        Map<String, BankLineRecord> known = new HashMap<>();
        db.fetch("select b.* from bank_line b join unnest(?::text[]) as f(fingerprint) on f.fingerprint = b.fingerprint "
                + "where b.township_id = ?", fingerprints.toArray(String[]::new), townshipId).into(BANK_LINE)
                .forEach(r -> known.put(r.getFingerprint(), r));
        List<Integer> fresh = new ArrayList<>();
        Set<String> adding = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!known.containsKey(fingerprints.get(i)) && adding.add(fingerprints.get(i))) {
                fresh.add(i);
            }
        }
        // new lines in one insert over arrays; their ids come back matched by fingerprint
        if (!fresh.isEmpty()) {
            List<BankStatement.Line> adds = fresh.stream().map(lines::get).toList();
            db.fetch("""
                            insert into bank_line (township_id, county_id, fingerprint, first_run_id, line_date, amount_fen,
                                                   reference, counterparty, memo, balance_fen, status, updated_at)
                            select ?, ?, fingerprint, ?, line_date::date, amount_fen, reference, counterparty, memo, balance_fen,
                                   'OPEN', ?::timestamptz
                            from unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::bigint[])
                                 with ordinality as l(fingerprint, line_date, amount_fen, reference, counterparty, memo,
                                                      balance_fen, n)
                            order by n
                            returning *""",
                    townshipId, countyId, runId, OffsetDateTime.now(),
                    fresh.stream().map(fingerprints::get).toArray(String[]::new),
                    adds.stream().map(l -> l.date().toString()).toArray(String[]::new),
                    adds.stream().map(BankStatement.Line::amountFen).toArray(Long[]::new),
                    adds.stream().map(l -> cut(l.reference(), 128)).toArray(String[]::new),
                    adds.stream().map(l -> cut(l.counterparty(), 200)).toArray(String[]::new),
                    adds.stream().map(l -> cut(l.memo(), 200)).toArray(String[]::new),
                    adds.stream().map(BankStatement.Line::balanceFen).toArray(Long[]::new))
                    .into(BANK_LINE).forEach(r -> known.put(r.getFingerprint(), r));
        }
        int added = fresh.size();
        List<StoredLine> stored = fingerprints.stream().map(f -> toLine(known.get(f))).toList();
        db.update(BANK_RECONCILIATION).set(BANK_RECONCILIATION.LINES_NEW, added).where(BANK_RECONCILIATION.ID.eq(runId)).execute();
        return new Stored(stored, added);
    }

    @Override
    public Run finishRun(long runId, int linesNew, int matched, int open, Long bankBalanceFen, long bookBalanceFen,
                         Boolean balanced) {
        BankReconciliationRecord r = db.selectFrom(BANK_RECONCILIATION).where(BANK_RECONCILIATION.ID.eq(runId)).fetchSingle();
        r.setLinesNew(linesNew);
        r.setMatched(matched);
        r.setOpenLines(open);
        r.setBankBalanceFen(bankBalanceFen);
        r.setBookBalanceFen(bookBalanceFen);
        r.setBalanced(balanced);
        r.store();
        audit.record("bank.reconciled", "bank-reconciliation", r.getId(), r.getCountyId(), "townshipId", r.getTownshipId(),
                "fileSha256", r.getFileSha256(), "from", r.getPeriodFrom().toString(), "to", r.getPeriodTo().toString(),
                "lines", r.getLinesRead(), "matched", matched, "balanced", balanced);
        return toRun(r);
    }

    @Override
    public void markMatched(List<Long> lineIds) {
        if (!lineIds.isEmpty()) {
            db.execute("""
                    update bank_line b set status = 'MATCHED', updated_at = ?::timestamptz
                    from unnest(?::bigint[]) as m(id) where b.id = m.id and b.status = 'OPEN'""",
                    OffsetDateTime.now(), lineIds.toArray(Long[]::new));
        }
    }

    @Override
    public Optional<StoredLine> lock(long lineId) {
        return db.selectFrom(BANK_LINE).where(BANK_LINE.ID.eq(lineId)).forUpdate().fetchOptional(JooqBankLines::toLine);
    }

    @Override
    public void markBooked(long lineId, BookedAs bookedAs, String reason, long transferId) {
        BankLineRecord r = db.selectFrom(BANK_LINE).where(BANK_LINE.ID.eq(lineId)).fetchSingle();
        r.setStatus(Status.BOOKED);
        r.setBookedAs(bookedAs);
        r.setBookedReason(cut(reason, 200));
        r.setTransferId(transferId);
        r.setUpdatedAt(OffsetDateTime.now());
        r.store();
        audit.record("bank_line.booked", "bank-line", lineId, r.getCountyId(), "townshipId", r.getTownshipId(),
                "amountFen", r.getAmountFen(), "bookedAs", bookedAs.name(), "reason", reason, "transferId", transferId);
    }

    @Override
    public void note(long lineId, String note) {
        BankLineRecord r = db.selectFrom(BANK_LINE).where(BANK_LINE.ID.eq(lineId)).fetchSingle();
        r.setNote(note == null || note.isBlank() ? null : cut(note, 200));
        r.setUpdatedAt(OffsetDateTime.now());
        r.store();
        audit.record("bank_line.noted", "bank-line", lineId, r.getCountyId(), "note", r.getNote());
    }

    @Override
    public List<StoredLine> ofTownship(long townshipId, Status status) {
        Condition where = BANK_LINE.TOWNSHIP_ID.eq(townshipId);
        if (status != null) {
            where = where.and(BANK_LINE.STATUS.eq(status));
        }
        return db.selectFrom(BANK_LINE).where(where).orderBy(BANK_LINE.LINE_DATE.desc(), BANK_LINE.ID.desc()).limit(1000)
                .fetch(JooqBankLines::toLine);
    }

    @Override
    public List<Run> runs(long townshipId) {
        return db.selectFrom(BANK_RECONCILIATION).where(BANK_RECONCILIATION.TOWNSHIP_ID.eq(townshipId))
                .orderBy(BANK_RECONCILIATION.ID.desc()).limit(200).fetch(JooqBankLines::toRun);
    }

    private static StoredLine toLine(BankLineRecord r) {
        return new StoredLine(r.getId(), r.getTownshipId(), r.getLineDate(), r.getAmountFen(), r.getReference(),
                r.getCounterparty(), r.getMemo(), r.getBalanceFen(), r.getStatus(), r.getNote(),
                r.getBookedAs() == null ? null : r.getBookedAs(), r.getTransferId());
    }

    private static Run toRun(BankReconciliationRecord r) {
        return new Run(r.getId(), r.getTownshipId(), r.getFileSha256(), r.getFileName(), r.getPeriodFrom(), r.getPeriodTo(),
                r.getLinesRead(), r.getLinesNew(), r.getMatched(), r.getOpenLines(), r.getBankBalanceFen(),
                r.getBookBalanceFen(), r.getBalanced(), r.getReconciledBy(), r.getCreatedAt());
    }

    private static String cut(String text, int max) {
        String t = text == null ? "" : text.strip();
        return t.length() <= max ? t : t.substring(0, max);
    }

}
