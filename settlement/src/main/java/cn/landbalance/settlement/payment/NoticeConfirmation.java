package cn.landbalance.settlement.payment;

import cn.landbalance.settlement.fund.PaymentReferences;
import cn.landbalance.settlement.market.Order;
import cn.landbalance.settlement.market.OrderSettlements;
import cn.landbalance.settlement.outflow.OutflowService;
import cn.landbalance.settlement.payment.PaymentService.Arrival;
import cn.landbalance.settlement.payment.PaymentService.Quoted;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Confirming that a notice's money arrived, one notice at a time or a bank statement's lines together: the arrival is
 * checked against the notice, its order or fee, and the bank serials already used, and only then settled.
 */
final class NoticeConfirmation {
    private final PaymentNotices notices;
    private final OrderSettlements market;
    private final OutflowService outflow;
    private final PaymentReferences references;
    private final Clock clock;

    NoticeConfirmation(PaymentNotices notices, OrderSettlements market, OutflowService outflow, PaymentReferences references,
                       Clock clock) {
        this.notices = notices;
        this.market = market;
        this.outflow = outflow;
        this.references = references;
        this.clock = clock;
    }

    /** Why the arrival cannot settle the notice as last read, if it cannot ({@link PaymentService#refusal}). */
    Optional<Refusal> refusal(PaymentNotice notice, Arrival arrival) {
        return refusal(notice, arrival, references.claimed(arrival.bankSerial().strip()))
                .or(() -> notice.kind() == PaymentNotice.Kind.ORDER ? market.refusal(notice, arrival.receivedOn())
                        : outflow.refusal(notice.applicationId()));
    }

    /** Why the arrival cannot pay the notice, whatever it pays for: {@code serialUsed} when its serial paid something. */
    private Optional<Refusal> refusal(PaymentNotice notice, Arrival arrival, boolean serialUsed) {
        return ArrivalRules.refusal(notice, arrival, serialUsed, clock.getZone(), LocalDate.now(clock));
    }

    /** Why the arrival cannot pay the order notice, decided on the order and application as locked in {@code locked}. */
    private Optional<Refusal> refusal(PaymentNotice notice, Arrival arrival, boolean serialUsed,
                                        OrderSettlements.Locked locked, Instant now) {
        return refusal(notice, arrival, serialUsed).or(() -> {
            Order order = locked.orders().get(notice.orderId());
            return OrderSettlements.refusal(order, locked.applications().get(order.applicationId()), notice,
                    arrival.receivedOn(), now);
        });
    }

    /**
     * Confirms a bank statement's lines ({@link PaymentService#confirmAll}): fee notices one by one, order notices
     * together under one set of locks, each kind of row written in one statement for them all.
     */
    List<Optional<Refusal>> confirmAll(List<Quoted> quoted, Long userId) {
        quoted.forEach(q -> requireArrival(q.arrival()));
        List<Optional<Refusal>> outcome = new java.util.ArrayList<>(java.util.Collections.nCopies(quoted.size(),
                Optional.empty()));
        List<Integer> orders = new java.util.ArrayList<>();
        for (int i = 0; i < quoted.size(); i++) {
            Quoted q = quoted.get(i);
            if (q.notice().kind() == PaymentNotice.Kind.ORDER) {
                orders.add(i);
                continue;
            }
            PaymentNotice fee = notices.find(q.notice().id()).orElseThrow(); // as an earlier line of this statement left it
            Optional<Refusal> refused = refusal(fee, q.arrival());
            outcome.set(i, refused);
            if (refused.isEmpty()) {
                confirmVisible(fee, q.arrival(), userId);
            }
        }
        OrderSettlements.Locked locked = market.lock(orders.stream().map(i -> quoted.get(i).notice().orderId()).toList(),
                orders.stream().map(i -> quoted.get(i).notice().id()).toList());
        java.util.Set<String> used = new java.util.HashSet<>(references.claimedAmong(orders.stream()
                .map(i -> quoted.get(i).arrival().bankSerial().strip()).toList()));
        Map<Long, PaymentNotice> current = new java.util.HashMap<>(locked.notices());
        List<OrderSettlements.Payment> payments = new java.util.ArrayList<>();
        Instant now = clock.instant();
        for (int i : orders) {
            Arrival arrival = quoted.get(i).arrival();
            PaymentNotice notice = current.get(quoted.get(i).notice().id());
            Optional<Refusal> refused = refusal(notice, arrival, used.contains(arrival.bankSerial().strip()), locked,
                    now);
            outcome.set(i, refused);
            if (refused.isEmpty()) {
                PaymentNotice.Receipt receipt = receiptOf(arrival, userId, now);
                used.add(receipt.bankSerial());
                current.put(notice.id(), notice.to(PaymentNotice.Status.PAID, receipt));
                payments.add(new OrderSettlements.Payment(notice, receipt));
            }
        }
        market.settle(payments, locked);
        return outcome;
    }

    /** Confirms a notice the caller may confirm; the same confirmation repeated answers with the paid notice. */
    PaymentNotice confirmVisible(PaymentNotice seen, Arrival arrival, Long userId) {
        requireArrival(arrival);
        // the order's lock before the notice's: the order first, as cancellation and expiry take them
        OrderSettlements.Locked locked = seen.orderId() == null ? null
                : market.lock(List.of(seen.orderId()), List.of(seen.id()));
        PaymentNotice notice = locked == null ? notices.lock(seen.id()).orElseThrow() : locked.notices().get(seen.id());
        if (notice.status() == PaymentNotice.Status.PAID && notice.receipt() != null
                && notice.receipt().bankSerial().equals(arrival.bankSerial()) && notice.amountFen() == arrival.amountFen()) {
            return notice;
        }
        Instant now = clock.instant();
        Optional<Refusal> refused = locked == null ? refusal(notice, arrival)
                : refusal(notice, arrival, references.claimed(arrival.bankSerial().strip()), locked, now);
        if (refused.isPresent()) {
            throw refused.get().exception();
        }
        PaymentNotice.Receipt receipt = receiptOf(arrival, userId, now);
        if (locked != null) {
            market.settle(List.of(new OrderSettlements.Payment(notice, receipt)), locked);
            return notice.to(PaymentNotice.Status.PAID, receipt);
        }
        outflow.settleFee(notice.applicationId(), notice.areaM2(), notice.amountFen(), receipt.bankSerial(),
                receipt.receivedOn(), notice.remittanceCode());
        PaymentNotice paid = notice.to(PaymentNotice.Status.PAID, receipt);
        notices.save(notice, paid);
        return paid;
    }

    private static PaymentNotice.Receipt receiptOf(Arrival arrival, Long userId, Instant at) {
        return new PaymentNotice.Receipt(arrival.bankSerial().strip(), arrival.receivedOn(), blankToNull(arrival.payerName()),
                blankToNull(arrival.payerAccount()), userId, at, arrival.bankLineId());
    }

    private void requireArrival(Arrival arrival) {
        ArrivalRules.requireComplete(arrival);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
