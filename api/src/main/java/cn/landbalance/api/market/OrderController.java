package cn.landbalance.api.market;

import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.api.Page;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.market.Allocation;
import cn.landbalance.settlement.market.MarketService;
import cn.landbalance.settlement.market.Order;
import cn.landbalance.settlement.market.OrderQuery;
import cn.landbalance.api.payment.NoticeView;
import cn.landbalance.settlement.payment.PaymentNotice;
import cn.landbalance.settlement.payment.PaymentService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

@Tag(name = "market")
@Controller("/api/orders")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class OrderController {
    private final MarketService market;
    private final PaymentService payments;
    private final Clock clock;

    public OrderController(MarketService market, PaymentService payments, Clock clock) {
        this.market = market;
        this.payments = payments;
        this.clock = clock;
    }

    @Serdeable
    public record PlaceOrder(@NotNull @Positive Long outflowApplicationId, @NotNull @Positive @Max(Units.MAX_AREA_M2) Long areaM2) {
    }

    @Serdeable
    public record AllocationView(long lotId, long townshipId, long areaM2, long pricePerMuFen, long amountFen,
                                 int qualityGrade) {
        static AllocationView of(Allocation a) {
            return new AllocationView(a.lotId(), a.townshipId(), a.areaM2(), a.pricePerMuFen(), a.amountFen(), a.qualityGrade());
        }
    }

    /**
     * An order with its payment notices (one per township it buys from): {@code paidFen} is what finance has confirmed
     * so far; the order is SETTLED when every notice is paid.
     */
    @Serdeable
    public record OrderView(long id, long outflowApplicationId, long buyerOrgId, Order.Status status, String statusLabel,
                            long areaM2, long amountFen, String amountYuan, long paidFen, Instant expiresAt,
                            String paymentReference, List<AllocationView> allocations, List<NoticeView> notices) {
        static OrderView of(Order o, List<PaymentNotice> notices) {
            boolean partlyPaid = notices.stream().anyMatch(n -> n.status() == PaymentNotice.Status.PAID);
            String label = switch (o.status()) {
                case PENDING_PAYMENT -> partlyPaid ? "部分到账" : "待缴款";
                case SETTLED -> "已结算";
                case EXPIRED -> "已过期";
                case CANCELLED -> "已撤销";
            };
            return new OrderView(o.id(), o.applicationId(), o.buyerOrgId(), o.status(), label, o.areaM2(), o.amountFen(),
                    Units.fenToYuan(o.amountFen()),
                    notices.stream().filter(n -> n.status() == PaymentNotice.Status.PAID).mapToLong(PaymentNotice::amountFen).sum(),
                    o.expiresAt(), o.paymentReference(), o.allocations().stream().map(AllocationView::of).toList(),
                    notices.stream().map(NoticeView::of).toList());
        }
    }

    private OrderView view(Order o) {
        return OrderView.of(o, payments.ofOrders(List.of(o.id())).getOrDefault(o.id(), List.of()));
    }

    @Post
    @Secured({"ENTERPRISE", "TOWNSHIP_OFFICER"})
    @Transactional
    @Idempotent
    public HttpResponse<OrderView> place(Actor actor, @Valid @Body PlaceOrder body) {
        return HttpResponse.created(view(market.placeOrder(actor, body.outflowApplicationId(), body.areaM2())));
    }

    @Post("/{id}/cancel")
    @Secured({"ENTERPRISE", "TOWNSHIP_OFFICER", "COUNTY_ADMIN"})
    @Transactional
    @Idempotent
    public HttpResponse<OrderView> cancel(Actor actor, @PathVariable long id) {
        return HttpResponse.ok(view(market.cancel(actor, id)));
    }

    /**
     * The orders the user may see, newest first: an enterprise its own; a township officer its township's purchases and
     * the orders on its listings; county roles the county's (narrowed by {@code townshipId}, the selling township, or
     * {@code buyerOrgId}). {@code from}/{@code to}: the day placed, in the county's time, both included.
     */
    @Get("{?status,applicationId,townshipId,buyerOrgId,from,to,page,size}")
    @ReadOnly
    public Page<OrderView> list(Actor actor, @Nullable @QueryValue Order.Status status,
                                @Nullable @QueryValue @Positive Long applicationId, @Nullable @QueryValue @Positive Long townshipId,
                                @Nullable @QueryValue @Positive Long buyerOrgId, @Nullable @QueryValue LocalDate from,
                                @Nullable @QueryValue LocalDate to, @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        ZoneId zone = clock.getZone();
        OrderQuery filters = new OrderQuery(actor.countyId(), buyerOrgId, townshipId, false, status, applicationId,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
        MarketService.OrderList found = market.orders(actor, filters, page, size);
        var notices = payments.ofOrders(found.orders().stream().map(Order::id).toList());
        return new Page<>(found.orders().stream().map(o -> OrderView.of(o, notices.getOrDefault(o.id(), List.of()))).toList(),
                page, size, found.total());
    }

    @Get("/{id}")
    @ReadOnly
    public OrderView get(Actor actor, @PathVariable long id) {
        return view(market.get(actor, id));
    }
}
