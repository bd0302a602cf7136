package cn.landbalance.api.fund;

import cn.landbalance.api.Page;
import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.money.MoneyLedger;
import cn.landbalance.ledger.money.MoneyQueries;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.fund.Expense;
import cn.landbalance.settlement.fund.ExpenseService;
import cn.landbalance.settlement.fund.Expenses;
import cn.landbalance.settlement.fund.PaymentReferences;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Tenancy;
import cn.landbalance.settlement.inflow.InflowProjects;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Expenses of the township funds: the township proposes ({@code POST /api/townships/{id}/account/expenses}), the county
 * approves or rejects, the township pays with the bank's serial and date; only then does money leave the fund.
 */
@Tag(name = "funds")
@Controller("/api")
@Secured({"TOWNSHIP_OFFICER", "COUNTY_ADMIN", "COUNTY_VIEWER"})
public class ExpenseController {
    private final ExpenseService service;
    private final Expenses expenses;
    private final Regions regions;
    private final MoneyQueries money;

    public ExpenseController(ExpenseService service, Expenses expenses, Regions regions, MoneyQueries money) {
        this.service = service;
        this.expenses = expenses;
        this.regions = regions;
        this.money = money;
    }

    @Factory
    static class Wiring {
        @Singleton
        ExpenseService expenseService(Expenses expenses, InflowProjects projects, MoneyLedger ledger, MoneyQueries money,
                                      PaymentReferences references, Clock clock) {
            return new ExpenseService(expenses, projects, ledger, money, references, clock);
        }
    }

    /** What the township asks to spend: amount, category, the inflow project (for works and compensation), payee, purpose. */
    @Serdeable
    public record ProposalBody(@NotNull @Positive Long amountFen, @NotNull Expense.Category category,
                               @Nullable @Positive Long inflowProjectId,
                               @NotBlank @Size(max = 200) String payeeName,
                               @NotBlank @Size(max = Expense.MAX_TEXT) String purpose,
                               @Nullable @Size(max = 128) String reference) {
    }

    @Serdeable
    public record Note(@Nullable @Size(max = Expense.MAX_TEXT) String note) {
    }

    @Serdeable
    public record Reason(@NotBlank @Size(max = Expense.MAX_TEXT) String reason) {
    }

    @Serdeable
    public record PaymentBody(@NotBlank @Size(max = 128) String bankSerial, @NotNull LocalDate paidOn) {
    }

    @Serdeable
    public record ExpenseView(long id, long countyId, long townshipId, String township, long amountFen,
                              String amountYuan, Expense.Category category, String categoryLabel,
                              @Nullable Long inflowProjectId, String payeeName, String purpose,
                              @Nullable String reference, Expense.Status status, String statusLabel, long proposedBy,
                              Instant proposedAt, @Nullable Long decidedBy, @Nullable Instant decidedAt,
                              @Nullable String decisionNote, @Nullable String bankSerial, @Nullable LocalDate paidOn,
                              @Nullable Long transferId, @Nullable Long cancelledBy, @Nullable Instant cancelledAt,
                              @Nullable String cancelReason, long fundBalanceFen, long fundCommittedFen) {
    }

    /** The township proposes an expense of its fund (nothing moves until the county approves and the township pays). */
    @Post("/townships/{townshipId}/account/expenses")
    @Secured("TOWNSHIP_OFFICER")
    @Transactional
    @Idempotent
    public HttpResponse<ExpenseView> propose(Actor actor, @PathVariable long townshipId, @Valid @Body ProposalBody body) {
        Region township = FundController.visibleTownship(regions, actor, townshipId);
        Expense e = service.propose(actor, township, new ExpenseService.Proposal(body.amountFen(), body.category(),
                body.inflowProjectId(), body.payeeName(), body.purpose(), body.reference()));
        return HttpResponse.created(view(e));
    }

    /** A township's expenses, newest first. */
    @Get("/townships/{townshipId}/account/expenses{?status,inflowProjectId,page,size}")
    @ReadOnly
    public Page<ExpenseView> ofTownship(Actor actor, @PathVariable long townshipId, @Nullable @QueryValue Expense.Status status,
                                        @Nullable @QueryValue @Positive Long inflowProjectId,
                                        @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                        @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        Region township = FundController.visibleTownship(regions, actor, townshipId);
        return page(new Expenses.Query(township.countyId(), township.id(), status, inflowProjectId), page, size);
    }

    /** The county's expenses (its approval queue with {@code status=PROPOSED}), newest first. */
    @Get("/counties/{countyId}/expenses{?status,townshipId,inflowProjectId,page,size}")
    @Secured({"COUNTY_ADMIN", "COUNTY_VIEWER"})
    @ReadOnly
    public Page<ExpenseView> ofCounty(Actor actor, @PathVariable long countyId, @Nullable @QueryValue Expense.Status status,
                                      @Nullable @QueryValue @Positive Long townshipId,
                                      @Nullable @QueryValue @Positive Long inflowProjectId,
                                      @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                      @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        Tenancy.requireCountyRoleOf(actor, countyId);
        return page(new Expenses.Query(countyId, townshipId, status, inflowProjectId), page, size);
    }

    @Get("/expenses/{id}")
    @ReadOnly
    public ExpenseView get(Actor actor, @PathVariable long id) {
        return view(service.visible(actor, id));
    }

    /** The county approves: refused (FUND_INSUFFICIENT) if the fund does not hold it beyond its commitments. */
    @Post("/expenses/{id}/approve")
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<ExpenseView> approve(Actor actor, @PathVariable long id, @Valid @Nullable @Body Note body) {
        return HttpResponse.ok(view(service.approve(actor, id, body == null ? null : body.note())));
    }

    @Post("/expenses/{id}/reject")
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<ExpenseView> reject(Actor actor, @PathVariable long id, @Valid @Body Reason body) {
        return HttpResponse.ok(view(service.reject(actor, id, body.reason())));
    }

    @Post("/expenses/{id}/withdraw")
    @Secured("TOWNSHIP_OFFICER")
    @Transactional
    @Idempotent
    public HttpResponse<ExpenseView> withdraw(Actor actor, @PathVariable long id) {
        return HttpResponse.ok(view(service.withdraw(actor, id)));
    }

    /** An approved expense that will not be paid; frees the fund's commitment. */
    @Post("/expenses/{id}/cancel")
    @Secured({"TOWNSHIP_OFFICER", "COUNTY_ADMIN"})
    @Transactional
    @Idempotent
    public HttpResponse<ExpenseView> cancel(Actor actor, @PathVariable long id, @Valid @Body Reason body) {
        return HttpResponse.ok(view(service.cancel(actor, id, body.reason())));
    }

    /** The township paid the approved expense: the money leaves the fund on the bank's date with its serial. */
    @Post("/expenses/{id}/pay")
    @Secured("TOWNSHIP_OFFICER")
    @Transactional
    @Idempotent
    public HttpResponse<ExpenseView> pay(Actor actor, @PathVariable long id, @Valid @Body PaymentBody body) {
        return HttpResponse.ok(view(service.pay(actor, id, body.bankSerial(), body.paidOn())));
    }

    private Page<ExpenseView> page(Expenses.Query query, int page, int size) {
        return new Page<>(expenses.list(query, page * size, size).stream().map(this::view).toList(), page, size,
                expenses.count(query));
    }

    private ExpenseView view(Expense e) {
        String township = regions.findById(e.townshipId()).map(Region::name).orElse(null);
        Expense.Payment p = e.payment();
        Expense.Cancellation c = e.cancellation();
        return new ExpenseView(e.id(), e.countyId(), e.townshipId(), township, e.amountFen(), Units.fenToYuan(e.amountFen()),
                e.category(), e.category().label(), e.inflowProjectId(), e.payeeName(), e.purpose(), e.reference(),
                e.status(), Expense.label(e.status()), e.proposedBy(), e.proposedAt(), e.decidedBy(), e.decidedAt(),
                e.decisionNote(), p == null ? null : p.bankSerial(), p == null ? null : p.paidOn(),
                p == null ? null : p.transferId(), c == null ? null : c.by(), c == null ? null : c.at(),
                c == null ? null : c.reason(), money.townshipAccount(e.townshipId()).balanceFen(),
                expenses.committedFen(e.townshipId()));
    }
}
