package cn.landbalance.api.fund;

import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.fund.BankLines;
import cn.landbalance.settlement.fund.BankReconciliations;
import cn.landbalance.settlement.fund.Reconciliation;
import cn.landbalance.settlement.identity.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.transaction.TransactionOperations;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Bank reconciliation of a township fund: the statement as the bank exports it is read, its lines kept once each and
 * matched to the fund's entries, the run recorded with its 余额调节表; a line the books lack is booked (once) or noted.
 */
@Tag(name = "funds")
@Controller("/api/townships/{townshipId}/account")
@Secured({"TOWNSHIP_OFFICER", "COUNTY_ADMIN", "COUNTY_VIEWER"})
public class BankReconciliationController {
    private final Regions regions;
    private final BankReconciliations reconciliations;
    private final BankLines lines;
    private final TransactionOperations<Connection> tx;

    public BankReconciliationController(Regions regions, BankReconciliations reconciliations, BankLines lines,
                                        TransactionOperations<Connection> tx) {
        this.tx = tx;
        this.regions = regions;
        this.reconciliations = reconciliations;
        this.lines = lines;
    }

    /** A statement line; {@code lineId}, {@code status}, {@code note}, {@code bookedAs} are those of the stored line. */
    @Serdeable
    public record BankLineView(int row, LocalDate date, long amountFen, String reference, String counterparty,
                               String memo, @Nullable Long lineId, BankLines.Status status, @Nullable String note,
                               @Nullable BankLines.BookedAs bookedAs) {
    }

    @Serdeable
    public record LedgerEntryView(LocalDate date, long amountFen, String reference, String memo) {
    }

    @Serdeable
    public record MatchView(BankLineView bank, LedgerEntryView ledger, Reconciliation.Basis basis) {
    }

    /** 余额调节表 (see {@link Reconciliation.Adjustment}); amounts in fen. */
    @Serdeable
    public record AdjustmentView(@Nullable Long bankBalanceFen, long bookBalanceFen, long bankReceivedNotBookedFen,
                                 long bankPaidNotBookedFen, long bookReceivedNotBankedFen, long bookPaidNotBankedFen,
                                 @Nullable Long adjustedBankBalanceFen, long adjustedBookBalanceFen,
                                 @Nullable Boolean balanced) {
        static AdjustmentView of(Reconciliation.Adjustment a) {
            return new AdjustmentView(a.bankBalanceFen(), a.bookBalanceFen(), a.bankReceivedNotBookedFen(),
                    a.bankPaidNotBookedFen(), a.bookReceivedNotBankedFen(), a.bookPaidNotBankedFen(),
                    a.adjustedBankBalanceFen(), a.adjustedBookBalanceFen(), a.balanced());
        }
    }

    @Serdeable
    public record RunView(long id, String fileName, String fileSha256, LocalDate from, LocalDate to, int linesRead,
                          int linesNew, int matched, int open, @Nullable Long bankBalanceFen, long bookBalanceFen,
                          @Nullable Boolean balanced, OffsetDateTime at) {
        static RunView of(BankLines.Run r) {
            return new RunView(r.id(), r.fileName(), r.fileSha256(), r.from(), r.to(), r.linesRead(), r.linesNew(), r.matched(),
                    r.open(), r.bankBalanceFen(), r.bookBalanceFen(), r.balanced(), r.at());
        }
    }

    /**
     * {@code unmatchedBankLines}: in the bank, not in the books (银行已收/已付企业未收/未付); {@code unmatchedLedgerEntries}: in
     * the books, not yet in the bank (企业已收/已付银行未收/未付).
     */
    @Serdeable
    public record ReconciliationView(long townshipId, LocalDate from, LocalDate to, List<SettledView> settled,
                                     List<MatchView> matched, List<BankLineView> unmatchedBankLines,
                                     List<LedgerEntryView> unmatchedLedgerEntries, AdjustmentView adjustment, RunView run) {
    }

    /**
     * A line that pays one of the township's payment notices — it quotes the notice's remittance code, or
     * ({@code basis} AMOUNT_AND_PAYER) it is the only line with the amount and payer of the only open notice with them:
     * {@code paid} when it settled the notice (its order or fee), else {@code refusal} says why it stays open (the notice
     * expired, the amount differs…).
     */
    @Serdeable
    public record SettledView(int row, long lineId, long noticeId, String remittanceCode, BankReconciliations.Basis basis,
                              boolean paid, String refusal) {
    }

    @Serdeable
    public record StoredLineView(long id, LocalDate date, long amountFen, String reference, String counterparty,
                                 String memo, @Nullable Long balanceFen, BankLines.Status status, @Nullable String note,
                                 @Nullable BankLines.BookedAs bookedAs, @Nullable Long transferId) {
        static StoredLineView of(BankLines.StoredLine l) {
            return new StoredLineView(l.id(), l.date(), l.amountFen(), l.reference(), l.counterparty(), l.memo(),
                    l.balanceFen(), l.status(), l.note(), l.bookedAs(), l.transferId());
        }
    }

    @Serdeable
    public record Booking(@NotNull BankLines.BookedAs bookedAs, @Nullable @Size(max = 200) String reason) {
    }

    @Serdeable
    public record Note(@Nullable @Size(max = 200) String note) {
    }

    /**
     * Reconciles with the statement as the bank exports it (.xlsx or CSV in UTF-8 or GBK, Chinese headers such as
     * 交易日期/收入金额/支出金额/交易流水号/对方户名/余额, or {@code date,amount,reference,counterparty} with amounts in 元,
     * negative for money out): lines are matched one to one with the fund's entries of the same reference and amount in
     * the statement's period. Lines are stored once (an overlapping statement adds only new ones); the run is recorded.
     */
    @Post("/reconciliations")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel"})
    @Secured({"TOWNSHIP_OFFICER", "COUNTY_ADMIN"})
    @Transactional
    @Idempotent
    public HttpResponse<ReconciliationView> reconcile(Actor actor, @PathVariable long townshipId,
                                                      @Nullable @QueryValue @Size(max = 200) String fileName,
                                                      @Nullable @Body byte[] file) {
        return HttpResponse.ok(run(actor, townshipId, fileName, file));
    }

    /**
     * What importing the statement would do, done and rolled back: the same reply as {@code POST /reconciliations} —
     * which lines are new, which notices they would settle or why not, the matches and the 余额调节表 — with nothing
     * stored, settled or booked. Finance reviews it, then imports.
     */
    @Post("/reconciliations/preview")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel"})
    @Secured({"TOWNSHIP_OFFICER", "COUNTY_ADMIN"})
    @Transactional
    public HttpResponse<ReconciliationView> preview(Actor actor, @PathVariable long townshipId,
                                                    @Nullable @QueryValue @Size(max = 200) String fileName,
                                                    @Nullable @Body byte[] file) {
        ReconciliationView view = run(actor, townshipId, fileName, file);
        tx.findTransactionStatus().orElseThrow().setRollbackOnly();
        return HttpResponse.ok(view);
    }

    private ReconciliationView run(Actor actor, long townshipId, String fileName, byte[] file) {
        Region township = FundController.visibleTownship(regions, actor, townshipId);
        BankReconciliations.Outcome o = reconciliations.reconcile(township, file == null ? new byte[0] : file, fileName,
                actor.userId());
        return new ReconciliationView(township.id(), o.from(), o.to(),
                o.settled().stream().map(x -> new SettledView(x.row(), x.lineId(), x.noticeId(), x.remittanceCode(), x.basis(),
                        x.paid(), x.refusal())).toList(),
                o.result().matched().stream().map(m -> new MatchView(bankView(m.bank(), o), ledgerView(m.ledger()), m.basis())).toList(),
                o.result().unmatchedBankLines().stream().map(b -> bankView(b, o)).toList(),
                o.result().unmatchedLedgerEntries().stream().map(BankReconciliationController::ledgerView).toList(),
                AdjustmentView.of(o.adjustment()), RunView.of(o.run()));
    }

    @Get("/reconciliations")
    @ReadOnly
    public List<RunView> runs(Actor actor, @PathVariable long townshipId) {
        Region township = FundController.visibleTownship(regions, actor, townshipId);
        return lines.runs(township.id()).stream().map(RunView::of).toList();
    }

    /** The statement lines the fund has seen, newest first; {@code status=OPEN} for what is still to be settled. */
    @Get("/bank-lines{?status}")
    @ReadOnly
    public List<StoredLineView> bankLines(Actor actor, @PathVariable long townshipId, @Nullable @QueryValue BankLines.Status status) {
        Region township = FundController.visibleTownship(regions, actor, townshipId);
        return lines.ofTownship(township.id(), status).stream().map(StoredLineView::of).toList();
    }

    /**
     * Books an open line: money in as INTEREST, SUBSIDY or OTHER, or as REFUND (received and paid back to the payer, for
     * money that can settle nothing: a duplicate payment or one after its notice closed, an unknown payer); money out as BANK_CHARGE or OTHER;
     * with a reason.
     */
    @Post("/bank-lines/{lineId}/book")
    @Secured("TOWNSHIP_OFFICER")
    @Transactional
    @Idempotent
    public HttpResponse<StoredLineView> book(Actor actor, @PathVariable long townshipId, @PathVariable long lineId,
                                             @Valid @Body Booking body) {
        Region township = FundController.visibleTownship(regions, actor, townshipId);
        return HttpResponse.ok(StoredLineView.of(reconciliations.book(township, lineId, body.bookedAs(), body.reason())));
    }

    /** Notes why a line stays open (an unknown payer being asked about). */
    @Post("/bank-lines/{lineId}/note")
    @Secured("TOWNSHIP_OFFICER")
    @Transactional
    @Idempotent
    public HttpResponse<StoredLineView> note(Actor actor, @PathVariable long townshipId, @PathVariable long lineId,
                                             @Valid @Body Note body) {
        Region township = FundController.visibleTownship(regions, actor, townshipId);
        return HttpResponse.ok(StoredLineView.of(reconciliations.note(township, lineId, body.note())));
    }

    private static BankLineView bankView(Reconciliation.BankLine b, BankReconciliations.Outcome o) {
        BankLines.StoredLine s = o.storedByRow().get(b.row());
        return new BankLineView(b.row(), b.date(), b.amountFen(), b.reference(), b.counterparty(), b.memo(),
                s == null ? null : s.id(), s == null ? null : s.status(), s == null ? null : s.note(),
                s == null ? null : s.bookedAs());
    }

    private static LedgerEntryView ledgerView(Reconciliation.LedgerEntry e) {
        return new LedgerEntryView(e.date(), e.amountFen(), e.reference(), e.memo());
    }
}
