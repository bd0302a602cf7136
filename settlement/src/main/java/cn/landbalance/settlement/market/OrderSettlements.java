package cn.landbalance.settlement.market;

import cn.landbalance.ledger.common.AreaM2;
import cn.landbalance.ledger.common.MoneyFen;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.indicator.IndicatorLedger;
import cn.landbalance.ledger.money.MoneyLedger;
import cn.landbalance.ledger.money.TransferKind;
import cn.landbalance.settlement.fund.PaymentReferences;
import cn.landbalance.settlement.outflow.Coverage;
import cn.landbalance.settlement.outflow.OutflowApplication;
import cn.landbalance.settlement.outflow.OutflowApplications;
import cn.landbalance.settlement.payment.PaymentNotice;
import cn.landbalance.settlement.payment.PaymentNotices;
import cn.landbalance.settlement.payment.Refusal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Orders settled by their payment notices' money: one notice confirmed by finance, or the thousands a bank statement
 * pays at once. Either way the same steps in the same lock order — orders, then notices, then applications (each in
 * ascending id), then the lots of the holds consumed (ascending), then the fund accounts (ascending township) — and the
 * same writes, each kind of row in one statement however many payments there are: the indicators bought from the
 * notice's township consumed against the obligation, the money booked into its fund on the day the bank credited it,
 * the order settled with its last notice, the notice paid.
 */
public class OrderSettlements {
    private final Orders market;
    private final OutflowApplications applications;
    private final PaymentNotices notices;
    private final PaymentReferences references;
    private final IndicatorLedger ledger;
    private final MoneyLedger money;
    private final Clock clock;

    public OrderSettlements(Orders market, OutflowApplications applications, PaymentNotices notices,
                            PaymentReferences references, IndicatorLedger ledger, MoneyLedger money, Clock clock) {
        this.market = market;
        this.applications = applications;
        this.notices = notices;
        this.references = references;
        this.ledger = ledger;
        this.money = money;
        this.clock = clock;
    }

    /** A notice and the receipt of the money that pays it. */
    public record Payment(PaymentNotice notice, PaymentNotice.Receipt receipt) {
    }

    /** What a settlement decides on, row-locked: the orders, their notices being paid, their applications, by id. */
    public record Locked(Map<Long, Order> orders, Map<Long, PaymentNotice> notices, Map<Long, OutflowApplication> applications) {
    }

    /** Locks the orders, then the notices, then the orders' applications, each in ascending id. */
    public Locked lock(Collection<Long> orderIds, Collection<Long> noticeIds) {
        Map<Long, Order> orders = byId(market.lockOrders(new java.util.TreeSet<>(orderIds)), Order::id);
        Map<Long, PaymentNotice> locked = byId(notices.lockAll(new java.util.TreeSet<>(noticeIds)), PaymentNotice::id);
        Map<Long, OutflowApplication> apps = byId(applications.lockAll(orders.values().stream()
                .map(Order::applicationId).collect(Collectors.toCollection(java.util.TreeSet::new))), OutflowApplication::id);
        return new Locked(orders, locked, apps);
    }

    private static <T> Map<Long, T> byId(List<T> rows, Function<T, Long> id) {
        Map<Long, T> map = new java.util.HashMap<>();
        rows.forEach(r -> map.put(id.apply(r), r));
        return map;
    }

    /**
     * Why money for {@code notice}, arrived on {@code receivedOn}, cannot settle {@code order} now: the order ended; or
     * its time ran out and the money arrived after the due date (money that arrived in time settles even if finance
     * confirms it after the order's time ran out, before the expiry job released it); or its application takes no more
     * coverage.
     */
    public static Optional<Refusal> refusal(Order order, OutflowApplication application, PaymentNotice notice,
                                            LocalDate receivedOn, Instant now) {
        if (order.status() != Order.Status.PENDING_PAYMENT) {
            boolean expired = order.status() == Order.Status.EXPIRED;
            return Optional.of(new Refusal(expired ? ErrorCode.ORDER_EXPIRED : ErrorCode.ORDER_NOT_PAYABLE, null,
                    "订单 " + order.id() + " 已"
                            + (expired ? "过期" : order.status() == Order.Status.CANCELLED ? "撤销" : "结算") + "，到账款项须退回",
                    "order " + order.id() + " is " + order.status() + ", refund the money"));
        }
        if (!now.isBefore(order.expiresAt()) && receivedOn.isAfter(notice.dueOn())) {
            return Optional.of(new Refusal(ErrorCode.ORDER_EXPIRED, null,
                    "款项于 " + receivedOn + " 到账，晚于缴款期限 " + notice.dueOn() + "，须退款",
                    "the money arrived after the notice's due date " + notice.dueOn()));
        }
        if (!application.status().coverable()) {
            return Optional.of(new Refusal(ErrorCode.APPLICATION_NOT_COVERABLE, null,
                    "耕地转出申请" + application.status().label() + "，不能再落实平衡，须退款",
                    "the application is " + application.status() + ", refund the money"));
        }
        return Optional.empty();
    }

    /** {@link #refusal} for an order read now (no locks: a settlement decides again under its locks). */
    public Optional<Refusal> refusal(PaymentNotice notice, LocalDate receivedOn) {
        Order order = market.findOrder(notice.orderId()).orElseThrow();
        OutflowApplication application = applications.find(order.applicationId()).orElseThrow();
        return refusal(order, application, notice, receivedOn, clock.instant());
    }

    /**
     * Settles the payments, in order, under the locks of {@code locked} (each payment's notice and order among them,
     * each checked by the caller with {@link #refusal}; their serials distinct and checked unclaimed): claims each bank
     * serial for its order, consumes the indicators each notice's township sold the order (all those left unnoticed too
     * when the order's last notice is paid), covers the obligation with them, books each notice's money into its fund,
     * settles each order whose last notice is paid, and marks the notices paid. Returns the orders settled.
     */
    public List<Order> settle(List<Payment> payments, Locked locked) {
        if (payments.isEmpty()) {
            return List.of();
        }
        Set<String> held = references.claimAll(payments.stream().map(p -> new PaymentReferences.Claim(
                p.receipt().bankSerial(), PaymentReferences.Kind.ORDER, p.notice().orderId())).toList());
        if (!held.isEmpty()) {
            throw PaymentReferences.reused(held.iterator().next(), "bankSerial");
        }
        Map<Long, List<PaymentNotice>> noticesOfOrders = notices.ofOrders(payments.stream()
                .map(p -> p.notice().orderId()).collect(Collectors.toCollection(java.util.TreeSet::new)));
        Set<Long> paidNow = new HashSet<>();
        List<IndicatorLedger.Consumption> consumed = new ArrayList<>();
        List<OutflowApplications.NewCoverage> coverages = new ArrayList<>();
        Map<Long, List<MoneyLedger.Receipt>> receipts = new TreeMap<>();
        List<Orders.Transition> transitions = new ArrayList<>();
        for (Payment p : payments) {
            PaymentNotice notice = p.notice();
            Order order = locked.orders().get(notice.orderId());
            OutflowApplication app = locked.applications().get(order.applicationId());
            List<PaymentNotice> all = noticesOfOrders.getOrDefault(order.id(), List.of());
            boolean last = all.stream().allMatch(n -> n.id() == notice.id() || n.status() == PaymentNotice.Status.PAID
                    || paidNow.contains(n.id()));
            paidNow.add(notice.id());
            Set<Long> noticed = all.stream().map(PaymentNotice::townshipId).collect(Collectors.toSet());
            List<Allocation> settling = order.allocations().stream()
                    .filter(a -> a.townshipId() == notice.townshipId() || (last && !noticed.contains(a.townshipId())))
                    .sorted(Comparator.comparingLong(Allocation::lotId)).toList();
            String serial = p.receipt().bankSerial();
            for (Allocation a : settling) {
                consumed.add(new IndicatorLedger.Consumption(a.holdId(), AreaM2.of(a.areaM2())));
                coverages.add(new OutflowApplications.NewCoverage(app, Coverage.purchase(a.areaM2(), serial,
                        a.townshipId(), a.lotId(), a.qualityGrade(), a.amountFen())));
            }
            settling.stream().filter(a -> a.amountFen() > 0)
                    .sorted(Comparator.comparingLong(Allocation::townshipId).thenComparingLong(Allocation::lotId))
                    .forEach(a -> receipts.computeIfAbsent(order.countyId(), c -> new ArrayList<>()).add(new MoneyLedger.Receipt(
                            a.townshipId(), MoneyFen.of(a.amountFen()), TransferKind.SALE, serial, "订单 " + order.id() + "：指标批次 " + a.lotId() + " "
                            + Units.areaZh(a.areaM2()) + "，缴款通知书 " + notice.remittanceCode(), p.receipt().receivedOn())));
            if (last) {
                transitions.add(new Orders.Transition(order, order.after(Order.Action.PAY, serial)));
            }
        }
        ledger.consumeAll(consumed);
        applications.coverAll(coverages);
        receipts.forEach(money::receiveAll);
        market.saveTransitions(transitions, Order.Action.PAY, clock.instant());
        notices.savePaid(payments.stream().map(Payment::notice).toList(),
                payments.stream().map(p -> p.notice().to(PaymentNotice.Status.PAID, p.receipt())).toList());
        return transitions.stream().map(Orders.Transition::after).toList();
    }
}
