package cn.landbalance.api.fund;

import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.money.MoneyLedger;
import cn.landbalance.ledger.money.MoneyQueries;
import cn.landbalance.ledger.money.TransferKind;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.RegionLevel;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.fund.BankStatement;
import cn.landbalance.settlement.fund.Reconciliation;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Role;
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
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Clock;
import java.util.List;

/** A township's ring-fenced fund account (专项资金): balance and statements by period (dates in China Standard Time). */
@Tag(name = "funds")
@Controller("/api/townships/{townshipId}/account")
@Secured({"TOWNSHIP_OFFICER", "COUNTY_ADMIN", "COUNTY_VIEWER"})
public class FundController {
    private final Regions regions;
    private final MoneyQueries money;
    private final MoneyLedger ledger;

    private final Clock clock;

    public FundController(Regions regions, MoneyQueries money, MoneyLedger ledger, Clock clock) {
        this.clock = clock;
        this.regions = regions;
        this.money = money;
        this.ledger = ledger;
    }

    @Serdeable
    public record Account(long townshipId, String name, long balanceFen, long receivedFen, long spentFen, String balanceYuan) {
    }

    @Serdeable
    public record Line(OffsetDateTime at, long amountFen, TransferKind kind, String reference, String memo, long balanceAfterFen) {
    }

    @Serdeable
    public record Statement(long townshipId, LocalDate from, LocalDate to, long openingFen, long closingFen, long inFen,
                            long outFen, List<Line> lines) {
    }

    @Get
    @ReadOnly
    public Account account(Actor actor, @PathVariable long townshipId) {
        Region township = visibleTownship(actor, townshipId);
        MoneyQueries.AccountSummary s = money.townshipAccount(township.id());
        return new Account(township.id(), township.name(), s.balanceFen(), s.receivedFen(), s.spentFen(),
                Units.fenToYuan(s.balanceFen()));
    }

    /** Movements from {@code from} to {@code to} inclusive (default: the current year up to today). */
    @Get("/statement{?from,to}")
    @ReadOnly
    public Statement statement(Actor actor, @PathVariable long townshipId, @Nullable @QueryValue LocalDate from,
                               @Nullable @QueryValue LocalDate to) {
        Region township = visibleTownship(actor, townshipId);
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from == null ? today.withDayOfYear(1) : from;
        LocalDate end = to == null ? today : to;
        if (end.isBefore(start)) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "to", "the period ends before it starts");
        }
        MoneyQueries.Statement s = money.statement(township.id(), start.atStartOfDay(clock.getZone()).toOffsetDateTime(),
                end.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime());
        return new Statement(township.id(), start, end, s.openingFen(), s.closingFen(), s.inFen(), s.outFen(),
                s.lines().stream().map(l -> new Line(l.at(), l.amountFen(), l.kind(), l.reference(), l.memo(),
                        l.balanceAfterFen())).toList());
    }

    @Serdeable
    public record Expense(@NotNull @Positive Long amountFen,
                          @NotBlank @Size(max = 200) String purpose,
                          @NotBlank @Size(max = 128) String reference) {
    }

    @Serdeable
    public record ExpenseView(long transferId, long townshipId, long amountFen, String purpose, String reference,
                              long balanceFen) {
    }

    /** Pays for inflow work from the township's fund; refused (FUND_INSUFFICIENT) rather than overdrawing it. */
    @Post("/expenses")
    @Secured("TOWNSHIP_OFFICER")
    @Transactional
    @Idempotent
    public HttpResponse<ExpenseView> expense(Actor actor, @PathVariable long townshipId, @Valid @Body Expense body) {
        Region township = visibleTownship(actor, townshipId);
        var transfer = ledger.spend(township.countyId(), township.id(), body.amountFen(), body.reference(), body.purpose());
        return HttpResponse.created(new ExpenseView(transfer.id(), township.id(), body.amountFen(), body.purpose(),
                body.reference(), money.townshipAccount(township.id()).balanceFen()));
    }

    @Serdeable
    public record BankLineView(int row, LocalDate date, long amountFen, String reference, String counterparty, String memo) {
    }

    @Serdeable
    public record LedgerEntryView(LocalDate date, long amountFen, String reference, String memo) {
    }

    @Serdeable
    public record MatchView(BankLineView bank, LedgerEntryView ledger) {
    }

    /** 余额调节表 (see {@link Reconciliation.Adjustment}); amounts in fen. */
    @Serdeable
    public record AdjustmentView(Long bankBalanceFen, long bookBalanceFen, long bankReceivedNotBookedFen,
                                 long bankPaidNotBookedFen, long bookReceivedNotBankedFen, long bookPaidNotBankedFen,
                                 Long adjustedBankBalanceFen, long adjustedBookBalanceFen, Boolean balanced) {
        static AdjustmentView of(Reconciliation.Adjustment a) {
            return new AdjustmentView(a.bankBalanceFen(), a.bookBalanceFen(), a.bankReceivedNotBookedFen(),
                    a.bankPaidNotBookedFen(), a.bookReceivedNotBankedFen(), a.bookPaidNotBankedFen(),
                    a.adjustedBankBalanceFen(), a.adjustedBookBalanceFen(), a.balanced());
        }
    }

    /**
     * {@code unmatchedBankLines}: in the bank, not in the books (银行已收/已付企业未收/未付); {@code unmatchedLedgerEntries}: in
     * the books, not yet in the bank (企业已收/已付银行未收/未付).
     */
    @Serdeable
    public record ReconciliationView(long townshipId, LocalDate from, LocalDate to, List<MatchView> matched,
                                     List<BankLineView> unmatchedBankLines, List<LedgerEntryView> unmatchedLedgerEntries,
                                     AdjustmentView adjustment) {
    }

    /**
     * Bank reconciliation: the body is the bank statement as the bank exports it (.xlsx or CSV in UTF-8 or GBK, Chinese
     * headers such as 交易日期/收入金额/支出金额/交易流水号/对方户名/余额, or {@code date,amount,reference,counterparty} with
     * amounts in 元, negative for money out). Lines are matched one to one with the fund's entries of the same reference
     * and amount in the statement's date range, and the 余额调节表 is drawn up. Nothing is booked.
     */
    @Post("/reconciliations")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel"})
    @Secured({"TOWNSHIP_OFFICER", "COUNTY_ADMIN"})
    @ReadOnly
    @Idempotent
    public HttpResponse<ReconciliationView> reconcile(Actor actor, @PathVariable long townshipId,
                                                      @io.micronaut.core.annotation.Nullable @Body byte[] file) {
        Region township = visibleTownship(actor, townshipId);
        List<BankStatement.Line> read = BankStatement.read(file == null ? new byte[0] : file);
        List<Reconciliation.BankLine> bank = read.stream().map(l -> new Reconciliation.BankLine(l.row(), l.date(), l.amountFen(),
                l.reference(), l.counterparty(), l.memo())).toList();
        LocalDate from = bank.stream().map(Reconciliation.BankLine::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = bank.stream().map(Reconciliation.BankLine::date).max(LocalDate::compareTo).orElseThrow();
        MoneyQueries.Statement statement = money.statement(township.id(), from.atStartOfDay(clock.getZone()).toOffsetDateTime(),
                to.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime());
        List<Reconciliation.LedgerEntry> ledgerEntries = statement.lines().stream()
                .map(l -> new Reconciliation.LedgerEntry(
                        l.at().atZoneSameInstant(clock.getZone()).toLocalDate(), l.amountFen(), l.reference(), l.memo())).toList();
        var result = Reconciliation.match(bank, ledgerEntries);
        return HttpResponse.ok(new ReconciliationView(township.id(), from, to,
                result.matched().stream().map(m -> new MatchView(bankView(m.bank()), ledgerView(m.ledger()))).toList(),
                result.unmatchedBankLines().stream().map(FundController::bankView).toList(),
                result.unmatchedLedgerEntries().stream().map(FundController::ledgerView).toList(),
                AdjustmentView.of(Reconciliation.adjust(result, closingBalance(read), statement.closingFen()))));
    }

    /** The balance the bank printed after its last transaction (statements run oldest or newest first). */
    private static Long closingBalance(List<BankStatement.Line> lines) {
        LocalDate last = lines.stream().map(BankStatement.Line::date).max(LocalDate::compareTo).orElseThrow();
        boolean newestFirst = lines.get(0).date().isAfter(lines.get(lines.size() - 1).date());
        List<BankStatement.Line> onLastDay = lines.stream().filter(l -> l.date().equals(last)).toList();
        BankStatement.Line closing = newestFirst ? onLastDay.get(0) : onLastDay.get(onLastDay.size() - 1);
        return closing.balanceFen();
    }

    private static BankLineView bankView(Reconciliation.BankLine b) {
        return new BankLineView(b.row(), b.date(), b.amountFen(), b.reference(), b.counterparty(), b.memo());
    }

    private static LedgerEntryView ledgerView(Reconciliation.LedgerEntry e) {
        return new LedgerEntryView(e.date(), e.amountFen(), e.reference(), e.memo());
    }

    private Region visibleTownship(Actor actor, long townshipId) {
        return regions.findById(townshipId)
                .filter(r -> r.level() == RegionLevel.TOWNSHIP)
                .filter(r -> actor.role() == Role.TOWNSHIP_OFFICER ? actor.regionId() == r.id() : actor.inCounty(r.countyId()))
                .orElseThrow(() -> new DomainException(ErrorCode.TOWNSHIP_NOT_FOUND, "township " + townshipId));
    }
}
